package org.vetbill.payments;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.payments.domain.RecordedPayment;

/**
 * A payment on an invoice as it is read. Payments are never changed: a cancellation is a
 * payment of its own, with the opposite amount, that points at the original.
 *
 * @param id the payment's id
 * @param invoiceId the invoice paid
 * @param departmentId the invoice's department
 * @param paymentType the payment type's code (see {@link PaymentType})
 * @param paid the amount, negative for a cancellation or a payout
 * @param paymentDate when the payment was made
 * @param info free text, the reason of a cancellation
 * @param cancelsPaymentId for a cancellation, the payment it cancels
 * @param cancelledById for a cancelled payment, its cancellation
 * @param unallocatedPaymentId for a prepayment use (type 8), the prepayment
 * @param creditNoteId for a credit-note settlement (type 12), the credit note
 * @param created when it was recorded
 * @param modified when it last changed (a cancellation changes the original)
 */
public record PaymentView(long id, long invoiceId, long departmentId, int paymentType, BigDecimal paid,
		Instant paymentDate, @Nullable String info, @Nullable Long cancelsPaymentId, @Nullable Long cancelledById,
		@Nullable Long unallocatedPaymentId, @Nullable Long creditNoteId, Instant created, Instant modified) {

	/**
	 * The payment for the rules of its cancellation.
	 * @return the domain view
	 */
	public RecordedPayment recorded() {
		return new RecordedPayment(this.id, PaymentType.of(this.paymentType), this.info, this.cancelsPaymentId,
				this.cancelledById, this.unallocatedPaymentId, this.creditNoteId);
	}

}
