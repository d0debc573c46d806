package org.vetbill.supply;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

/**
 * A supplier's Connect endpoint as the importer reads it (implemented by an API leaf,
 * which knows the wire format).
 */
public interface ConnectFeed {

	/**
	 * The invoices changed after a time.
	 * @param source the endpoint and headers
	 * @param updatedAfter the time, or null for every invoice
	 * @return the invoices' summaries
	 * @throws FeedFailure when the endpoint cannot be reached or answers an error
	 */
	List<InvoiceSummary> invoices(ConnectSource source, @Nullable Instant updatedAfter);

	/**
	 * One invoice with its lines.
	 * @param source the endpoint and headers
	 * @param invoiceNumber the invoice number
	 * @return the invoice
	 * @throws FeedFailure when the endpoint cannot be reached or answers an error
	 */
	SupplierInvoiceDetails invoice(ConnectSource source, long invoiceNumber);

	/**
	 * A Connect endpoint that could not be read: unreachable, an error status, or a body
	 * that is not a Connect answer. The message says which, for the import's status.
	 */
	final class FeedFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public FeedFailure(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
