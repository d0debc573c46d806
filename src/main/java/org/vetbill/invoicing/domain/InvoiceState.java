package org.vetbill.invoicing.domain;

import org.vetbill.shared.money.Money;

/**
 * An invoice's state as clients ask for it, derived from its status and amounts: the
 * draft statuses are DRAFT; a numbered invoice in force is ISSUED, PARTIALY_PAID (spelled
 * as integrations spell it) or PAID by what has been paid, or WRITTEN_OFF once its
 * balance was written off; a voided one is VOID. Only DRAFT, ISSUED, VOID and WRITTEN_OFF
 * can be asked for: the paid states follow from payments.
 */
public enum InvoiceState {

	DRAFT, ISSUED, PARTIALY_PAID, PAID, VOID, WRITTEN_OFF;

	/**
	 * The state of an invoice.
	 * @param status its status
	 * @param totalWithVat its gross total (negative for a credit note)
	 * @param paid what has been paid (refunds paid out on a credit note are negative)
	 * @param writtenOff what was written off
	 * @return the state
	 */
	public static InvoiceState of(InvoiceStatus status, Money totalWithVat, Money paid, Money writtenOff) {
		if (status == InvoiceStatus.VOIDED) {
			return VOID;
		}
		if (status.isDraft()) {
			return DRAFT;
		}
		if (!writtenOff.isZero()) {
			return WRITTEN_OFF;
		}
		if (paid.isZero()) {
			return ISSUED;
		}
		Money due = totalWithVat.minus(paid).minus(writtenOff);
		return (due.amount().signum() * totalWithVat.amount().signum() <= 0) ? PAID : PARTIALY_PAID;
	}

	/**
	 * Whether a request may ask for this state; the paid states come from payments.
	 * @return true for DRAFT, ISSUED, VOID and WRITTEN_OFF
	 */
	public boolean isRequestable() {
		return this != PARTIALY_PAID && this != PAID;
	}

	/**
	 * Whether the invoice is numbered and in force: ISSUED, PARTIALY_PAID or PAID.
	 * @return true for the issued states
	 */
	public boolean isIssued() {
		return this == ISSUED || this == PARTIALY_PAID || this == PAID;
	}

}
