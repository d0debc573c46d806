package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Consultation;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.QueryCounter;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cloud API's master data resources over real HTTP: {@code client}, {@code patient},
 * {@code department}, {@code item}, {@code consultation} and {@code consultationitem},
 * each as a list in the DRF envelope and as a single object, with its fields in order,
 * absolute hyperlinks, filters, {@code expose_<relation>} and tenant isolation; and every
 * hyperlink of an invoice leading to an object that exists.
 */
class CloudMasterDataIntegrationTests extends IntegrationTest {

	/** The test's clock, 10:00 UTC, as written in the organization's time zone. */
	private static final String NOW = "2026-11-21T12:00:00+02:00";

	private static final List<String> CLIENT_FIELDS = List.of("id", "url", "customer_type", "firstname", "lastname",
			"organization_name", "vat_number", "register_number", "street_address", "street_address_2", "zip_code",
			"city", "state", "country", "email", "due_date_delay", "home_department", "invoicing_client", "archived",
			"patients", "created", "modified");

	private static final List<String> PATIENT_FIELDS = List.of("id", "url", "client", "name", "species", "breed",
			"date_of_birth", "archived", "created", "modified");

	private static final List<String> DEPARTMENT_FIELDS = List.of("id", "url", "name", "invoice_prefix", "archived",
			"created", "modified");

	private static final List<String> ITEM_FIELDS = List.of("id", "url", "code", "name", "price", "price_with_vat",
			"vat_group", "account_number", "reporting_dimension_1", "reporting_dimension_2", "reporting_dimension_3",
			"archived", "created", "modified");

	private static final List<String> CONSULTATION_FIELDS = List.of("id", "url", "client", "patients", "complaint",
			"admitted_time", "first_entry", "started", "finished", "ended", "status", "type", "invoice",
			"supervising_veterinarian", "department", "consultation_items", "reporting_dimension_1",
			"reporting_dimension_2", "consultation_notes", "consultation_diagnosis",
			"consultation_dischargeinstructions", "consultation_patient_status", "triage", "external_sent", "ward",
			"patient_location", "integration_status", "holding_place_number", "report_to_authorities",
			"consultation_extras", "templates_used", "appointment", "created", "modified");

	private static final List<String> CONSULTATION_ITEM_FIELDS = List.of("id", "url", "consultation", "patient", "item",
			"code", "name", "quantity", "price", "price_with_vat", "percentage_change", "supervising_veterinarian_name",
			"vat_percentage", "type_code", "invoicerow", "parent_linked_item", "linked_items", "created", "modified",
			"used", "usage_type", "unit", "instructions", "description", "template");

	private static final List<String> ENVELOPE = List.of("count", "num_pages", "next", "previous", "results");

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	// client

	@Test
	void clientsAreListedWithTheirAddressTermsHomeDepartmentAndPatients() {
		long company = newCompany();
		JsonNode list = ok("client/");
		assertEnvelope(list, 2, 1);
		assertThat(fields(list.path("results").get(0))).isEqualTo(CLIENT_FIELDS);
		assertObject(list.path("results").get(0), "{'id': " + this.tenant.client + ", 'url': '"
				+ url("client", this.tenant.client) + "', 'customer_type': 0, 'firstname': 'Anna',"
				+ " 'lastname': 'Virtanen', 'organization_name': null, 'vat_number': '', 'register_number': null,"
				+ " 'street_address': 'Mannerheimintie 1', 'street_address_2': 'B 2', 'zip_code': '00100',"
				+ " 'city': 'Helsinki', 'state': null, 'country': 'FI', 'email': 'anna@example.com',"
				+ " 'due_date_delay': 21, 'home_department': null, 'invoicing_client': null, 'archived': false,"
				+ " 'patients': ['" + url("patient", this.tenant.patient) + "'], 'created': '" + NOW
				+ "', 'modified': '" + NOW + "'}");
		assertObject(list.path("results").get(1), "{'id': " + company + ", 'url': '" + url("client", company)
				+ "', 'customer_type': 2, 'firstname': null, 'lastname': null, 'organization_name': 'Koirapuisto Oy',"
				+ " 'vat_number': 'FI12345678', 'register_number': '1234567-8', 'street_address': 'Tehtaankatu 3',"
				+ " 'street_address_2': null, 'zip_code': '00140', 'city': 'Helsinki', 'state': null, 'country': '',"
				+ " 'email': 'billing@koirapuisto.fi', 'due_date_delay': null, 'home_department': '"
				+ url("department", this.tenant.department) + "', 'invoicing_client': null, 'archived': false,"
				+ " 'patients': [], 'created': '" + NOW + "', 'modified': '" + NOW + "'}");
		assertThat(ok("client/" + company + "/")).isEqualTo(list.path("results").get(1));
	}

