package org.vetbill.clinic.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An animal patient and the client it belongs to.
 *
 * @param clientId the owner
 * @param name the animal's name
 * @param species species, free text
 * @param breed breed, free text
 * @param dateOfBirth date of birth
 * @param archived whether the patient is archived
 */
public record PatientDetails(@NotNull Long clientId, @NotBlank @Size(max = 100) String name,
		@Nullable @Size(max = 100) String species, @Nullable @Size(max = 100) String breed,
		@Nullable @PastOrPresent LocalDate dateOfBirth, boolean archived) {

	/**
	 * The same patient, archived or restored.
	 * @param archived whether archived
	 * @return the patient's details with that flag
	 */
	public PatientDetails withArchived(boolean archived) {
		return new PatientDetails(this.clientId, this.name, this.species, this.breed, this.dateOfBirth, archived);
	}

}
