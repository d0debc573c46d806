package org.vetbill.documents;

import org.vetbill.shared.Caller;

/**
 * The documents of an organization's invoices: the {@link InvoiceDocument} of one invoice
 * or credit note, read from the ledger as it is now.
 */
public interface InvoiceDocuments {

	/**
	 * The document of an invoice.
	 * @param caller the organization and the actor asking
	 * @param invoiceId the invoice or credit note
	 * @return its document (a draft is marked as one)
	 * @throws org.vetbill.shared.error.NotFound when the organization has no such invoice
	 */
	InvoiceDocument of(Caller caller, long invoiceId);

}
