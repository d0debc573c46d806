package org.vetbill.clinic;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.vetbill.clinic.domain.PhoneNumberDetails;

/**
 * A client's phone number.
 *
 * @param id the id
 * @param details the client, kind and number
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 */
public record PhoneNumber(long id, @JsonUnwrapped PhoneNumberDetails details, Instant created, Instant modified,
		int version) {

}
