package org.vetbill.invoicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.money.Money;

/**
 * Computes an invoice row's figures. Each figure is rounded once, to the currency's minor
 * unit:
 * <ul>
 * <li>prices without VAT: {@code sum = price x quantity x (1 + percentageChange/100)}
 * rounded half-up; {@code sumVat = sum x rate/100} rounded half-up;
 * {@code sumTotal = sum + sumVat};
 * <li>prices with VAT: {@code sumTotal = price x quantity x (1 + percentageChange/100)},
 * the row's total sum, rounded half-to-even as integrations expect it; {@code sumVat =
 * sumTotal x rate / (100 + rate)} rounded half-up; {@code sum = sumTotal - sumVat};
 * <li>a share of an invoice-level discount comes off the gross:
 * {@code sumTotal = gross - share}, with VAT derived from the new gross at the row's own
 * rate.
 * </ul>
 * A negative {@code percentageChange} is a discount, a positive one a surcharge.
 */
public final class RowPricing {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Unit prices are kept with 4 decimals, as integrations know them. */
	private static final int UNIT_PRICE_SCALE = 4;

	private RowPricing() {
	}

	/**
	 * The figures of a row before any invoice-level discount.
	 * @param mode whether {@code unitPrice} includes VAT
	 * @param unitPrice the unit price, net or gross as {@code mode} says
	 * @param quantity the quantity
	 * @param percentageChange discount (negative) or surcharge (positive) in percent
	 * @param vatPercentage the VAT rate in percent
	 * @param currency the invoice's currency
	 * @return the figures
	 */
	public static RowFigures price(PriceMode mode, BigDecimal unitPrice, BigDecimal quantity,
			BigDecimal percentageChange, BigDecimal vatPercentage, Currency currency) {
		BigDecimal factor = BigDecimal.ONE.add(percentageChange.movePointLeft(2));
		BigDecimal exact = unitPrice.multiply(quantity).multiply(factor);
		Money zero = Money.zero(currency);
		if (mode == PriceMode.NET) {
			Money sum = Money.round(exact, currency, RoundingMode.HALF_UP);
			Money vat = Money.round(sum.amount().multiply(vatPercentage).movePointLeft(2), currency,
					RoundingMode.HALF_UP);
			return new RowFigures(netUnitPrice(mode, unitPrice, vatPercentage, currency),
					grossUnitPrice(mode, unitPrice, vatPercentage, currency), zero, sum, vat, sum.plus(vat));
		}
		Money total = Money.round(exact, currency, RoundingMode.HALF_EVEN);
		Money vat = vatOfGross(total, vatPercentage);
		return new RowFigures(netUnitPrice(mode, unitPrice, vatPercentage, currency),
				grossUnitPrice(mode, unitPrice, vatPercentage, currency), zero, total.minus(vat), vat, total);
	}

	/**
	 * A unit price without VAT, as shown and stored.
	 * @param mode whether {@code unitPrice} includes VAT
	 * @param unitPrice the unit price, net or gross as {@code mode} says
	 * @param vatPercentage the VAT rate in percent
	 * @param currency the currency
	 * @return the net unit price, by {@link #unitPrice}
	 */
	public static BigDecimal netUnitPrice(PriceMode mode, BigDecimal unitPrice, BigDecimal vatPercentage,
			Currency currency) {
		BigDecimal net = (mode == PriceMode.NET) ? unitPrice : unitPrice.multiply(HUNDRED)
			.divide(HUNDRED.add(vatPercentage), UNIT_PRICE_SCALE, RoundingMode.HALF_UP);
		return unitPrice(net, currency);
	}

	/**
	 * A unit price with VAT, as shown and stored.
	 * @param mode whether {@code unitPrice} includes VAT
	 * @param unitPrice the unit price, net or gross as {@code mode} says
	 * @param vatPercentage the VAT rate in percent
	 * @param currency the currency
	 * @return the gross unit price, by {@link #unitPrice}
	 */
	public static BigDecimal grossUnitPrice(PriceMode mode, BigDecimal unitPrice, BigDecimal vatPercentage,
			Currency currency) {
		BigDecimal gross = (mode == PriceMode.GROSS) ? unitPrice
				: unitPrice.multiply(HUNDRED.add(vatPercentage)).movePointLeft(2);
		return unitPrice(gross, currency);
	}

	/**
	 * The figures of a row after its share of an invoice-level discount.
	 * @param base the row's figures before the discount
	 * @param share the row's share of the discount, gross
	 * @param vatPercentage the row's VAT rate
	 * @return the discounted figures (the base itself when the share is zero)
	 */
	public static RowFigures discounted(RowFigures base, Money share, BigDecimal vatPercentage) {
		if (share.isZero()) {
			return base;
		}
		Money total = base.sumTotal().minus(share);
		Money vat = vatOfGross(total, vatPercentage);
		return new RowFigures(base.price(), base.priceWithVat(), share, total.minus(vat), vat, total);
	}

	/**
	 * A unit price as shown and stored: rounded half-up to 4 decimals, without trailing
	 * zeros beyond the currency's scale ({@code 12.4000} is {@code 12.40}, {@code 8.0645}
	 * stays).
	 * @param value the exact unit price
	 * @param currency the currency
	 * @return the unit price
	 */
	public static BigDecimal unitPrice(BigDecimal value, Currency currency) {
		return Decimals.trim(value.setScale(UNIT_PRICE_SCALE, RoundingMode.HALF_UP), Money.scaleOf(currency));
	}

	private static Money vatOfGross(Money gross, BigDecimal vatPercentage) {
		BigDecimal vat = gross.amount()
			.multiply(vatPercentage)
			.divide(HUNDRED.add(vatPercentage), Money.scaleOf(gross.currency()), RoundingMode.HALF_UP);
		return Money.of(vat, gross.currency());
	}

}
