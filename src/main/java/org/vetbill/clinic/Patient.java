package org.vetbill.clinic;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.vetbill.clinic.domain.PatientDetails;

/**
 * A patient (animal).
 *
 * @param id the id
 * @param uuid the UUID
 * @param details the patient's data
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 */
public record Patient(long id, UUID uuid, @JsonUnwrapped PatientDetails details, Instant created, Instant modified,
		int version) {

}
