package org.vetbill.webhooks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A webhook as the API reads it.
 *
 * @param id the webhook's id
 * @param trigger the number of the trigger it subscribes to (see {@link Trigger})
 * @param name a name for people
 * @param active whether changes are queued for it (and its queue delivered)
 * @param departmentId the department whose changes it hears, or null for all
 * @param targetUrl where deliveries are posted
 * @param contentType 1 form, 2 JSON
 * @param secret the signing secret, {@code whsec_...}
 * @param created when it was created
 * @param modified when it last changed
 */
public record WebhookView(long id, int trigger, String name, boolean active, @Nullable Long departmentId,
		String targetUrl, int contentType, String secret, Instant created, Instant modified) {

	@Override
	public String toString() {
		// never written to logs or the audit log with its secret
		return "WebhookView[id=" + this.id + ", trigger=" + this.trigger + ", name=" + this.name + ", active="
				+ this.active + ", departmentId=" + this.departmentId + ", targetUrl=" + this.targetUrl
				+ ", contentType=" + this.contentType + "]";
	}

}
