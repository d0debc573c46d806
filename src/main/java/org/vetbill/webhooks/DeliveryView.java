package org.vetbill.webhooks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery of the webhook queue: an event (a trigger fired for an object) for one
 * webhook, and how its delivery went.
 *
 * @param id the delivery's id, sent as the {@code webhook-id} header
 * @param webhookId the webhook
 * @param trigger the trigger that fired
 * @param objectType the changed object's type, such as {@code invoice}
 * @param objectId the changed object's id
 * @param state {@code pending}, {@code delivered} or {@code failed}
 * @param attempts the attempts made so far
 * @param nextTry when the next attempt is due; null when done, or while the webhook is
 * inactive
 * @param lastAttempt when the last attempt started
 * @param lastStatus the HTTP status of the last attempt, null if none came back
 * @param lastError why the last attempt failed, null if it succeeded
 * @param created when the change was committed
 * @param modified when the delivery last changed
 */
public record DeliveryView(long id, long webhookId, int trigger, String objectType, long objectId, String state,
		int attempts, @Nullable Instant nextTry, @Nullable Instant lastAttempt, @Nullable Integer lastStatus,
		@Nullable String lastError, Instant created, Instant modified) {

	public static final String PENDING = "pending";

	public static final String DELIVERED = "delivered";

	public static final String FAILED = "failed";

}
