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
			throw RuleViolation.of("cancellation_not_cancellable", "payment", this.id, "cancels",
					this.cancelsPaymentId);
		}
		if (this.cancelledById != null) {
			throw RuleViolation.of("payment_already_cancelled", "payment", this.id, "cancellation", this.cancelledById);
		}
		if (this.type == PaymentType.CREDIT_INVOICE && this.creditNoteId != null) {
			throw RuleViolation.of("credit_settlement_not_cancellable", "payment", this.id, "creditNote",
					this.creditNoteId);
		}
		if (this.type == PaymentType.PREPAYMENT && this.unallocatedPaymentId == null) {
			throw RuleViolation.of("overpayment_move_not_cancellable", "payment", this.id, "info", this.info);
		}
	}

}
