package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Consultation;
import org.vetbill.clinic.ConsultationItem;
import org.vetbill.clinic.Consultations;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code consultation/}: a visit with its client, patient, department, status and type,
 * when it began and ended (was finalized), the invoice made from it and its charged
 * items.
 */
@Component
class ConsultationResource extends CloudResource<ConsultationResource.View> {

	static final String NAME = "consultation";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "status", "type", "admitted_time", "created", "modified")
		.relation("client", "clientId")
		.relation("patient", "patientId")
		.relation("department", "departmentId")
		.build();

	private final Consultations consultations;

	private final InvoiceQueries invoices;

	ConsultationResource(Consultations consultations, InvoiceQueries invoices) {
		super(NAME);
		this.consultations = consultations;
		this.invoices = invoices;
	}

	@Override
	Counted<View> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.consultations.search(caller, criteria, order, page).mapItems((found) -> views(caller, found));
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<View> byIds(Caller caller, Collection<Long> ids) {
		return views(caller, this.consultations.getAll(caller, ids));
	}

	/**
	 * The consultations with their invoices, read in one query for all of them.
	 */
	private List<View> views(Caller caller, List<Consultation> consultations) {
		Map<Long, Long> invoiceIds = this.invoices.invoicesOfConsultations(caller,
				consultations.stream().map(Consultation::id).toList());
		return consultations.stream()
			.map((consultation) -> new View(consultation, invoiceIds.get(consultation.id())))
			.toList();
	}

	@Override
	long id(View view) {
		return view.consultation().id();
	}

	@Override
	List<Relation<View>> relations() {
		return List.of(new Relation<>("client", ClientResource.NAME, (v) -> List.of(v.consultation().clientId())),
				new Relation<>("patients", PatientResource.NAME, (v) -> optional(v.consultation().patientId())),
				new Relation<>("department", DepartmentResource.NAME, (v) -> List.of(v.consultation().departmentId())),
				new Relation<>("invoice", InvoiceResource.NAME, (v) -> optional(v.invoiceId())),
				new Relation<>("consultation_items", ConsultationItemResource.NAME, View::itemIds));
	}

	@Override
	void write(View view, CloudObject out) {
		Consultation consultation = view.consultation();
		out.self(NAME, consultation.id())
			.link("client", ClientResource.NAME, consultation.clientId())
			.links("patients", PatientResource.NAME, optional(consultation.patientId()))
			.put("complaint", "")
			.dateTime("admitted_time", consultation.admittedTime())
			.put("first_entry", null)
			.put("started", null)
			.put("finished", null)
			.dateTime("ended", consultation.finalizedTime())
			.put("status", consultation.status())
			.put("type", consultation.consultationType())
			.link("invoice", InvoiceResource.NAME, view.invoiceId())
			.put("supervising_veterinarian", null)
			.link("department", DepartmentResource.NAME, consultation.departmentId())
			.links("consultation_items", ConsultationItemResource.NAME, view.itemIds())
			.put("reporting_dimension_1", null)
			.put("reporting_dimension_2", null);
		// the clinical side vetbill does not keep: the real API's empty values
		for (String list : List.of("consultation_notes", "consultation_diagnosis", "consultation_dischargeinstructions",
				"consultation_patient_status")) {
			out.put(list, List.of());
		}
		out.put("triage", null)
			.put("external_sent", null)
			.put("ward", null)
			.put("patient_location", null)
			.put("integration_status", null)
			.put("holding_place_number", List.of())
			.put("report_to_authorities", false)
			.put("consultation_extras", null)
			.put("templates_used", List.of())
			.put("appointment", null)
			.dateTime("created", consultation.created())
			.dateTime("modified", consultation.modified());
	}

	/**
	 * A consultation with the invoice made from it.
	 *
	 * @param consultation the consultation and its charged items
	 * @param invoiceId the invoice made from it, or null
	 */
	record View(Consultation consultation, @Nullable Long invoiceId) {

		List<Long> itemIds() {
			return this.consultation.items().stream().map(ConsultationItem::id).toList();
		}

	}

}
