package org.vetbill.documents.sending;

import org.jspecify.annotations.Nullable;

/**
 * A request to send an invoice or credit note.
 *
 * @param channel {@code EMAIL} or {@code EINVOICE}; null for {@code EMAIL}
 * @param recipient the email address or the e-invoice address
 * ({@code scheme:id[:operator]}, such as {@code 0216:003712345671:NDEAFIHH}); null for
 * the client's email address, or the payer's e-invoice address on the document
 */
public record SendingRequest(@Nullable String channel, @Nullable String recipient) {

	/** Email to the client's address. */
	public static final SendingRequest DEFAULT = new SendingRequest(null, null);

}
