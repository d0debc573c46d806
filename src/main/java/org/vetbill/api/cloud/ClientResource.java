package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code client/}: a client with their address, payment terms ({@code due_date_delay},
 * null when the organization's default applies), home department and patients. An empty
 * VAT number or country is written as {@code ""}, as Provet does.
 */
@Component
class ClientResource extends CloudResource<ClientResource.View> {

	static final String NAME = "client";

	static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "firstname", "lastname", "organization_name", "email", "customer_type", "vat_number",
				"register_number", "city", "zip_code", "country", "archived", "created", "modified")
		.relation("home_department", "homeDepartmentId")
		.search("firstname", "lastname", "organization_name", "email")
		.build();

	private final Clients clients;

	private final Patients patients;

	ClientResource(Clients clients, Patients patients) {
		super(NAME);
		this.clients = clients;
		this.patients = patients;
	}

	@Override
	Counted<View> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.clients.search(caller, criteria, order, page).mapItems((found) -> views(caller, found));
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<View> byIds(Caller caller, Collection<Long> ids) {
		return views(caller, this.clients.getAll(caller, ids));
	}

	/**
	 * The clients with their patients, read in one query for all of them.
	 */
	private List<View> views(Caller caller, List<Client> clients) {
		Map<Long, List<Long>> patientIds = this.patients.idsByClient(caller, clients.stream().map(Client::id).toList());
		return clients.stream()
			.map((client) -> new View(client, patientIds.getOrDefault(client.id(), List.of())))
			.toList();
	}

	@Override
	long id(View view) {
		return view.client().id();
	}

	@Override
	List<Relation<View>> relations() {
		return List.of(
				new Relation<>("home_department", DepartmentResource.NAME,
						(v) -> optional(v.client().details().homeDepartmentId())),
				new Relation<>("patients", PatientResource.NAME, View::patientIds));
	}

	@Override
	void write(View view, CloudObject out) {
		Client client = view.client();
		ClientDetails details = client.details();
		out.self(NAME, client.id())
			.put("customer_type", details.customerType())
			.put("firstname", details.firstname())
			.put("lastname", details.lastname())
			.put("organization_name", details.organizationName())
			.put("vat_number", Objects.requireNonNullElse(details.vatNumber(), ""))
			.put("register_number", details.registerNumber())
			.put("street_address", details.streetAddress())
			.put("street_address_2", details.streetAddress2())
			.put("zip_code", details.zipCode())
			.put("city", details.city())
			.put("state", details.state())
			.put("country", Objects.requireNonNullElse(details.country(), ""))
			.put("email", details.email())
			.put("due_date_delay", details.paymentTermsDays())
			.link("home_department", DepartmentResource.NAME, details.homeDepartmentId())
			.put("invoicing_client", null)
			.put("archived", details.archived())
			.links("patients", PatientResource.NAME, view.patientIds())
			.dateTime("created", client.created())
			.dateTime("modified", client.modified());
	}

	/**
	 * A client with the ids of their patients.
	 *
	 * @param client the client
	 * @param patientIds their patients, in id order
	 */
	record View(Client client, List<Long> patientIds) {
	}

}
