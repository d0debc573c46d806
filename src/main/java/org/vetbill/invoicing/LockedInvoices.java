package org.vetbill.invoicing;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Money;

import org.springframework.stereotype.Component;

/**
 * Invoices' balances for the money side, over the invoice header store.
 */
@Component
class LockedInvoices implements InvoiceBalances {

	private final InvoiceStore store;

	LockedInvoices(InvoiceStore store) {
		this.store = store;
	}

	@Override
	public LockedInvoice lock(Caller caller, long invoiceId, Currency currency) {
		return this.store.lock(caller, invoiceId).locked(currency);
	}

	@Override
	public Optional<LockedInvoice> tryLock(Caller caller, long invoiceId, Currency currency) {
		return this.store.tryLock(caller, invoiceId).map((invoice) -> invoice.locked(currency));
	}

	@Override
	public LockedInvoice pay(Caller caller, LockedInvoice invoice, Money amount, Instant paymentDate, Instant now) {
		InvoiceBalance balance = invoice.balance().pay(amount);
		@Nullable Instant datePaid = !balance.settled() ? null : (invoice.datePaid() != null) ? invoice.datePaid() : paymentDate;
		this.store.updateBalance(caller, invoice.id(), balance, datePaid, now);
		return new LockedInvoice(invoice.id(), invoice.departmentId(), invoice.clientId(), invoice.invoiceDate(),
				balance, datePaid);
	}

	@Override
	public void writeOff(Caller caller, LockedInvoice invoice, Money amount, Instant now) {
		this.store.writeOff(caller, invoice.id(), amount.amount(), now);
	}

}
