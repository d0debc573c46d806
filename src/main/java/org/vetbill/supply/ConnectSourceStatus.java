package org.vetbill.supply;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A supplier's Connect source with its import schedule, the secrets shown by their first
 * characters only.
 *
 * @param baseUrl the endpoint's base URL
 * @param client the {@code Client} header
 * @param clientAuthHint the first characters of the {@code Client-Auth} key
 * @param userAuthHint the first characters of the {@code User-Auth} token
 * @param practice the {@code Practice} header
 * @param user the {@code User} header
 * @param accountCode the {@code Account-Code} header, if any
 * @param enabled whether the importer polls it
 * @param updatedAfter the {@code UpdatedAfter} of the next poll (null: import everything)
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
