package org.vetbill.invoicing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Money;

/**
 * What invoicing needs from the payments of invoices, provided by the module that keeps
 * them: invoicing never reads payments itself, so the payments module depends on
 * invoicing and not the other way round.
 */
public interface InvoicePayments {

	/**
	 * Whether any payment was ever recorded on an invoice (a payment and its cancellation
	 * leave the paid amount at zero, but the invoice has payments).
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @return whether it has payments
	 */
	boolean exist(Caller caller, long invoiceId);

	/**
	 * The ids of the payments of each invoice, cancellations included.
	 * @param caller the caller
	 * @param invoiceIds the invoices
	 * @return the payment ids by invoice, in id order; invoices without payments left out
	 */
	Map<Long, List<Long>> idsByInvoice(Caller caller, Collection<Long> invoiceIds);

	/**
	 * Settles a new credit note against its original invoice: the credited amount comes
	 * off what the original owes, and the credit note is settled; no cash moves.
	 * @param caller the caller
	 * @param original the credited invoice, locked
	 * @param creditNote the credit note, locked
	 * @param credit the amount credited, positive
	 * @param now the time
	 * @return the settlement's payments: on the original, then on the credit note
	 */
	List<Long> settleCreditNote(Caller caller, LockedInvoice original, LockedInvoice creditNote, Money credit,
			Instant now);

	/**
	 * Writes off the rest of an issued invoice as bad debt, under the rules of a
	 * write-off.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param reason why
	 */
	void writeOff(Caller caller, long invoiceId, String reason);

}