	@Test
	void clientsAreFilteredPagedAndExposeTheirRelations() {
		long company = newCompany();
		assertThat(ids("client/?lastname__icontains=virt")).containsExactly(this.tenant.client);
		assertThat(ids("client/?customer_type=2")).containsExactly(company);
		assertThat(ids("client/?home_department__is=" + this.tenant.department)).containsExactly(company);
		assertThat(ids("client/?home_department.id=" + this.tenant.department)).containsExactly(company);
		assertThat(ids("client/?country__is_null=true")).containsExactly(company);
		assertThat(ids("client/?email__icontains=KOIRA")).containsExactly(company);
		assertThat(ids("client/?archived=false")).containsExactly(this.tenant.client, company);
		assertThat(ids("client/?archived=true")).isEmpty();
		assertThat(ids("client/?created__gte=2026-11-21&zip_code__in=00100,00140")).containsExactly(this.tenant.client,
				company);
		assertThat(ids("client/?lastname__icontains=virt&organization_name__icontains=koira&filter_type=or"))
			.containsExactly(this.tenant.client, company);
		assertRefused("client/?nickname=Anna", "nickname", "Unknown filter field 'nickname'");
		assertRefused("client/?archived=maybe", "archived", "'maybe' is not a boolean");

		JsonNode first = ok("client/?page_size=1");
		assertEnvelope(first, 2, 2);
		assertThat(first.path("results").size()).isEqualTo(1);
		assertThat(first.path("previous").isNull()).isTrue();
		assertThat(first.path("next").asString()).isEqualTo(base() + "client/?page_size=1&page=2");
		JsonNode second = ok("client/?page_size=1&page=2");
		assertThat(second.path("previous").asString()).isEqualTo(base() + "client/?page_size=1");
		assertThat(second.path("next").isNull()).isTrue();
		assertThat(second.path("results").get(0).path("id").asLong()).isEqualTo(company);

		JsonNode exposed = ok("client/?expose_home_department&expose_patients");
		assertThat(exposed.path("results").get(0).path("home_department").isNull()).isTrue();
		JsonNode patient = exposed.path("results").get(0).path("patients").get(0);
		assertThat(fields(patient)).isEqualTo(PATIENT_FIELDS);
		assertThat(patient.path("name").asString()).isEqualTo("Musti");
		assertThat(patient.path("client").asString()).isEqualTo(url("client", this.tenant.client));
		JsonNode department = exposed.path("results").get(1).path("home_department");
		assertThat(fields(department)).isEqualTo(DEPARTMENT_FIELDS);
		assertThat(department.path("name").asString()).isEqualTo("Main");
		assertRefused("client/?expose_invoices", "expose_invoices", "Cannot expose 'invoices' on client");
	}

	// patient

