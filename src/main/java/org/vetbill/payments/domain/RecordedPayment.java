package org.vetbill.payments.domain;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.RuleViolation;

/**
 * A payment on an invoice as recorded, for the rules of its cancellation.
 *
 * @param id the payment
 * @param type its type
 * @param info its free text
 * @param cancelsPaymentId for a cancellation, the payment it cancels
 * @param cancelledById for a cancelled payment, its cancellation
 * @param unallocatedPaymentId for a prepayment use, the prepayment
 * @param creditNoteId for a credit-note settlement, the credit note
 */
public record RecordedPayment(long id, PaymentType type, @Nullable String info, @Nullable Long cancelsPaymentId,
		@Nullable Long cancelledById, @Nullable Long unallocatedPaymentId, @Nullable Long creditNoteId) {

	/**
	 * Refuses the cancellation of a cancellation, a second cancellation, and the
	 * cancellation of a credit-note settlement or of an overpayment moved to prepayments.
	 */
	public void requireCancellable() {
		if (this.cancelsPaymentId != null) {
			throw new RuleViolation("cancellation_not_cancellable", "payment " + this.id
					+ " is itself the cancellation of payment " + this.cancelsPaymentId + " and cannot be cancelled");
		}
		if (this.cancelledById != null) {
			throw new RuleViolation("payment_already_cancelled",
					"payment " + this.id + " was already cancelled by payment " + this.cancelledById);
		}
		if (this.type == PaymentType.CREDIT_INVOICE && this.creditNoteId != null) {
			throw new RuleViolation("credit_settlement_not_cancellable",
					"payment " + this.id + " settles credit note " + this.creditNoteId + " and cannot be cancelled");
		}
		if (this.type == PaymentType.PREPAYMENT && this.unallocatedPaymentId == null) {
			throw new RuleViolation("overpayment_move_not_cancellable",
					"payment " + this.id + " moved an overpayment to the client's prepayments (" + this.info
							+ "); apply or refund that prepayment instead");
		}
	}

}
