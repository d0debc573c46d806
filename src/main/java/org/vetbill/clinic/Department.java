package org.vetbill.clinic;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.DepartmentSettings;

/**
 * A department of an organization with its financial settings.
 *
 * @param id the id
 * @param details name, invoice prefix
 * @param settings period lock and payment settings
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 */
public record Department(long id, @JsonUnwrapped DepartmentDetails details, DepartmentSettings settings,
		Instant created, Instant modified, int version) {

}
