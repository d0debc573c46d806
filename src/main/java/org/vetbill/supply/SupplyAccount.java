package org.vetbill.supply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An account a practice holds with a supplier.
 *
 * @param accountCode the account code
 * @param name whose account it is
 * @param practiceId the enrolled practice the account belongs to (on the selling side),
 * or null
 */
public record SupplyAccount(
		@NotBlank @Size(max = 50) @Pattern(regexp = "[^,\\s]+(?: [^,\\s]+)*",
				message = "must not contain commas nor begin or end with a space") String accountCode,
		@NotBlank @Size(max = 200) String name, @Nullable Long practiceId) {

}
