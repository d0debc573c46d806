package org.vetbill.supply.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Bound;
import org.vetbill.shared.money.Within;

/**
 * A line of an electronic order: a product by its code, or by its description when it has
 * none (one of them is required; the code wins).
 *
 * @param productCode the supplier's product code
 * @param description what is ordered
 * @param quantity how many, above zero
 * @param price the expected unit price
 */
public record OrderLineDetails(@Nullable @Size(max = 50) String productCode,
		@Nullable @Size(max = 500) String description, @Positive int quantity,
		@Nullable @DecimalMin("0") @Within(Bound.UNIT_PRICE) @Digits(integer = 13, fraction = 4) BigDecimal price) {

	/**
	 * What matches this line with the lines of the supplier's invoices: the product code,
	 * or the description when there is no code.
	 * @return the key, or null when the line names neither
	 */
	public @Nullable String matchKey() {
		return Receipts.key(this.productCode, this.description);
	}

}
