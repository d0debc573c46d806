package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.Patient;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.web.FieldNames;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The master-data writes of the Cloud API: create ({@code POST}, 201), update
 * ({@code PUT}, {@code PATCH}), archive and restore ({@code archived: true/false}) and
 * {@code DELETE} of clients, patients and items, through the same use cases as vetbill's
 * own API. As in Django REST framework, {@code PUT} needs the required fields and
 * {@code PATCH} none; a field a body leaves out keeps its value. {@code DELETE} archives
 * the record and answers 204: clients, patients and items carry the history of invoices,
 * so they are never removed, and an archived record can be restored. Clients and patients
 * need the billing permission, items the settings permission.
 */
@RestController
class CloudMasterDataController {

	private static final String BASE = CloudApi.BASE;

	private static final Map<String, String> CLIENT_FIELDS = Map.of("homeDepartmentId", "home_department",
			"paymentTermsDays", "due_date_delay");

	private static final Map<String, String> PATIENT_FIELDS = Map.of("clientId", "client");

	private static final Map<String, String> ITEM_FIELDS = Map.of("vatGroupId", "vat_group");

	private final CloudLists lists;

	private final CloudBodies bodies;

	private final Organizations organizations;

	private final Clients clients;

	private final Patients patients;

	private final Items items;

	private final ClientResource clientResource;

	private final PatientResource patientResource;

	private final ItemResource itemResource;

	CloudMasterDataController(CloudLists lists, CloudBodies bodies, Organizations organizations, Clients clients,
			Patients patients, Items items, ClientResource clientResource, PatientResource patientResource,
			ItemResource itemResource) {
		this.lists = lists;
		this.bodies = bodies;
		this.organizations = organizations;
		this.clients = clients;
		this.patients = patients;
		this.items = items;
		this.clientResource = clientResource;
		this.patientResource = patientResource;
		this.itemResource = itemResource;
	}

	// client

	@PostMapping(BASE + "/client/")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> createClient(Caller caller, HttpServletRequest request) {
		ClientDetails details = client(input(caller, request), null);
		Client created = FieldNames.renamed(CLIENT_FIELDS, () -> this.clients.create(caller, details));
		return client(caller, created.id(), request);
	}

	@RequestMapping(path = BASE + "/client/{id}/", method = { RequestMethod.PUT, RequestMethod.PATCH })
	@BillingAccess
	Map<String, @Nullable Object> updateClient(Caller caller, @PathVariable long id, HttpServletRequest request) {
		Client current = this.clients.get(caller, id);
		ClientDetails details = client(input(caller, request), current.details());
		FieldNames.renamed(CLIENT_FIELDS, () -> this.clients.update(caller, id, current.version(), details));
		return client(caller, id, request);
	}

	@DeleteMapping(BASE + "/client/{id}/")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@BillingAccess
	void deleteClient(Caller caller, @PathVariable long id) {
		Client current = this.clients.get(caller, id);
		this.clients.update(caller, id, current.version(), current.details().withArchived(true));
	}

	/**
	 * A client's details from a body, over the current ones (or none, when creating).
	 */
	private static ClientDetails client(CloudInput in, @Nullable ClientDetails base) {
		Integer customerType = field(in, "customer_type", (base != null) ? base.customerType() : Integer.valueOf(0),
				() -> in.integer("customer_type", false));
		ClientDetails details = new ClientDetails(Objects.requireNonNullElse(customerType, 0),
				text(in, "firstname", 100, (base != null) ? base.firstname() : null),
				text(in, "lastname", 100, (base != null) ? base.lastname() : null),
				text(in, "organization_name", 200, (base != null) ? base.organizationName() : null),
				text(in, "vat_number", 20, (base != null) ? base.vatNumber() : null),
				text(in, "register_number", 50, (base != null) ? base.registerNumber() : null),
				text(in, "street_address", 200, (base != null) ? base.streetAddress() : null),
				text(in, "street_address_2", 200, (base != null) ? base.streetAddress2() : null),
				text(in, "zip_code", 20, (base != null) ? base.zipCode() : null),
				text(in, "city", 100, (base != null) ? base.city() : null),
				text(in, "state", 100, (base != null) ? base.state() : null),
				text(in, "country", 2, (base != null) ? base.country() : null),
				text(in, "email", 254, (base != null) ? base.email() : null),
				field(in, "due_date_delay", (base != null) ? base.paymentTermsDays() : null,
						() -> in.integer("due_date_delay", false)),
				field(in, "home_department", (base != null) ? base.homeDepartmentId() : null,
						() -> in.relation("home_department", DepartmentResource.NAME, false)),
				archived(in, base != null && base.archived()));
		in.check();
		return details;
	}

