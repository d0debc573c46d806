package org.vetbill.payments.domain;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.shared.error.Facts;
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
			throw InvalidInput.of("refundsId", "refund_of_refund", "prepayment", this.id);
		}
		if (this.cancelled) {
			throw InvalidInput.of("refundsId", "refund_of_cancelled", "prepayment", this.id);
		}
		if (this.clientId != clientId) {
			throw InvalidInput.of("clientId", "refund_to_other_client", "client", this.clientId);
		}
		if (!paid.isNegative()) {
			throw InvalidInput.of("paid", "refund_not_negative");
		}
		if (paid.negate().isGreaterThan(this.unused)) {
			throw new RuleViolation("refund_exceeds_unused", "paid",
					Facts.of("refund", paid.negate().amount(), "unused", this.unused.amount(), "prepayment", this.id));
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
		invoice.requirePayable("invoiceId");
		if (this.cancelled || this.refundsId != null) {
			throw InvalidInput.of("prepaymentId",
					this.cancelled ? "cancelled_prepayment_not_applicable" : "refund_not_applicable", "prepayment",
					this.id);
		}
		if (!Objects.equals(invoiceClientId, this.clientId)) {
			throw InvalidInput.of("prepaymentId", "prepayment_of_other_client", "prepayment", this.id, "client",
					this.clientId);
		}
		Money amount = (requested != null) ? requested
				: this.unused.isLessThan(invoice.due()) ? this.unused : invoice.due();
		invoice.checkPayment(amount, "amount");
		if (amount.isGreaterThan(this.unused)) {
			throw new RuleViolation("prepayment_insufficient", "amount",
					Facts.of("amount", amount.amount(), "unused", this.unused.amount(), "prepayment", this.id));
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
			throw RuleViolation.of("prepayment_cancelled", "prepayment", this.id);
		}
		if (this.refundsId != null) {
			throw RuleViolation.of("refund_not_cancellable", "prepayment", this.id, "refunds", this.refundsId);
		}
		if (touched) {
			throw RuleViolation.of("prepayment_in_use", "prepayment", this.id);
		}
	}

}
