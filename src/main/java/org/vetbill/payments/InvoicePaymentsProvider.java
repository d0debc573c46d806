package org.vetbill.payments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.vetbill.invoicing.InvoicePayments;
import org.vetbill.invoicing.LockedInvoice;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Money;

import org.springframework.stereotype.Component;

/**
 * Gives invoicing what it needs of the payments of invoices, in the transaction of the
 * invoicing use case that asks.
 */
@Component
class InvoicePaymentsProvider implements InvoicePayments {

	private final PaymentStore payments;

	private final Ledger ledger;

	private final Payments useCases;

	InvoicePaymentsProvider(PaymentStore payments, Ledger ledger, Payments useCases) {
		this.payments = payments;
		this.ledger = ledger;
		this.useCases = useCases;
	}

	@Override
	public boolean exist(Caller caller, long invoiceId) {
		return this.payments.anyOn(caller, invoiceId);
	}

	@Override
	public Map<Long, List<Long>> idsByInvoice(Caller caller, Collection<Long> invoiceIds) {
		return this.payments.idsByInvoice(caller, invoiceIds);
	}

	/**
	 * A pair of credit-invoice payments (type 12): the credited amount on the original,
	 * its opposite on the credit note.
	 */
	@Override
	public List<Long> settleCreditNote(Caller caller, LockedInvoice original, LockedInvoice creditNote, Money credit,
			Instant now) {
		Ledger.Links links = new Ledger.Links(null, null, creditNote.id());
		PaymentView onOriginal = this.ledger.pay(caller, original, PaymentType.CREDIT_INVOICE, credit, now,
				"Credit note " + creditNote.id(), links, now);
		PaymentView onNote = this.ledger.pay(caller, creditNote, PaymentType.CREDIT_INVOICE, credit.negate(), now,
				"Credits invoice " + original.id(), links, now);
		return List.of(onOriginal.id(), onNote.id());
	}

	@Override
	public void writeOff(Caller caller, long invoiceId, String reason) {
		this.useCases.writeOff(caller, invoiceId, reason);
	}

}
