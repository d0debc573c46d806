package org.vetbill.supply;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A supplier's Connect source with its import schedule, the secrets shown by their first
 * characters only.
 *
 * @param baseUrl the endpoint's base URL
 * @param client this system's name and version, as the endpoint is told it
 * @param clientAuthHint the first characters of the practice management system's key
 * @param userAuthHint the first characters of the practice's user token
 * @param practice the practice's name
 * @param user the user the import runs for
 * @param accountCode the one account whose invoices are imported, if any
 * @param enabled whether the importer polls it
 * @param updatedAfter the next poll asks for the invoices changed after this time (null:
 * import everything)
 * @param nextPoll when the importer polls next
 * @param failures how many polls in a row have failed
 * @param lastPoll when the last poll started
 * @param lastSuccess when the last poll succeeded
 * @param lastError what the last failed poll met, if the last poll failed
 */
public record ConnectSourceStatus(String baseUrl, String client, String clientAuthHint, String userAuthHint,
		String practice, String user, @Nullable String accountCode, boolean enabled, @Nullable Instant updatedAfter,
		Instant nextPoll, int failures, @Nullable Instant lastPoll, @Nullable Instant lastSuccess,
		@Nullable String lastError) {

}
