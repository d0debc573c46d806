package org.vetbill.clinic;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.vetbill.clinic.domain.ClientDetails;

/**
 * A client of the clinic.
 *
 * @param id the id
 * @param uuid the UUID
 * @param details the client's data
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 */
public record Client(long id, UUID uuid, @JsonUnwrapped ClientDetails details, Instant created, Instant modified,
		int version) {

}
