package org.vetbill.supply;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A product of a supplier's catalogue.
 *
 * @param productCode the supplier's product code
 * @param description what it is
 * @param listPrice the list price
 * @param price the practice's price
 * @param rrp the recommended retail price
 */
public record Product(@NotBlank @Size(max = 50) String productCode, @NotBlank @Size(max = 500) String description,
		@Nullable @DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal listPrice,
		@Nullable @DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal price,
		@Nullable @DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal rrp) {

}