	private Map<String, @Nullable Object> client(Caller caller, long id, HttpServletRequest request) {
		return this.lists.write(caller, this.clientResource, this.clientResource.byIds(caller, List.of(id)).get(0),
				request);
	}

	// patient

	@PostMapping(BASE + "/patient/")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> createPatient(Caller caller, HttpServletRequest request) {
		PatientDetails details = patient(input(caller, request), null, true);
		Patient created = FieldNames.renamed(PATIENT_FIELDS, () -> this.patients.create(caller, details));
		return this.lists.write(caller, this.patientResource, created, request);
	}

	@RequestMapping(path = BASE + "/patient/{id}/", method = { RequestMethod.PUT, RequestMethod.PATCH })
	@BillingAccess
	Map<String, @Nullable Object> updatePatient(Caller caller, @PathVariable long id, HttpServletRequest request) {
		Patient current = this.patients.get(caller, id);
		PatientDetails details = patient(input(caller, request), current.details(), isPut(request));
		Patient updated = FieldNames.renamed(PATIENT_FIELDS,
				() -> this.patients.update(caller, id, current.version(), details));
		return this.lists.write(caller, this.patientResource, updated, request);
	}

	@DeleteMapping(BASE + "/patient/{id}/")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@BillingAccess
	void deletePatient(Caller caller, @PathVariable long id) {
		Patient current = this.patients.get(caller, id);
		this.patients.update(caller, id, current.version(), current.details().withArchived(true));
	}

	private static PatientDetails patient(CloudInput in, @Nullable PatientDetails base, boolean complete) {
		Long client = field(in, "client", (base != null) ? base.clientId() : null,
				() -> in.relation("client", ClientResource.NAME, true), complete);
		String name = field(in, "name", (base != null) ? base.name() : null, () -> in.text("name", true, 100),
				complete);
		PatientDetails details = new PatientDetails(Objects.requireNonNullElse(client, 0L),
				Objects.requireNonNullElse(name, ""), text(in, "species", 100, (base != null) ? base.species() : null),
				text(in, "breed", 100, (base != null) ? base.breed() : null), field(in, "date_of_birth",
						(base != null) ? base.dateOfBirth() : null, () -> in.date("date_of_birth", false)),
				archived(in, base != null && base.archived()));
		in.check();
		return details;
	}

	// item

	@PostMapping(BASE + "/item/")
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	Map<String, @Nullable Object> createItem(Caller caller, HttpServletRequest request) {
		Organization organization = this.organizations.get(caller.organizationId());
		ItemDetails details = item(input(caller, request), null, true, organization.settings().pricesIncludeVat());
		Item created = FieldNames.renamed(itemFields(organization), () -> this.items.create(caller, details));
		return item(caller, created.id(), request);
	}

	@RequestMapping(path = BASE + "/item/{id}/", method = { RequestMethod.PUT, RequestMethod.PATCH })
	@SettingsAccess
	Map<String, @Nullable Object> updateItem(Caller caller, @PathVariable long id, HttpServletRequest request) {
		Organization organization = this.organizations.get(caller.organizationId());
		Item current = this.items.get(caller, id);
		ItemDetails details = item(input(caller, request), current.details(), isPut(request),
				organization.settings().pricesIncludeVat());
		FieldNames.renamed(itemFields(organization), () -> this.items.update(caller, id, current.version(), details));
		return item(caller, id, request);
	}

