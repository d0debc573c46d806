package org.vetbill.shared.money;

import java.math.BigDecimal;

/**
 * Presentation of stored decimals that are not amounts: percentages, quantities and unit
 * prices are kept with four (or three) decimals and shown without needless trailing
 * zeros.
 */
public final class Decimals {

	private Decimals() {
	}

	/**
	 * Drops trailing zeros but keeps at least {@code minScale} decimals: {@code 24.0000}
	 * with a minimum of 1 becomes {@code 24.0}, {@code 13.5000} becomes {@code 13.5}.
	 * @param value the value
	 * @param minScale the least number of decimals to keep
	 * @return the value, numerically equal
	 */
	public static BigDecimal trim(BigDecimal value, int minScale) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < minScale) ? stripped.setScale(minScale) : stripped;
	}

}
