package org.vetbill.invoicing.domain;

import java.math.BigDecimal;

import org.vetbill.shared.money.Money;

/**
 * The figures of one invoice row.
 *
 * @param price unit price excluding VAT (up to 4 decimals)
 * @param priceWithVat unit price including VAT (up to 4 decimals)
 * @param discountAmount the row's share of an invoice-level discount, gross
 * @param sum the row's net amount
 * @param sumVat the row's VAT
 * @param sumTotal the row's gross amount; {@code sum + sumVat}, exactly
 */
public record RowFigures(BigDecimal price, BigDecimal priceWithVat, Money discountAmount, Money sum, Money sumVat,
		Money sumTotal) {

	public RowFigures {
		if (!sum.plus(sumVat).equals(sumTotal)) {
			throw new IllegalArgumentException("sum " + sum + " + sum_vat " + sumVat + " is not sum_total " + sumTotal);
		}
	}

}
