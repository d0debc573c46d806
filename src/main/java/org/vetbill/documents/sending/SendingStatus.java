package org.vetbill.documents.sending;

/**
 * Where a sending stands.
 */
public enum SendingStatus {

	/** Waiting for its next attempt (or in one). */
	PENDING,

	/** Handed over: accepted by the mail server, or written to the e-invoice outbox. */
	SENT,

	/** Given up after the last attempt; the last error is kept. */
	FAILED

}
