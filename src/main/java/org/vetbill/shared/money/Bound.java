package org.vetbill.shared.money;

import java.math.BigDecimal;

import org.vetbill.shared.error.FieldError;

/**
 * The largest figures vetbill accepts, far beyond anything a clinic handles and below
 * what the columns hold: amounts {@code numeric(19,4)}, quantities {@code numeric(19,3)}.
 * A row's quantity times its unit price, with the largest surcharge (+1,000 %) and VAT
 * (below 100 %), stays below 10^15, so no row's figure can overflow its column.
 */
public enum Bound {

	/** A payment, prepayment, discount or other amount: at most 999,999,999.99. */
	AMOUNT("999999999.99"),

	/** A unit price: at most 99,999,999.9999. */
	UNIT_PRICE("99999999.9999"),

	/** A quantity: at most 99,999.999. */
	QUANTITY("99999.999");

	/** The code of the error of a value beyond its bound, the key of its wording. */
	public static final String CODE = "beyond_bound";

	private final BigDecimal max;

	Bound(String max) {
		this.max = new BigDecimal(max);
	}

	/**
	 * The largest value, and the negative of the smallest.
	 * @return the bound
	 */
	public BigDecimal max() {
		return this.max;
	}

	/**
	 * Whether a value lies within the bound, on either side of zero.
	 * @param value the value
	 * @return true when {@code -max <= value <= max}
	 */
	public boolean admits(BigDecimal value) {
		return value.abs().compareTo(this.max) <= 0;
	}

	/**
	 * The error of a field whose value lies beyond the bound.
	 * @param field the field
	 * @return the error, worded by the key {@code beyond_bound}
	 */
	public FieldError problem(String field) {
		return FieldError.of(field, CODE, "max", this.max.toPlainString());
	}

}
