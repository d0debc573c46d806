package org.vetbill.clinic.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A department (clinic location) of an organization. Each department numbers its invoices
 * in its own gapless sequence.
 *
 * @param name the department's name
 * @param invoicePrefix the prefix of its invoice numbers, empty for none
 * @param archived whether it is no longer in use
 */
public record DepartmentDetails(@NotBlank @Size(max = 200) String name, @NotNull @Pattern(regexp = "[A-Za-z0-9]{0,20}",
		message = "must be up to 20 letters and digits") String invoicePrefix, boolean archived) {

}