	@Test
	void patientsAreListedWithTheirClientAndDateOfBirth() {
		long company = newCompany();
		long horse = this.tenant.bean(Patients.class)
			.create(this.tenant.caller,
					new PatientDetails(company, "Ratsu", "Horse", null, LocalDate.parse("2019-04-02"), false))
			.id();
		JsonNode list = ok("patient/");
		assertEnvelope(list, 2, 1);
		assertThat(fields(list.path("results").get(0))).isEqualTo(PATIENT_FIELDS);
		assertObject(list.path("results").get(0),
				"{'id': " + this.tenant.patient + ", 'url': '" + url("patient", this.tenant.patient) + "', 'client': '"
						+ url("client", this.tenant.client) + "', 'name': 'Musti', 'species': 'Dog',"
						+ " 'breed': 'Lapphund', 'date_of_birth': null, 'archived': false, 'created': '" + NOW
						+ "', 'modified': '" + NOW + "'}");
		assertObject(ok("patient/" + horse + "/"),
				"{'id': " + horse + ", 'url': '" + url("patient", horse) + "', 'client': '" + url("client", company)
						+ "', 'name': 'Ratsu', 'species': 'Horse', 'breed': null, 'date_of_birth': '2019-04-02',"
						+ " 'archived': false, 'created': '" + NOW + "', 'modified': '" + NOW + "'}");

		assertThat(ids("patient/?client__is=" + this.tenant.client)).containsExactly(this.tenant.patient);
		assertThat(ids("patient/?client__in=" + this.tenant.client + "," + company))
			.containsExactly(this.tenant.patient, horse);
		assertThat(ids("patient/?date_of_birth__lt=2020-01-01")).containsExactly(horse);
		assertThat(ids("patient/?date_of_birth__is_null=true")).containsExactly(this.tenant.patient);
		assertThat(ids("patient/?name__icontains=MUS&species=Dog")).containsExactly(this.tenant.patient);
		assertRefused("patient/?date_of_birth=yesterday", "date_of_birth", "is not a valid date");
		assertRefused("patient/?owner=1", "owner", "Unknown filter field 'owner'");

		JsonNode exposed = ok("patient/?expose_client");
		JsonNode client = exposed.path("results").get(0).path("client");
		assertThat(fields(client)).isEqualTo(CLIENT_FIELDS);
		assertThat(client.path("lastname").asString()).isEqualTo("Virtanen");
		assertThat(client.path("patients").get(0).asString()).isEqualTo(url("patient", this.tenant.patient));
		assertThat(exposed.path("results").get(1).path("client").path("organization_name").asString())
			.isEqualTo("Koirapuisto Oy");
	}

	// department

	@Test
	void departmentsAreListedAndFiltered() {
		long old = this.tenant.bean(Departments.class)
			.create(this.tenant.caller, new DepartmentDetails("Old town", "OLD", true))
			.id();
		JsonNode list = ok("department/");
		assertEnvelope(list, 2, 1);
		assertThat(fields(list.path("results").get(0))).isEqualTo(DEPARTMENT_FIELDS);
		assertObject(list.path("results").get(0),
				"{'id': " + this.tenant.department + ", 'url': '" + url("department", this.tenant.department)
						+ "', 'name': 'Main', 'invoice_prefix': 'INV', 'archived': false, 'created': '" + NOW
						+ "', 'modified': '" + NOW + "'}");
		assertThat(ok("department/" + old + "/").path("archived").asBoolean()).isTrue();
		assertThat(ids("department/?archived=true")).containsExactly(old);
		assertThat(ids("department/?archived=False")).containsExactly(this.tenant.department);
		assertThat(ids("department/?name=Main")).containsExactly(this.tenant.department);
		assertThat(ids("department/?name__icontains=TOWN")).containsExactly(old);
		assertThat(ids("department/?id__gt=" + this.tenant.department)).containsExactly(old);
		assertRefused("department/?name__like=Main", "name__like", "Unknown filter operator 'like'");
		assertRefused("department/?archived__gt=true", "archived__gt", "does not apply to field 'archived'");
		assertRefused("department/?expose_name", "expose_name", "it has no exposable relations");
	}

	// item

