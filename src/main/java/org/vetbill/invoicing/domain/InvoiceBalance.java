package org.vetbill.invoicing.domain;

import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Money;

/**
 * What an invoice is owed and has received: its gross total, the sum of its payments
 * (cancellations and credit-note settlements included) and what was written off. The
 * rules of every payment on an invoice are here.
 *
 * @param invoiceId the invoice
 * @param status its status
 * @param creditNote whether it is a credit note
 * @param totalWithVat its gross total
 * @param paid the sum of its payments
 * @param writtenOff the amount written off as bad debt
 */
public record InvoiceBalance(long invoiceId, InvoiceStatus status, boolean creditNote, Money totalWithVat, Money paid,
		Money writtenOff) {

	/**
	 * What is still owed: negative when the invoice is overpaid.
	 * @return total minus paid minus written off
	 */
	public Money due() {
		return this.totalWithVat.minus(this.paid).minus(this.writtenOff);
	}

	/**
	 * Whether nothing is owed any more (an overpaid invoice is settled too).
	 * @return whether the due sum is zero or of the other sign than the total
	 */
	public boolean settled() {
		return due().amount().signum() * this.totalWithVat.amount().signum() <= 0;
	}

	/**
	 * The balance after a payment.
	 * @param amount the payment, negative for a cancellation or payout
	 * @return the new balance
	 */
	public InvoiceBalance pay(Money amount) {
		return new InvoiceBalance(this.invoiceId, this.status, this.creditNote, this.totalWithVat,
				this.paid.plus(amount), this.writtenOff);
	}

	/**
	 * Refuses a payment on anything but a finalized invoice (status 3).
	 * @param field the input naming the invoice
	 */
	public void requirePayable(String field) {
		if (this.status != InvoiceStatus.FINALIZED) {
			throw new RuleViolation("invoice_not_payable", field,
					Facts.of("invoice", this.invoiceId, "statusCode", this.status.code()));
		}
	}

	/**
	 * Checks a payment a client records: positive, and not more than is still owed.
	 * @param amount the payment
	 * @param field the input of the amount
	 */
	public void checkPayment(Money amount, String field) {
		if (!amount.isPositive()) {
			throw new RuleViolation("payment_not_positive", field, Facts.of("amount", amount.amount()));
		}
		Money due = due();
		if (amount.isGreaterThan(due)) {
			throw new RuleViolation("overpayment", field, Facts.of("amount", amount.amount(), "due",
					due.isPositive() ? due.amount() : due.minus(due).amount(), "invoice", this.invoiceId));
		}
	}

	/**
	 * What writing off the rest of an issued invoice writes off.
	 * @return the remaining due sum, positive
	 * @throws RuleViolation {@code invoice_not_writable_off} for anything but an issued
	 * invoice that is not a credit note, {@code nothing_due} when nothing is owed
	 */
	public Money writeOff() {
		if (!this.status.isIssued() || this.creditNote) {
			throw new RuleViolation("invoice_not_writable_off", null, this.creditNote ? "credit_note" : null,
					Facts.of("invoice", this.invoiceId, "statusCode", this.status.code()));
		}
		Money due = due();
		if (!due.isPositive()) {
			throw RuleViolation.of("nothing_due", "invoice", this.invoiceId, "due", due.amount());
		}
		return due;
	}

	/**
	 * The overpayment of a settled invoice, which can be paid out or moved to the
	 * client's prepayments.
	 * @return the amount paid beyond the total, positive
	 * @throws RuleViolation {@code no_overpayment} when nothing was overpaid
	 */
	public Money overpayment() {
		Money due = due();
		if (this.totalWithVat.isNegative() || !due.isNegative()) {
			throw RuleViolation.of("no_overpayment", "invoice", this.invoiceId, "due", due.amount());
		}
		return due.negate();
	}

}
