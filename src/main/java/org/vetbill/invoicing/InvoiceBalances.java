package org.vetbill.invoicing;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Money;

/**
 * What the money side may do to invoices: lock one and read its balance, and write the
 * balance a payment or a write-off leaves. The rules of a payment are checked by its
 * caller on the locked balance; this interface keeps the invoice's cached balance, its
 * settlement date, {@code modified} and version right.
 */
public interface InvoiceBalances {

	/**
	 * Locks an invoice until the transaction ends and reads its balance.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param currency the organization's currency
	 * @return the invoice
	 * @throws org.vetbill.shared.error.NotFound when the organization has no such invoice
	 */
	LockedInvoice lock(Caller caller, long invoiceId, Currency currency);

	/**
	 * Locks an invoice if it exists.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param currency the organization's currency
	 * @return the invoice, or nothing when the organization has no such invoice
	 */
	Optional<LockedInvoice> tryLock(Caller caller, long invoiceId, Currency currency);

	/**
	 * Writes the balance after a payment (negative for a cancellation or a payout). The
	 * invoice's settlement date is set when it becomes settled, kept while it stays so
	 * and cleared when it stops being so.
	 * @param caller the caller
	 * @param invoice the invoice, locked
	 * @param amount the payment
	 * @param paymentDate when the payment was made
	 * @param now the time of the change
	 * @return the invoice after the payment, still locked
	 */
	LockedInvoice pay(Caller caller, LockedInvoice invoice, Money amount, Instant paymentDate, Instant now);

	/**
	 * Writes that an amount of the invoice was written off; its payments and settlement
	 * date stay.
	 * @param caller the caller
	 * @param invoice the invoice, locked
	 * @param amount the amount written off
	 * @param now the time of the change
	 */
	void writeOff(Caller caller, LockedInvoice invoice, Money amount, Instant now);

}