	@Test
	void itemsShowTheirUnitPriceWithoutAndWithVat() {
		JsonNode list = ok("item/");
		assertEnvelope(list, 2, 1);
		assertThat(fields(list.path("results").get(0))).isEqualTo(ITEM_FIELDS);
		assertObject(list.path("results").get(0), "{'id': " + this.tenant.consultationItem + ", 'url': '"
				+ url("item", this.tenant.consultationItem) + "', 'code': 'CONS', 'name': 'Consultation',"
				+ " 'price': 50.00, 'price_with_vat': 62.00, 'vat_group': '" + url("vatgroup", this.tenant.vat24)
				+ "', 'account_number': '3000', 'reporting_dimension_1': 'VET', 'reporting_dimension_2': 'D2',"
				+ " 'reporting_dimension_3': 'D3', 'archived': false, 'created': '" + NOW + "', 'modified': '" + NOW
				+ "'}");
		JsonNode medicine = ok("item/" + this.tenant.medicineItem + "/");
		assertThat(medicine).isEqualTo(list.path("results").get(1));
		assertThat(json(medicine, "price")).isEqualTo("12.35");
		assertThat(json(medicine, "price_with_vat")).isEqualTo("13.585");
		assertThat(medicine.path("reporting_dimension_1").isNull()).isTrue();

		// prices entered with VAT: the net price is derived, to 4 decimals
		TestTenant gross = newTenant(ReferenceNumberFormat.FINNISH, true);
		JsonNode grossItems = ok(gross, "item/").path("results");
		assertThat(json(grossItems.get(0), "price")).isEqualTo("40.3226");
		assertThat(json(grossItems.get(0), "price_with_vat")).isEqualTo("50.00");
		assertThat(json(grossItems.get(1), "price")).isEqualTo("11.2273");
		assertThat(json(grossItems.get(1), "price_with_vat")).isEqualTo("12.35");
		// and filters compare the prices shown
		assertThat(ids(gross, "item/?price=40.3226")).containsExactly(gross.consultationItem);
		assertThat(ids(gross, "item/?price__lt=45&price_with_vat__gt=45")).containsExactly(gross.consultationItem);
		assertThat(ids(gross, "item/?price_with_vat=12.35")).containsExactly(gross.medicineItem);
	}

	@Test
	void itemsAreFilteredAndExposeTheirVatGroup() {
		assertThat(ids("item/?vat_group__is=" + this.tenant.vat10)).containsExactly(this.tenant.medicineItem);
		assertThat(ids("item/?code=MED")).containsExactly(this.tenant.medicineItem);
		assertThat(ids("item/?price__gt=20")).containsExactly(this.tenant.consultationItem);
		assertThat(ids("item/?price__range=10,13")).containsExactly(this.tenant.medicineItem);
		assertThat(ids("item/?reporting_dimension_1__is_null=true")).containsExactly(this.tenant.medicineItem);
		assertThat(ids("item/?account_number__in=3000,3100&archived=false"))
			.containsExactly(this.tenant.consultationItem, this.tenant.medicineItem);
		assertRefused("item/?price__gt=cheap", "price__gt", "'cheap' is not a number");
		assertThat(ids("item/?price_with_vat=13.585")).containsExactly(this.tenant.medicineItem);
		assertThat(ids("item/?price_with_vat__gte=62")).containsExactly(this.tenant.consultationItem);
		assertRefused("item/?cost__gt=20", "cost__gt", "Unknown filter field 'cost'");

		JsonNode vatGroup = ok("item/" + this.tenant.consultationItem + "/?expose_vat_group").path("vat_group");
		assertThat(fields(vatGroup)).containsExactly("id", "url", "title", "percentage", "account_number", "archived",
				"created", "modified");
		assertThat(vatGroup.path("id").asLong()).isEqualTo(this.tenant.vat24);
		assertThat(json(vatGroup, "percentage")).isEqualTo("24.0");
	}

	// consultation and consultationitem

