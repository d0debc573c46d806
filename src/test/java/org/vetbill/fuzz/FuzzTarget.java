package org.vetbill.fuzz;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the fuzzer aims at: one organization, the credentials it sends, and where known
 * the headers of a Connect API user.
 *
 * @param provetId the organization's {@code provet_id}
 * @param otherProvetIds other organizations' ids, for requests across tenants
 * @param credentials the credentials to send (one without any is added)
 * @param connectHeaders {@code Client-Auth} and {@code User-Auth} of a Connect user, or
 * empty
 */
public record FuzzTarget(String provetId, List<String> otherProvetIds, List<Credential> credentials,
		Map<String, String> connectHeaders) {

	/**
	 * A credential.
	 *
	 * @param label what it is, such as {@code read} or {@code billing}
	 * @param authorization the {@code Authorization} header's value, or null for none
	 */
	public record Credential(String label, @Nullable String authorization) {
	}

}
