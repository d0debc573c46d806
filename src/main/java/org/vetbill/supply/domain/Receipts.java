package org.vetbill.supply.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which order lines the supplier's invoices fill. An invoice line fills the order lines
 * with the same product code, or, where no order line has its code, the order lines
 * without a code that have the same description (ignoring case and surrounding spaces).
 * Each order line takes up to its quantity in line order; what is left goes to the last
 * matching line, so an over-delivery shows. The received quantities are always recomputed
 * from all the order's invoices, so importing an invoice twice, or a corrected invoice,
 * never counts a shipment twice.
 */
public final class Receipts {

	private Receipts() {
	}

	/**
	 * The received quantity of each order line.
	 * @param order the order's lines, in line order
	 * @param shipped the lines of every invoice of the order
	 * @return the received quantities, one per order line in the same order
	 */
	public static int[] received(List<OrderLineDetails> order, List<InvoiceLineDetails> shipped) {
		Map<String, Integer> lastLine = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			String key = order.get(i).matchKey();
			if (key != null) {
				lastLine.put(key, i);
			}
		}
		Map<String, Integer> left = new HashMap<>();
		for (InvoiceLineDetails line : shipped) {
			String byCode = key(line.productCode(), null);
			String byText = key(null, line.description());
			String key = (byCode != null && lastLine.containsKey(byCode)) ? byCode
					: (byText != null && lastLine.containsKey(byText)) ? byText : null;
			if (key != null) {
				left.merge(key, line.quantityShipped(), Integer::sum);
			}
		}
		int[] received = new int[order.size()];
		for (int i = 0; i < order.size(); i++) {
			String key = order.get(i).matchKey();
			if (key == null || !left.containsKey(key)) {
				continue;
			}
			int available = left.get(key);
			int taken = (lastLine.getOrDefault(key, -1) == i) ? available
					: Math.min(available, order.get(i).quantity());
			received[i] = taken;
			left.put(key, available - taken);
		}
		return received;
	}

	static @Nullable String key(@Nullable String productCode, @Nullable String description) {
		if (productCode != null && !productCode.isBlank()) {
			return "code:" + productCode.trim();
		}
		if (description != null && !description.isBlank()) {
			return "text:" + description.trim().toLowerCase(Locale.ROOT);
		}
		return null;
	}

}
