package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.PhoneNumbers;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code client/}: a client with their address, payment terms ({@code due_date_delay},
 * null when the organization's default applies), home department, patients and phone
 * numbers. An empty text field is written as {@code ""} and the fields vetbill does not
 * keep with the real API's empty values, as Provet does.
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

	private final PhoneNumbers phoneNumbers;

	ClientResource(Clients clients, Patients patients, PhoneNumbers phoneNumbers) {
		super(NAME);
		this.clients = clients;
		this.patients = patients;
		this.phoneNumbers = phoneNumbers;
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
	 * The clients with their patients and phone numbers, each read in one query for all
	 * of them.
	 */
	private List<View> views(Caller caller, List<Client> clients) {
		List<Long> ids = clients.stream().map(Client::id).toList();
		Map<Long, List<Long>> patientIds = this.patients.idsByClient(caller, ids);
		Map<Long, List<Long>> phoneIds = this.phoneNumbers.idsByClient(caller, ids);
		return clients.stream()
			.map((client) -> new View(client, patientIds.getOrDefault(client.id(), List.of()),
					phoneIds.getOrDefault(client.id(), List.of())))
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
				new Relation<>("patients", PatientResource.NAME, View::patientIds),
				new Relation<>("phone_numbers", PhoneNumberResource.NAME, View::phoneNumberIds));
	}

	@Override
	void write(View view, CloudObject out) {
		Client client = view.client();
		ClientDetails details = client.details();
		out.self(NAME, client.id())
			.put("title", null)
			.put("firstname", text(details.firstname()))
			.put("lastname", text(details.lastname()))
			.put("organization_name", text(details.organizationName()))
			.put("customer_type", details.customerType())
			.put("vat_number", text(details.vatNumber()))
			.put("register_number", details.registerNumber())
			.link("home_department", DepartmentResource.NAME, details.homeDepartmentId())
			.put("due_date_delay", details.paymentTermsDays())
			.put("street_address", text(details.streetAddress()))
			.put("street_address_2", text(details.streetAddress2()))
			.put("zip_code", text(details.zipCode()))
			.put("city", text(details.city()))
			.put("state", text(details.state()))
			.put("email", text(details.email()));
		ItemResource.empty(out, "alt_emails", null, "id_number", "", "old_client_id", null, "critical_notes", null,
				"critical_accounting_notes", null, "remarks", "");
		out.put("archived", details.archived()).put("country", text(details.country()));
		ItemResource.empty(out, "no_sms", false, "no_email", false, "external", false, "referring_organization", false,
				"parent_referring_organization", null, "referring_vet", false, "imported", false, "date_imported",
				null);
		out.links("patients", PatientResource.NAME, view.patientIds())
			.put("invoicing_client", null)
			.put("tags_rel", List.of())
			.dateTime("created", client.created())
			.put("created_user", null)
			.dateTime("modified", client.modified())
			.put("modified_user", null)
			.links("phone_numbers", PhoneNumberResource.NAME, view.phoneNumberIds())
			.put("status_type", 0);
	}

	/**
	 * A text field as the real API writes it: {@code ""} when empty.
	 */
	static String text(@Nullable String value) {
		return Objects.requireNonNullElse(value, "");
	}

	/**
	 * A client with the ids of their patients.
	 *
	 * @param client the client
	 * @param patientIds their patients, in id order
	 * @param phoneNumberIds their phone numbers, in id order
	 */
	record View(Client client, List<Long> patientIds, List<Long> phoneNumberIds) {
	}

}
