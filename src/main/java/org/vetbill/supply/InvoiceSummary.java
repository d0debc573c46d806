package org.vetbill.supply;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A supplier invoice in a list.
 *
 * @param invoiceNumber the invoice number
 * @param orderId the electronic order
 * @param date the invoice date
 * @param purchaseOrderNumber the order's purchase order number
 * @param total the total
 * @param accountCode the account
 */
public record InvoiceSummary(long invoiceNumber, @Nullable Long orderId, LocalDate date,
		@Nullable String purchaseOrderNumber, BigDecimal total, String accountCode) {

}
