package org.vetbill.supply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where a buying organization imports a supplier's invoices from: a Connect endpoint and
 * what the importer tells it with each request.
 *
 * @param baseUrl the endpoint's base URL (a supplier's server, or another vetbill's)
 * @param client this system's name and version
 * @param clientAuth the practice management system's key
 * @param userAuth the practice's user token
 * @param practice the practice's name
 * @param user the user the import runs for
 * @param accountCode the account to import the invoices of, or null for all of the
 * practice's accounts
 */
public record ConnectSource(
		@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+",
				message = "must be an http:// or https:// URL") String baseUrl,
		@NotBlank @Size(max = 200) String client, @NotBlank @Size(max = 500) String clientAuth,
		@NotBlank @Size(max = 500) String userAuth, @NotBlank @Size(max = 200) String practice,
		@NotBlank @Size(max = 200) String user, @Nullable @Size(max = 50) String accountCode) {

	@Override
	public String toString() {
		return "ConnectSource[" + this.baseUrl + ", practice " + this.practice + "]";
	}

}
