package org.vetbill.clinic.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A consultation to open.
 *
 * @param departmentId where it takes place
 * @param clientId the client who pays
 * @param patientId the patient, if any
 * @param consultationType 0 inpatient, 1 outpatient (the default), 2 home call, 3 farm
 * visit, 4 boarding, 5 pet service
 */
public record NewConsultation(@NotNull Long departmentId, @NotNull Long clientId, @Nullable Long patientId,
		@Nullable @Min(0) @Max(5) Integer consultationType) {

	public int consultationTypeOrDefault() {
		return (this.consultationType == null) ? 1 : this.consultationType;
	}

}
