package org.vetbill.api.cloud;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.vetbill.clinic.Patient;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code patient/}: an animal and the client it belongs to. The fields vetbill does not
 * keep are written with the real API's empty values; {@code date_of_registration} is the
 * day the patient was recorded.
 */
@Component
class PatientResource extends CloudResource<Patient> {

	static final String NAME = "patient";

	static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "name", "species", "breed", "date_of_birth", "archived", "created", "modified")
		.relation("client", "clientId")
		.search("name")
		.build();

	private final Patients patients;

	PatientResource(Patients patients) {
		super(NAME);
		this.patients = patients;
	}

	@Override
	Counted<Patient> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.patients.search(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<Patient> byIds(Caller caller, Collection<Long> ids) {
		return List.copyOf(this.patients.getAll(caller, ids).values());
	}

	@Override
	long id(Patient patient) {
		return patient.id();
	}

	@Override
	List<Relation<Patient>> relations() {
		return List.of(new Relation<>("client", ClientResource.NAME, (p) -> List.of(p.details().clientId())));
	}

	@Override
	void write(Patient patient, CloudObject out) {
		PatientDetails details = patient.details();
		out.self(NAME, patient.id())
			.link("client", ClientResource.NAME, details.clientId())
			.put("name", details.name())
			.put("official_name", "")
			.put("species", ClientResource.text(details.species()))
			.put("breed", ClientResource.text(details.breed()))
			.put("gender", null)
			.put("weight", null)
			.put("old_patient_id", null)
			.put("remarks", "")
			.date("date_of_registration", LocalDate.ofInstant(patient.created(), out.zone()))
			.date("date_of_birth", details.dateOfBirth());
		ItemResource.empty(out, "deceased", null, "insurance", null, "insurance_company", null, "color", "",
				"critical_notes", "", "microchip", null, "additional_identification", null);
		out.put("archived", details.archived());
		ItemResource.empty(out, "reason_of_death", "", "stable_name", "", "street_address", "", "street_address_2",
				null, "zip_code", "", "city", "", "not_for_food", false, "passport_number", "", "register_number", "",
				"home_department", null, "date_imported", null, "imported", false, "tags_rel", List.of(), "fields_rel",
				List.of(), "holding_place_number", null, "animal_code", null, "herd_size", null, "private", false,
				"visible_departments", List.of(), "visible_department_groups", List.of(), "microchip_date", null,
				"last_consultation", null, "notes", List.of(), "blood_group", null);
		out.dateTime("created", patient.created())
			.put("created_user", null)
			.dateTime("modified", patient.modified())
			.put("modified_user", null);
		ItemResource.empty(out, "species_code", null, "breed_code", null, "merged_patient", List.of(), "merge_patient",
				null, "picture", null, "patient_extras", null);
	}

}
