package org.vetbill.payments.domain;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Money;

/**
 * A prepayment (unallocated payment) for the rules of its use, refunds and cancellation.
 *
 * @param id the prepayment
 * @param clientId its client
 * @param unused what is left of it
 * @param refundsId for a refund, the prepayment it refunds
 * @param cancelled whether it was cancelled
 */
public record Prepayment(long id, long clientId, Money unused, @Nullable Long refundsId, boolean cancelled) {

	/**
	 * Checks a refund of this prepayment: to its client, negative, never more than is
	 * unused.
	 * @param clientId the client the refund is recorded for
	 * @param paid the refund's amount, negative
	 */
	public void checkRefund(long clientId, Money paid) {
		if (this.refundsId != null) {
			throw InvalidInput.field("refunds",
					"Unallocated payment " + this.id + " is itself a refund and cannot be refunded.");
		}
		if (this.cancelled) {
			throw InvalidInput.field("refunds", "Unallocated payment " + this.id + " is cancelled.");
		}
		if (this.clientId != clientId) {
			throw InvalidInput.field("client",
					"A refund goes to the client of the prepayment it refunds (client " + this.clientId + ").");
		}
		if (!paid.isNegative()) {
			throw InvalidInput.field("paid", "A refund has a negative paid amount.");
		}
		if (paid.negate().isGreaterThan(this.unused)) {
			throw new RuleViolation("refund_exceeds_unused", "paid",
					"The refund of " + paid.negate().amount() + " is more than the unused amount "
							+ this.unused.amount() + " of unallocated payment " + this.id + ".");
		}
	}

	/**
	 * What applying this prepayment to an invoice of its client pays: the amount asked
	 * for, or as much as both allow.
	 * @param invoiceClientId the invoice's client
	 * @param requested the amount asked for, or null
	 * @param invoice the invoice's balance
	 * @return the amount to apply
	 */
	public Money toApply(@Nullable Long invoiceClientId, @Nullable Money requested, InvoiceBalance invoice) {
		invoice.requirePayable("invoice");
		if (this.cancelled || this.refundsId != null) {
			throw InvalidInput.field("unallocated_payment_id", "Unallocated payment " + this.id + " is "
					+ (this.cancelled ? "cancelled" : "a refund") + " and cannot be applied.");
		}
		if (!Objects.equals(invoiceClientId, this.clientId)) {
			throw InvalidInput.field("unallocated_payment_id", "Unallocated payment " + this.id + " belongs to client "
					+ this.clientId + ", not to the invoice's client.");
		}
		Money amount = (requested != null) ? requested
				: this.unused.isLessThan(invoice.due()) ? this.unused : invoice.due();
		invoice.checkPayment(amount, "amount");
		if (amount.isGreaterThan(this.unused)) {
			throw new RuleViolation("prepayment_insufficient", "amount", "amount " + amount.amount()
					+ " is more than the unused amount " + this.unused.amount() + " of unallocated payment " + this.id);
		}
		return amount;
	}

	/**
	 * Refuses the cancellation of a cancelled prepayment, of a refund, and of one that
	 * was used or refunded.
	 * @param touched whether it was ever applied to an invoice or refunded
	 */
	public void requireCancellable(boolean touched) {
		if (this.cancelled) {
			throw new RuleViolation("prepayment_cancelled", "unallocated payment " + this.id + " is already cancelled");
		}
		if (this.refundsId != null) {
			throw new RuleViolation("refund_not_cancellable", "unallocated payment " + this.id + " is a refund of "
					+ this.refundsId + "; a refund cannot be cancelled");
		}
		if (touched) {
			throw new RuleViolation("prepayment_in_use", "unallocated payment " + this.id
					+ " was applied to invoices or refunded; cancel those payments or refund the unused amount instead");
		}
	}

}
