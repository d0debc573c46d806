package org.vetbill.invoicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Allocation;
import org.vetbill.shared.money.Money;

/**
 * Computes all rows of an invoice and its totals, applying an invoice-level discount: the
 * discount (a gross amount, or a percentage of the gross total rounded half-up) is spread
 * over the rows in proportion to their gross, the last cents placed by largest remainder,
 * so that VAT stays right per rate and the cents add up exactly.
 */
public final class InvoiceCalculator {

	private InvoiceCalculator() {
	}

	/**
	 * The result of a calculation.
	 *
	 * @param rows each row's figures, in input order
	 * @param discountAmount the invoice-level discount applied (gross)
	 * @param totals the invoice's totals
	 */
	public record Calculation(List<RowFigures> rows, Money discountAmount, InvoiceTotals totals) {
	}

	/**
	 * Calculates an invoice.
	 * @param mode whether unit prices include VAT
	 * @param currency the invoice's currency
	 * @param rows the rows
	 * @param discountPercent an invoice-level discount in percent of the gross total, or
	 * null
	 * @param discountAmount an invoice-level discount amount (gross), used when no
	 * percentage is given
	 * @return the rows' figures and the totals
	 * @throws RuleViolation when the discount exceeds the gross total or the invoice has
	 * negative rows
	 */
	public static Calculation calculate(PriceMode mode, Currency currency, List<RowInput> rows,
			@Nullable BigDecimal discountPercent, Money discountAmount) {
		List<RowFigures> base = new ArrayList<>(rows.size());
		Money gross = Money.zero(currency);
		for (RowInput row : rows) {
			RowFigures figures = RowPricing.price(mode, row.unitPrice(), row.quantity(), row.percentageChange(),
					row.vatPercentage(), currency);
			base.add(figures);
			gross = gross.plus(figures.sumTotal());
		}
		Money discount = (discountPercent != null)
				? Money.round(gross.amount().multiply(discountPercent).movePointLeft(2), currency, RoundingMode.HALF_UP)
				: discountAmount;
		if (discount.isZero()) {
			return new Calculation(base, discount, InvoiceTotals.of(base, currency));
		}
		if (base.stream().anyMatch((row) -> row.sumTotal().isNegative())) {
			throw new RuleViolation("discount_not_allowed", "discountAmount", Facts.of());
		}
		if (discount.isGreaterThan(gross)) {
			throw new RuleViolation("discount_exceeds_total", "discountAmount",
					Facts.of("discount", discount.amount(), "total", gross.amount()));
		}
		List<Money> shares = Allocation.proportionally(discount, base.stream().map(RowFigures::sumTotal).toList());
		List<RowFigures> discounted = new ArrayList<>(rows.size());
		for (int i = 0; i < base.size(); i++) {
			discounted.add(RowPricing.discounted(base.get(i), shares.get(i), rows.get(i).vatPercentage()));
		}
		return new Calculation(discounted, discount, InvoiceTotals.of(discounted, currency));
	}

}
