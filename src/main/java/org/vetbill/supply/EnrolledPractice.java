package org.vetbill.supply;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A practice enrolled with a supplier to read its invoices.
 *
 * @param id its id
 * @param name the practice's name
 * @param accountCodes the accounts whose invoices it sees
 * @param userAuth its user token, shown once when the practice is enrolled and never
 * again
 * @param tokenHint the token's first characters, to tell tokens apart
 * @param active whether the token is accepted
 * @param created when it was enrolled
 */
public record EnrolledPractice(long id, String name, List<String> accountCodes, @Nullable String userAuth,
		String tokenHint, boolean active, Instant created) {

}