	@Test
	void consultationsAreListedWithTheirPatientsItemsAndInvoice() {
		long company = newCompany();
		long visit = openConsultation(this.tenant.client, this.tenant.patient);
		List<Long> charged = charge(visit);
		long farmVisit = this.tenant.bean(Consultations.class)
			.create(this.tenant.caller, new NewConsultation(this.tenant.department, company, null, 3))
			.id();
		JsonNode list = ok("consultation/");
		assertEnvelope(list, 2, 1);
		assertThat(fields(list.path("results").get(0))).isEqualTo(CONSULTATION_FIELDS);
		assertObject(list.path("results").get(0),
				"{'id': " + visit + ", 'url': '" + url("consultation", visit) + "', 'client': '"
						+ url("client", this.tenant.client) + "', 'patients': ['" + url("patient", this.tenant.patient)
						+ "'], 'complaint': '', 'admitted_time': '" + NOW + "', 'first_entry': null, 'started': null,"
						+ " 'finished': null, 'ended': null, 'status': 0, 'type': 1, 'invoice': null,"
						+ " 'supervising_veterinarian': null, 'department': '"
						+ url("department", this.tenant.department) + "', 'consultation_items': ['"
						+ url("consultationitem", charged.get(0)) + "', '" + url("consultationitem", charged.get(1))
						+ "'], 'reporting_dimension_1': null, 'reporting_dimension_2': null, 'consultation_notes': [],"
						+ " 'consultation_diagnosis': [], 'consultation_dischargeinstructions': [],"
						+ " 'consultation_patient_status': [], 'triage': null, 'external_sent': null, 'ward': null,"
						+ " 'patient_location': null, 'integration_status': null, 'holding_place_number': [],"
						+ " 'report_to_authorities': false, 'consultation_extras': null, 'templates_used': [],"
						+ " 'appointment': null, 'created': '" + NOW + "', 'modified': '" + NOW + "'}");
		JsonNode farm = ok("consultation/" + farmVisit + "/");
		assertThat(farm).isEqualTo(list.path("results").get(1));
		assertThat(farm.path("patients").isEmpty()).isTrue();
		assertThat(farm.path("consultation_items").isEmpty()).isTrue();
		assertThat(farm.path("type").asInt()).isEqualTo(3);

		assertThat(ids("consultation/?client__is=" + company)).containsExactly(farmVisit);
		assertThat(ids("consultation/?patient__is_null=true")).containsExactly(farmVisit);
		assertThat(ids("consultation/?patient=" + this.tenant.patient)).containsExactly(visit);
		assertThat(ids("consultation/?type=3")).containsExactly(farmVisit);
		assertThat(ids("consultation/?status=0&department__is=" + this.tenant.department)).containsExactly(visit,
				farmVisit);
		// a date-time without offset is in the organization's time zone: 12:00 there is
		// 10:00 UTC
		assertThat(ids("consultation/?admitted_time__gte=2026-11-21T12:00:00")).containsExactly(visit, farmVisit);
		assertThat(ids("consultation/?admitted_time__lt=2026-11-21T12:00:00")).isEmpty();
		assertRefused("consultation/?status=open", "status", "'open' is not a whole number");
		assertRefused("consultation/?ended__is_null=true", "ended__is_null", "Unknown filter field 'ended'");

		JsonNode exposed = ok("consultation/" + visit + "/?expose_consultation_items&expose_patients&expose_client");
		assertThat(exposed.path("consultation_items").get(1).path("name").asString()).isEqualTo("Medicine");
		assertThat(exposed.path("patients").get(0).path("name").asString()).isEqualTo("Musti");
		assertThat(exposed.path("client").path("id").asLong()).isEqualTo(this.tenant.client);
		assertThat(exposed.path("department").asString()).isEqualTo(url("department", this.tenant.department));

		this.clock.advance(Duration.ofMinutes(5));
		long invoice = finalizeConsultation(visit);
		JsonNode finalized = ok("consultation/" + visit + "/?expose_invoice");
		assertThat(finalized.path("status").asInt()).isEqualTo(10);
		assertThat(finalized.path("ended").asString()).isEqualTo("2026-11-21T12:05:00+02:00");
		assertThat(finalized.path("invoice").path("id").asLong()).isEqualTo(invoice);
		assertThat(ok("consultation/" + visit + "/").path("invoice").asString()).isEqualTo(url("invoice", invoice));
		assertThat(ids("consultation/?status=10")).containsExactly(visit);
		assertThat(ids("consultation/?modified__gt=2026-11-21T10:01:00Z")).containsExactly(visit);
	}

