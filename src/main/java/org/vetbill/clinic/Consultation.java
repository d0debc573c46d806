package org.vetbill.clinic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A consultation and the items charged during it.
 *
 * @param id the id
 * @param uuid the UUID, its public id
 * @param departmentId where it took place
 * @param clientId the client who pays
 * @param patientId the patient
 * @param status the status code ({@code ConsultationStatus})
 * @param consultationType the consultation type: 0 inpatient, 1 outpatient, 2 home call,
 * 3 farm visit, 4 boarding, 5 pet service
 * @param admittedTime when it began
 * @param finalizedTime when it was finalized (and invoiced), or null
 * @param items the charged items
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 */
public record Consultation(long id, UUID uuid, long departmentId, long clientId, @Nullable Long patientId, int status,
		int consultationType, Instant admittedTime, @Nullable Instant finalizedTime, List<ConsultationItem> items,
		Instant created, Instant modified, int version) {

}
