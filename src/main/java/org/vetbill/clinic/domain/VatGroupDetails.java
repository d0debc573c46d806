package org.vetbill.clinic.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A VAT group: a rate and the GL account VAT at that rate is posted to.
 *
 * @param title name of the group, such as {@code 24%}
 * @param percentage the rate, 0 to below 100, up to 4 decimals
 * @param accountNumber the GL account for VAT liability entries
 * @param archived whether the group is archived
 */
public record VatGroupDetails(
		@NotBlank @Size(max = 100) String title, @NotNull @DecimalMin("0") @DecimalMax(value = "100",
				inclusive = false) @Digits(integer = 2, fraction = 4) BigDecimal percentage,
		@Nullable @Size(max = 50) String accountNumber, boolean archived) {

}