	@DeleteMapping(BASE + "/item/{id}/")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SettingsAccess
	void deleteItem(Caller caller, @PathVariable long id) {
		Item current = this.items.get(caller, id);
		this.items.update(caller, id, current.version(), current.details().withArchived(true));
	}

	/**
	 * An item's details from a body. The unit price is written in the field the
	 * organization enters prices in: {@code price} without VAT, or {@code price_with_vat}
	 * where prices include VAT; the other is derived, so read-only, and ignored when sent
	 * as DRF ignores read-only fields.
	 */
	private static ItemDetails item(CloudInput in, @Nullable ItemDetails base, boolean complete,
			boolean pricesIncludeVat) {
		String priceField = pricesIncludeVat ? "price_with_vat" : "price";
		String name = field(in, "name", (base != null) ? base.name() : null, () -> in.text("name", true, 200),
				complete);
		BigDecimal price = field(in, priceField, (base != null) ? base.price() : null,
				() -> in.decimal(priceField, true), complete);
		Long vatGroup = field(in, "vat_group", (base != null) ? base.vatGroupId() : null,
				() -> in.relation("vat_group", VatGroupResource.NAME, true), complete);
		Integer typeCode = field(in, "type_code", (base != null) ? base.typeCode() : null,
				() -> in.integer("type_code", true), complete);
		ItemDetails details = new ItemDetails(text(in, "code", 64, (base != null) ? base.code() : null),
				Objects.requireNonNullElse(name, ""), Objects.requireNonNullElse(price, BigDecimal.ZERO),
				Objects.requireNonNullElse(vatGroup, 0L),
				text(in, "account_number", 50, (base != null) ? base.accountNumber() : null),
				(base != null) ? base.internalAccountNumber() : null,
				text(in, "reporting_dimension_1", 100, (base != null) ? base.reportingDimension1() : null),
				text(in, "reporting_dimension_2", 100, (base != null) ? base.reportingDimension2() : null),
				text(in, "reporting_dimension_3", 100, (base != null) ? base.reportingDimension3() : null),
				(base != null) ? base.internalReportingDimension1() : null,
				(base != null) ? base.internalReportingDimension2() : null,
				archived(in, base != null && base.archived()), typeCode);
		if (typeCode != null && (typeCode < 1 || typeCode > 4)) {
			in.problem(FieldError.worded("type_code", "\"" + typeCode + "\" is not a valid choice."));
		}
		in.check();
		return details;
	}

	private static Map<String, String> itemFields(Organization organization) {
		return organization.settings().pricesIncludeVat() ? Map.of("vatGroupId", "vat_group", "price", "price_with_vat")
				: ITEM_FIELDS;
	}

	private Map<String, @Nullable Object> item(Caller caller, long id, HttpServletRequest request) {
		return this.lists.write(caller, this.itemResource, this.itemResource.byIds(caller, List.of(id)).get(0),
				request);
	}

	// reading bodies

	/**
	 * A field a body may leave out, keeping its current value then.
	 */
	private static <T> @Nullable T field(CloudInput in, String name, @Nullable T current, Supplier<@Nullable T> read) {
		return in.given(name) ? read.get() : current;
	}

	/**
	 * A required field: a create or a full update must give it, a partial update may
	 * leave it out.
	 */
	private static <T> @Nullable T field(CloudInput in, String name, @Nullable T current, Supplier<@Nullable T> read,
			boolean complete) {
		return (in.given(name) || complete || current == null) ? read.get() : current;
	}

	private static @Nullable String text(CloudInput in, String name, int maxLength, @Nullable String current) {
		return field(in, name, current, () -> in.text(name, false, maxLength));
	}

	private static boolean archived(CloudInput in, boolean current) {
		return in.bool("archived", current);
	}

	private static boolean isPut(HttpServletRequest request) {
		return "PUT".equals(request.getMethod());
	}

	private CloudInput input(Caller caller, HttpServletRequest request) {
		Organization organization = this.organizations.get(caller.organizationId());
		return new CloudInput(this.bodies.read(request), organization.zone(), organization.provetId());
	}

}
