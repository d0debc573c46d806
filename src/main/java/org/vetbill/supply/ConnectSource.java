package org.vetbill.supply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where a buying organization imports a supplier's invoices from: a Connect endpoint and
 * the request headers it is called with.
 *
 * @param baseUrl the endpoint's base URL, to which {@code /invoices} is added, such as
 * {@code https://api.connect.provet.com.au} or another vetbill's
 * {@code https://host/connect}
 * @param client the {@code Client} header: this system's name and version
 * @param clientAuth the {@code Client-Auth} header: the practice management system's key
 * @param userAuth the {@code User-Auth} header: the practice's user token
 * @param practice the {@code Practice} header: the practice's name
 * @param user the {@code User} header: the user the import runs for
 * @param accountCode the {@code Account-Code} header, to import one account's invoices
 * only, or null for all of the practice's accounts
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