	@Test
	void consultationItemsAreListedFilteredAndExposeTheirItem() {
		long visit = openConsultation(this.tenant.client, this.tenant.patient);
		List<Long> charged = charge(visit);
		JsonNode list = ok("consultationitem/");
		assertEnvelope(list, 2, 1);
		assertThat(fields(list.path("results").get(0))).isEqualTo(CONSULTATION_ITEM_FIELDS);
		assertObject(list.path("results").get(0),
				"{'id': " + charged.get(0) + ", 'url': '" + url("consultationitem", charged.get(0))
						+ "', 'consultation': '" + url("consultation", visit) + "', 'patient': '"
						+ url("patient", this.tenant.patient) + "', 'item': '"
						+ url("item", this.tenant.consultationItem) + "', 'code': null, 'name': 'Consultation',"
						+ " 'quantity': 1.0, 'price': null, 'price_with_vat': null, 'percentage_change': 0.0,"
						+ " 'supervising_veterinarian_name': '', 'vat_percentage': null, 'type_code': null,"
						+ " 'invoicerow': null, 'parent_linked_item': null, 'linked_items': [], 'created': '" + NOW
						+ "', 'modified': '" + NOW + "', 'used': '" + NOW + "', 'usage_type': null, 'unit': '',"
						+ " 'instructions': '', 'description': null, 'template': null}");
		JsonNode medicine = ok("consultationitem/" + charged.get(1) + "/");
		assertThat(medicine).isEqualTo(list.path("results").get(1));
		assertThat(json(medicine, "quantity")).isEqualTo("2.5");
		assertThat(json(medicine, "percentage_change")).isEqualTo("-10.0");

		assertThat(ids("consultationitem/?consultation__is=" + visit)).containsExactlyElementsOf(charged);
		assertThat(ids("consultationitem/?item=" + this.tenant.medicineItem)).containsExactly(charged.get(1));
		assertThat(ids("consultationitem/?quantity__gt=2")).containsExactly(charged.get(1));
		assertThat(ids("consultationitem/?name__icontains=consult&patient__is=" + this.tenant.patient))
			.containsExactly(charged.get(0));
		assertRefused("consultationitem/?quantity=a%20lot", "quantity", "'a lot' is not a number");

		JsonNode exposed = ok("consultationitem/?expose_item&expose_consultation").path("results").get(1);
		assertThat(fields(exposed.path("item"))).isEqualTo(ITEM_FIELDS);
		assertThat(json(exposed.path("item"), "price_with_vat")).isEqualTo("13.585");
		assertThat(fields(exposed.path("consultation"))).isEqualTo(CONSULTATION_FIELDS);
		assertThat(exposed.path("patient").asString()).isEqualTo(url("patient", this.tenant.patient));
	}

	// across resources

	@Test
	void anUnknownIdAndAnotherTenantsObjectAreNotFound() {
		TestTenant other = newTenant();
		Consultation visit = other.bean(Consultations.class)
			.create(other.caller, new NewConsultation(other.department, other.client, other.patient, null));
		long charged = other.bean(Consultations.class)
			.addItem(other.caller, visit.id(),
					new ChargedItem(other.medicineItem, BigDecimal.ONE, null, null, null, null))
			.items()
			.get(0)
			.id();
		Map<String, Long> others = Map.of("client", other.client, "patient", other.patient, "department",
				other.department, "item", other.medicineItem, "consultation", visit.id(), "consultationitem", charged);
		others.forEach((resource, id) -> {
			assertThat(ok(other, resource + "/" + id + "/").path("id").asLong()).isEqualTo(id);
			assertNotFound(get(resource + "/" + id + "/"));
			assertNotFound(get(resource + "/999999999/"));
			assertThat(ids(resource + "/?id=" + id)).isEmpty();
		});
		assertThat(ids("patient/?client__is=" + other.client)).isEmpty();
	}

