package org.vetbill.clinic;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.vetbill.clinic.domain.VatGroupDetails;

/**
 * A VAT group.
 *
 * @param id the id
 * @param details title, rate, GL account
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 */
public record VatGroup(long id, @JsonUnwrapped VatGroupDetails details, Instant created, Instant modified,
		int version) {

}
