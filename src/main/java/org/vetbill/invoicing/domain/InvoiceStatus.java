package org.vetbill.invoicing.domain;

import org.jspecify.annotations.Nullable;

/**
 * Invoice statuses, with the numbers integrations know them by.
 */
public enum InvoiceStatus {

	/** Being prepared; editable, not numbered. */
	DRAFT(0),

	/** Sent to the client; still editable and not numbered. */
	SENT(1),

	/** Open; still editable and not numbered. */
	OPEN(2),

	/** Finalized: numbered, immutable, and the only status that takes payments. */
	FINALIZED(3),

	/** Sent to the client for later payment: numbered and immutable. */
	INVOICING(4),

	/** Voided: nothing more happens to it; keeps its number if it had one. */
	VOIDED(99);

	private final int code;

	InvoiceStatus(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	/**
	 * Whether rows and header can still change: the three draft statuses.
	 * @return true for 0, 1 and 2
	 */
	public boolean isDraft() {
		return this == DRAFT || this == SENT || this == OPEN;
	}

	/**
	 * Whether the invoice has been finalized and numbered and is still in force.
	 * @return true for 3 and 4
	 */
	public boolean isIssued() {
		return this == FINALIZED || this == INVOICING;
	}

	/**
	 * Whether payments may be recorded.
	 * @return true for 3 only
	 */
	public boolean isPayable() {
		return this == FINALIZED;
	}

	public static @Nullable InvoiceStatus ofCode(int code) {
		for (InvoiceStatus status : values()) {
			if (status.code == code) {
				return status;
			}
		}
		return null;
	}

	public static InvoiceStatus of(int code) {
		InvoiceStatus status = ofCode(code);
		if (status == null) {
			throw new IllegalArgumentException("no invoice status " + code);
		}
		return status;
	}

}
