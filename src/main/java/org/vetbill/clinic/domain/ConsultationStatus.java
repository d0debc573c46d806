package org.vetbill.clinic.domain;

import org.jspecify.annotations.Nullable;

/**
 * Consultation statuses with their numeric codes.
 */
public enum ConsultationStatus {

	ADMITTED(0), READY_FOR_DISCHARGE(5), DISCHARGED(6), INVOICING(7), IN_PROGRESS(8), INVOICE_PAID(9), FINALIZED(10),
	DRAFT(11);

	private final int code;

	ConsultationStatus(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	/**
	 * Whether items can still be charged: not once the consultation has been invoiced.
	 * @return true while the consultation is open
	 */
	public boolean isOpen() {
		return this != FINALIZED && this != INVOICING && this != INVOICE_PAID;
	}

	public static @Nullable ConsultationStatus ofCode(int code) {
		for (ConsultationStatus status : values()) {
			if (status.code == code) {
				return status;
			}
		}
		return null;
	}

}
