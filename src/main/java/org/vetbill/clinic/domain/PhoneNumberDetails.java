package org.vetbill.clinic.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * One of a client's phone numbers.
 *
 * @param clientId the client
 * @param typeCode 0 other, 1 mobile, 2 home, 3 work
 * @param number the number as the client gave it
 * @param description what the number is for, such as "evenings"
 */
public record PhoneNumberDetails(@NotNull Long clientId, @NotNull @Min(0) @Max(3) Integer typeCode,
		@NotBlank @Size(max = 50) String number, @Nullable @Size(max = 200) String description) {

}
