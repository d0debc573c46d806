package org.vetbill.supply;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Secrets;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.supply.SupplierInvoices.InvoiceFilter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's invoices as its enrolled practices read them: a practice, found by its
 * user token, reads through a practice management system with a key of the supplier's; it
 * sees its own accounts' invoices only, or one of its accounts' when it names it.
 */
@Service
public class ConnectInvoices {

	private final SupplyPracticeRepository practices;

	private final SupplierInvoices invoices;

	ConnectInvoices(SupplyPracticeRepository practices, SupplierInvoices invoices) {
		this.practices = practices;
		this.invoices = invoices;
	}

	/**
	 * The practice a user token belongs to.
	 * @param userAuth the practice's user token
	 * @return the practice, or empty when no active practice has this token
	 */
	@Transactional(readOnly = true)
	public Optional<ConnectPractice> practice(String userAuth) {
		return this.practices.activePractice(Secrets.sha256(userAuth));
	}

	/**
	 * Whether a practice management system's key is one the practice's supplier made.
	 * @param practice the practice
	 * @param clientAuth the practice management system's key
	 * @return true when the key is active
	 */
	@Transactional(readOnly = true)
	public boolean clientKeyValid(ConnectPractice practice, String clientAuth) {
		return this.practices.activeClientKey(practice.organizationId(), practice.supplierId(),
				Secrets.sha256(clientAuth));
	}

	/**
	 * The practice's invoices, in number order.
	 * @param practice the practice
	 * @param accountCode one of its accounts, or null for all
	 * @param filter the dates and changes asked for (its account codes are ignored)
	 * @return the invoices' summaries
	 * @throws InvalidInput when the account code is not one of the practice's (input
	 * {@code accountCode})
	 */
	@Transactional(readOnly = true)
	public List<InvoiceSummary> list(ConnectPractice practice, @Nullable String accountCode, InvoiceFilter filter) {
		return this.invoices.list(caller(practice), practice.supplierId(), new InvoiceFilter(filter.dateFrom(),
				filter.dateTo(), filter.updatedAfter(), accounts(practice, accountCode)));
	}

	/**
	 * One of the practice's invoices.
	 * @param practice the practice
	 * @param accountCode one of its accounts, or null for all
	 * @param invoiceNumber the invoice number
	 * @return the invoice
	 * @throws NotFound when the supplier has no such invoice for the practice's accounts
	 * @throws InvalidInput when the account code is not one of the practice's (input
	 * {@code accountCode})
	 */
	@Transactional(readOnly = true)
	public SupplierInvoice get(ConnectPractice practice, @Nullable String accountCode, long invoiceNumber) {
		List<String> accounts = accounts(practice, accountCode);
		try {
			SupplierInvoice invoice = this.invoices.get(caller(practice), practice.supplierId(), invoiceNumber);
			if (accounts.contains(invoice.accountCode())) {
				return invoice;
			}
		}
		catch (NotFound ex) {
			// reported below exactly as another practice's invoice
		}
		throw new NotFound("invoice", invoiceNumber);
	}

	private static List<String> accounts(ConnectPractice practice, @Nullable String accountCode) {
		if (accountCode == null) {
			return practice.accountCodes();
		}
		if (!practice.accountCodes().contains(accountCode)) {
			throw InvalidInput.of("accountCode", "account_not_of_practice", "account", accountCode, "practice",
					practice.name(), "accounts", practice.accountCodes());
		}
		return List.of(accountCode);
	}

	private static Caller caller(ConnectPractice practice) {
		return new Caller(practice.organizationId(), "connect:practice-" + practice.practiceId());
	}

}
