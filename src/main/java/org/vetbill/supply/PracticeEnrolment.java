package org.vetbill.supply;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A practice to enrol with a supplier, to read its invoices.
 *
 * @param name the practice's name
 * @param accountCodes its accounts with the supplier (recorded before, not yet enrolled)
 */
public record PracticeEnrolment(@NotBlank @Size(max = 200) String name, @NotEmpty List<@NotNull String> accountCodes) {

}