	@Test
	void everyHyperlinkOfAnInvoiceLeadsToAnObject() {
		long visit = openConsultation(this.tenant.client, this.tenant.patient);
		charge(visit);
		long invoice = finalizeConsultation(visit);
		Set<String> found = new LinkedHashSet<>();
		collectLinks(ok("invoice/" + invoice + "/"), found);
		collectLinks(ok("invoicerow/?invoice__is=" + invoice), found);
		assertThat(found).contains(url("client", this.tenant.client), url("patient", this.tenant.patient),
				url("department", this.tenant.department), url("consultation", visit),
				url("item", this.tenant.consultationItem), url("item", this.tenant.medicineItem),
				url("vatgroup", this.tenant.vat24), url("vatgroup", this.tenant.vat10));
		// and so on, following the links of every object reached
		Set<String> visited = new LinkedHashSet<>();
		Deque<String> toVisit = new ArrayDeque<>(found);
		while (!toVisit.isEmpty()) {
			String url = toVisit.poll();
			if (!visited.add(url)) {
				continue;
			}
			ApiResponse response = this.tenant.api.get(url.substring(this.tenant.api.baseUrl().length()));
			assertThat(response.status()).as(url + " " + response).isEqualTo(200);
			assertThat(response.get("url").asString()).isEqualTo(url);
			Set<String> links = new LinkedHashSet<>();
			collectLinks(response.body(), links);
			toVisit.addAll(links);
		}
		assertThat(visited.stream().map((url) -> url.substring(base().length(), url.indexOf('/', base().length()))))
			.containsOnly("invoice", "invoicerow", "client", "patient", "department", "consultation",
					"consultationitem", "item", "vatgroup");
	}

	@Test
	void aPageCostsTheSameNumberOfQueriesWhateverItsSize() {
		Departments departments = this.tenant.bean(Departments.class);
		long firstDepartment = 0;
		long firstClient = 0;
		long firstPatient = 0;
		long firstConsultation = 0;
		for (int i = 0; i < 3; i++) {
			long department = departments
				.create(this.tenant.caller, new DepartmentDetails("Branch " + i, "B" + i, false))
				.id();
			long client = this.tenant.bean(Clients.class)
				.create(this.tenant.caller,
						new ClientDetails(0, null, "Client " + i, null, null, null, null, null, null, null, null, null,
								null, null, department, false))
				.id();
			long patient = this.tenant.bean(Patients.class)
				.create(this.tenant.caller, new PatientDetails(client, "Patient " + i, null, null, null, false))
				.id();
			long consultation = openConsultation(client, patient);
			charge(consultation);
			finalizeConsultation(consultation);
			if (i == 0) {
				firstDepartment = department;
				firstClient = client;
				firstPatient = patient;
				firstConsultation = consultation;
			}
		}
		// every object of each list has every relation, so each exposed relation is read
		// for a page of one as for a page of all
		List<String> lists = List.of("department/?id__gte=" + firstDepartment,
				"client/?expose_home_department&expose_patients&id__gte=" + firstClient,
				"patient/?expose_client&id__gte=" + firstPatient, "item/?expose_vat_group",
				"consultation/?expose_client&expose_patients&expose_department&expose_invoice"
						+ "&expose_consultation_items&id__gte=" + firstConsultation,
				"consultationitem/?expose_consultation&expose_item&expose_patient&consultation__gte="
						+ firstConsultation);
		QueryCounter queries = this.queries;
		for (String list : lists) {
			assertThat(ok(list + "&page_size=50").path("count").asInt()).as(list).isGreaterThan(1);
			long one = queries.during(() -> ok(list + "&page_size=1"));
			long all = queries.during(() -> ok(list + "&page_size=50"));
			assertThat(one).as(list).isPositive();
			assertThat(all).as(list).isEqualTo(one);
		}
	}

	// helpers

	private long newCompany() {
		return this.tenant.bean(Clients.class)
			.create(this.tenant.caller,
					new ClientDetails(2, null, null, "Koirapuisto Oy", "FI12345678", "1234567-8", "Tehtaankatu 3", null,
							"00140", "Helsinki", null, null, "billing@koirapuisto.fi", null, this.tenant.department,
							false))
			.id();
	}

	/** Opens a consultation through vetbill's own API. */
	private long openConsultation(long client, long patient) {
		ApiResponse opened = this.tenant.api.post(this.tenant.path("/consultations"),
				Map.of("department_id", this.tenant.department, "client_id", client, "patient_id", patient));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.id();
	}

