package org.vetbill.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.Shipping;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

/**
 * A supplier invoice as stored.
 *
 * @param supplierId the supplier
 * @param invoiceNumber the supplier's invoice number
 * @param orderId the electronic order it ships
 * @param purchaseOrderNumber the order's purchase order number
 * @param accountCode the practice's account
 * @param date the invoice date
 * @param notes free notes
 * @param shipping how and where the goods travel
 * @param paymentDue when it is due
 * @param freight the freight
 * @param tax the tax
 * @param total lines, freight and tax together
 * @param lines the lines
 * @param origin {@code RECORDED} here by the supplier or {@code IMPORTED} from a Connect
 * endpoint
 * @param created when it was stored
 * @param modified when it last changed
 */
public record SupplierInvoice(long supplierId, long invoiceNumber, @Nullable Long orderId,
		@Nullable String purchaseOrderNumber, String accountCode, LocalDate date, @Nullable String notes,
		@Nullable Shipping shipping, @Nullable LocalDate paymentDue, BigDecimal freight, BigDecimal tax,
		BigDecimal total, List<InvoiceLineDetails> lines, String origin, Instant created, Instant modified) {

	/**
	 * The invoice as details, such as a replacement or a comparison starts from.
	 * @return the details, with every figure given
	 */
	public SupplierInvoiceDetails details() {
		return new SupplierInvoiceDetails(this.invoiceNumber, this.orderId, this.purchaseOrderNumber, this.accountCode,
				this.date, this.notes, this.shipping, this.paymentDue, this.freight, this.tax, this.total, this.lines);
	}

}
