package org.vetbill.api.cloud;

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
 * {@code patient/}: an animal and the client it belongs to.
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
			.put("species", details.species())
			.put("breed", details.breed())
			.date("date_of_birth", details.dateOfBirth())
			.put("archived", details.archived())
			.dateTime("created", patient.created())
			.dateTime("modified", patient.modified());
	}

}
