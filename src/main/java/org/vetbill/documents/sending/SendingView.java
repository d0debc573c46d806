package org.vetbill.documents.sending;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A sending of an invoice or credit note, as the API shows it.
 *
 * @param id the sending's id
 * @param invoiceId the invoice or credit note sent
 * @param channel how it is sent
 * @param recipient the email address or e-invoice address
 * @param language the language of the message ({@code fi}, {@code sv} or {@code en})
 * @param status pending, sent or failed
 * @param attempts the attempts made so far
 * @param nextAttempt when it is tried next, null once it ended
 * @param lastAttempt when it was last tried, null before the first attempt
 * @param lastError why the last attempt failed, null when it did not
 * @param requestedBy who asked for it
 * @param created when it was asked for
 * @param sent when it was handed over, null until then
 */
public record SendingView(long id, long invoiceId, Channel channel, String recipient, String language,
		SendingStatus status, int attempts, @Nullable Instant nextAttempt, @Nullable Instant lastAttempt,
		@Nullable String lastError, String requestedBy, Instant created, @Nullable Instant sent) {

}
