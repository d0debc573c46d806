package org.vetbill.shared.events;

/**
 * One record that a use case created or changed, as integrations see it.
 *
 * @param kind what changed
 * @param departmentId the department the record belongs to (a department-scoped
 * subscription hears only its own department's changes)
 * @param id the record's id
 */
public record Change(Kind kind, long departmentId, long id) {

	/**
	 * An invoice was created or changed: a numbered invoice (finalized, invoicing, a
	 * credit note, or voided after being numbered) is an {@link Kind#INVOICE}, one never
	 * numbered (a draft, or a voided draft) an {@link Kind#INVOICE_DRAFT}.
	 * @param departmentId the invoice's department
	 * @param id the invoice
	 * @param numbered whether it has an invoice number
	 * @return the change
	 */
	public static Change invoice(long departmentId, long id, boolean numbered) {
		return new Change(numbered ? Kind.INVOICE : Kind.INVOICE_DRAFT, departmentId, id);
	}

	public static Change payment(long departmentId, long id) {
		return new Change(Kind.INVOICE_PAYMENT, departmentId, id);
	}

	public static Change prepayment(long departmentId, long id) {
		return new Change(Kind.UNALLOCATED_PAYMENT, departmentId, id);
	}

	public static Change rowDeleted(long departmentId, long rowId) {
		return new Change(Kind.INVOICE_ROW_DELETED, departmentId, rowId);
	}

	public static Change consultationFinalized(long departmentId, long id) {
		return new Change(Kind.CONSULTATION_FINALIZED, departmentId, id);
	}

	public static Change departmentSettings(long departmentId) {
		return new Change(Kind.DEPARTMENT_SETTINGS, departmentId, departmentId);
	}

	/**
	 * What kind of record changed, and how.
	 */
	public enum Kind {

		/** A numbered invoice was created or changed (its balance included). */
		INVOICE,

		/**
		 * An invoice that is not numbered (a draft) was created or changed, rows
		 * included.
		 */
		INVOICE_DRAFT,

		/** A payment on an invoice was recorded or changed (cancelled). */
		INVOICE_PAYMENT,

		/** A prepayment (unallocated payment) was created or changed. */
		UNALLOCATED_PAYMENT,

		/** A row was deleted from an invoice. */
		INVOICE_ROW_DELETED,

		/** A consultation was finalized. */
		CONSULTATION_FINALIZED,

		/** A department's settings were created or changed. */
		DEPARTMENT_SETTINGS

	}

}