	/**
	 * Charges the consultation item once and the medicine 2.5 times at 10 % off.
	 * @return the charged items' ids
	 */
	private List<Long> charge(long consultation) {
		String items = this.tenant.path("/consultations/" + consultation + "/items");
		this.tenant.api.post(items, Map.of("item_id", this.tenant.consultationItem, "quantity", 1));
		ApiResponse charged = this.tenant.api.post(items,
				Map.of("item_id", this.tenant.medicineItem, "quantity", "2.5", "percentage_change", -10));
		assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
		List<Long> ids = new ArrayList<>();
		charged.body().path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	/** Finalizes a consultation through vetbill's own API, which invoices it. */
	private long finalizeConsultation(long consultation) {
		ApiResponse invoice = this.tenant.api.post(this.tenant.path("/consultations/" + consultation + "/finalize"),
				null);
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
		return invoice.id();
	}

	private String base() {
		return this.tenant.api.baseUrl() + "/" + this.tenant.provetId + "/api/0.1/";
	}

	private String url(String resource, long id) {
		return base() + resource + "/" + id + "/";
	}

	private ApiResponse get(String resource) {
		return this.tenant.api.get("/" + this.tenant.provetId + "/api/0.1/" + resource);
	}

	private JsonNode ok(String resource) {
		return ok(this.tenant, resource);
	}

	private static JsonNode ok(TestTenant tenant, String resource) {
		ApiResponse response = tenant.api.get("/" + tenant.provetId + "/api/0.1/" + resource);
		assertThat(response.status()).as(resource + " " + response).isEqualTo(200);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return response.body();
	}

	private List<Long> ids(String resource) {
		return ids(this.tenant, resource);
	}

	/** The ids of a list's results, after checking they are numbers. */
	private static List<Long> ids(TestTenant tenant, String resource) {
		List<Long> ids = new ArrayList<>();
		ok(tenant, resource).path("results").forEach((object) -> {
			assertThat(object.path("id").isIntegralNumber()).as(object.toString()).isTrue();
			ids.add(object.path("id").asLong());
		});
		return ids;
	}

	private static void assertEnvelope(JsonNode list, long count, long pages) {
		assertThat(fields(list)).isEqualTo(ENVELOPE);
		assertThat(list.path("count").asLong()).isEqualTo(count);
		assertThat(list.path("num_pages").asLong()).isEqualTo(pages);
		assertThat(list.path("results").isArray()).isTrue();
		if (pages == 1) {
			assertThat(list.path("results").size()).isEqualTo((int) count);
			assertThat(list.path("next").isNull()).isTrue();
			assertThat(list.path("previous").isNull()).isTrue();
		}
	}

	/**
	 * Compares an object with the expected one written with single quotes: same fields in
	 * the same order, same values written the same way ({@code 50.00} is not
	 * {@code 50.0}).
	 */
	private static void assertObject(JsonNode actual, String expected) {
		assertThat(actual.toString()).isEqualTo(Api.parse(expected.replace('\'', '"')).toString());
	}

	private static List<String> fields(JsonNode object) {
		assertThat(object.isObject()).as(object.toString()).isTrue();
		return object.properties().stream().map(Map.Entry::getKey).toList();
	}

	private static String json(JsonNode object, String field) {
		return object.path(field).toString();
	}

	private static void assertNotFound(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.raw()).isEqualTo("{\"detail\":\"Not found.\"}");
	}

	private void assertRefused(String resource, String parameter, String message) {
		ApiResponse response = get(resource);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(fields(response.body())).containsExactly(parameter);
		assertThat(response.get(parameter).isArray()).isTrue();
		assertThat(response.get(parameter).get(0).asString()).contains(message);
	}

	/** Every hyperlink to an object of this tenant's Cloud API, at any depth. */
	private void collectLinks(JsonNode node, Set<String> links) {
		if (node.isString() && node.asString().startsWith(base())) {
			links.add(node.asString());
		}
		node.forEach((child) -> collectLinks(child, links));
	}

}
