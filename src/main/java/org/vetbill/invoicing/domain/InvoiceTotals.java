package org.vetbill.invoicing.domain;

import java.util.Currency;
import java.util.List;

import org.vetbill.shared.money.Money;

/**
 * An invoice's totals: exact sums of its rows' figures, never rounded again.
 *
 * @param total net total, the sum of the rows' {@code sum}
 * @param totalVat the sum of the rows' {@code sumVat}
 * @param totalWithVat gross total, the sum of the rows' {@code sumTotal}
 */
public record InvoiceTotals(Money total, Money totalVat, Money totalWithVat) {

	public static InvoiceTotals of(List<RowFigures> rows, Currency currency) {
		Money total = Money.zero(currency);
		Money vat = Money.zero(currency);
		Money gross = Money.zero(currency);
		for (RowFigures row : rows) {
			total = total.plus(row.sum());
			vat = vat.plus(row.sumVat());
			gross = gross.plus(row.sumTotal());
		}
		return new InvoiceTotals(total, vat, gross);
	}

}
