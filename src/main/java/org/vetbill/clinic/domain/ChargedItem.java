package org.vetbill.clinic.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An item charged to a client: on a consultation, or as a row of a draft invoice.
 *
 * @param itemId the catalog item
 * @param quantity how many, above zero, up to 3 decimals
 * @param unitPrice a price overriding the item's price (net or gross as the
 * organization's prices are), or null for the item's price
 * @param percentageChange a discount (negative, down to -100) or surcharge (positive) in
 * percent, or null for none
 * @param patientId the patient it was for
 * @param name a name overriding the item's name, or null for the item's name
 */
public record ChargedItem(@NotNull Long itemId,
		@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity,
		@Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
		@Nullable @DecimalMin("-100") @DecimalMax("1000") @Digits(integer = 4,
				fraction = 4) BigDecimal percentageChange,
		@Nullable Long patientId, @Nullable @Size(min = 1, max = 200) String name) {

	public BigDecimal percentageChangeOrZero() {
		return (this.percentageChange == null) ? BigDecimal.ZERO : this.percentageChange;
	}

}
