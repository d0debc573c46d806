package org.vetbill.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money at its currency's minor-unit scale (2 for EUR). All rounding to the
 * minor unit goes through {@link #round(BigDecimal, Currency, RoundingMode)}; arithmetic
 * between two amounts is exact.
 *
 * @param amount the amount, always at the currency's scale
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = atScale(amount, scaleOf(currency));
	}

	/**
	 * An exact amount. Trailing zeros beyond the currency's scale are accepted; any other
	 * digit beyond it is an error, never silently rounded.
	 * @param amount the amount
	 * @param currency the currency
	 * @return the money
	 * @throws IllegalArgumentException if the amount has more significant decimals than
	 * the currency allows
	 */
	public static Money of(BigDecimal amount, Currency currency) {
		return new Money(amount, currency);
	}

	public static Money of(String amount, Currency currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	/**
	 * Rounds an exact value to the currency's minor unit: the one place where amounts are
	 * rounded.
	 * @param value the exact value
	 * @param currency the currency
	 * @param mode {@link RoundingMode#HALF_UP} for conventional rounding,
	 * {@link RoundingMode#HALF_EVEN} for total sums
	 * @return the rounded amount
	 */
	public static Money round(BigDecimal value, Currency currency, RoundingMode mode) {
		return new Money(value.setScale(scaleOf(currency), mode), currency);
	}

	/**
	 * The number of decimals of a currency's minor unit.
	 * @param currency the currency
	 * @return its scale (2 for EUR, 0 for JPY, 3 for KWD)
	 */
	public static int scaleOf(Currency currency) {
		int digits = currency.getDefaultFractionDigits();
		if (digits < 0) {
			throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency with a minor unit");
		}
		return digits;
	}

	private static BigDecimal atScale(BigDecimal amount, int scale) {
		try {
			return amount.setScale(scale, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(
					"amount " + amount.toPlainString() + " has more than " + scale + " decimals", ex);
		}
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(sameCurrency(other).amount), this.currency);
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(sameCurrency(other).amount), this.currency);
	}

	public Money negate() {
		return new Money(this.amount.negate(), this.currency);
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	public boolean isLessThan(Money other) {
		return compareTo(other) < 0;
	}

	/**
	 * The amount in minor units (cents), exact.
	 * @return the amount times 10^scale
	 */
	public long minorUnits() {
		return this.amount.movePointRight(this.amount.scale()).longValueExact();
	}

	public static Money ofMinorUnits(long minorUnits, Currency currency) {
		return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(sameCurrency(other).amount);
	}

	private Money sameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"cannot combine " + this.currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
		}
		return other;
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency.getCurrencyCode();
	}

}
