package org.vetbill.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An electronic order with what its lines have received so far.
 *
 * @param orderId the supplier's electronic order id
 * @param purchaseOrderNumber the practice's purchase order number
 * @param accountCode the account ordered on
 * @param status {@code OPEN} (nothing received), {@code PARTLY_RECEIVED} or
 * {@code RECEIVED} (every line has received its quantity)
 * @param lines the lines
 * @param created when it was recorded
 * @param modified when it, or what it received, last changed
 */
public record SupplyOrder(long orderId, String purchaseOrderNumber, String accountCode, String status, List<Line> lines,
		Instant created, Instant modified) {

	/**
	 * A line of an order.
	 *
	 * @param lineNumber its number, from 1
	 * @param productCode the product code
	 * @param description the description
	 * @param quantity the quantity ordered
	 * @param price the expected unit price
	 * @param quantityReceived the quantity the supplier's invoices shipped for it
	 */
	public record Line(int lineNumber, @Nullable String productCode, @Nullable String description, int quantity,
			@Nullable BigDecimal price, int quantityReceived) {

	}

	static String status(List<Line> lines) {
		if (lines.stream().allMatch((line) -> line.quantityReceived() >= line.quantity())) {
			return "RECEIVED";
		}
		return lines.stream().anyMatch((line) -> line.quantityReceived() > 0) ? "PARTLY_RECEIVED" : "OPEN";
	}

}
