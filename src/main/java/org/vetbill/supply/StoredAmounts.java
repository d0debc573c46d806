package org.vetbill.supply;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Decimals;

/**
 * How the supply tables' amounts and unit prices read back: amounts in cents, unit prices
 * with at least two decimals and no trailing zeros beyond. What is stored is normalized
 * the same way, so that it compares equal to what reads back.
 */
final class StoredAmounts {

	private StoredAmounts() {
	}

	static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	static @Nullable BigDecimal price(@Nullable BigDecimal value) {
		return (value != null) ? Decimals.trim(value, 2) : null;
	}

}
