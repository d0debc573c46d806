package org.vetbill.clinic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.audit.AuditEvent;
import org.vetbill.audit.AuditTrail;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;
import static org.vetbill.shared.db.Tables.CLIENT;
import static org.vetbill.shared.db.Tables.CONSULTATION;
import static org.vetbill.shared.db.Tables.CONSULTATION_ITEM;
import static org.vetbill.shared.db.Tables.DEPARTMENT;
import static org.vetbill.shared.db.Tables.ITEM;
import static org.vetbill.shared.db.Tables.PATIENT;
import static org.vetbill.shared.db.Tables.VAT_GROUP;

/**
 * The clinic master data over real HTTP: the organization, departments and their
 * settings, VAT groups, items, clients, patients and consultations. Creating, reading,
 * listing and merge-patching each, the rules that refuse bad input (naming the field and
 * writing nothing), optimistic locking with {@code If-Match}, permissions, tenant
 * isolation and the audit log.
 */
class MasterDataIntegrationTests extends IntegrationTest {

	private static final String NOW = "2026-11-21T10:00:00Z";

	private static final String LATER = "2026-11-21T10:05:00Z";

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set(NOW);
		this.tenant = newTenant();
	}

	// clients

	@Test
	void aClientIsCreatedWithNormalizedCodesAndReadBack() {
		ApiResponse created = post("/clients",
				json("{'customer_type': 2, 'firstname': '  ', 'organization_name': ' Koirapuisto Oy ',"
						+ " 'vat_number': 'fi 1234 5678', 'register_number': '1234567-8',"
						+ " 'street_address': 'Tehtaankatu 3', 'street_address_2': 'PL 7', 'zip_code': '00140',"
						+ " 'city': 'Helsinki', 'country': 'fi', 'email': 'billing@koirapuisto.fi',"
						+ " 'payment_terms_days': 30, 'home_department_id': " + this.tenant.department + "}"));
		assertThat(created.header("Content-Type")).hasValue("application/json");
		String uuid = created.get("uuid").asString();
		assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		String expected = json("{'id': " + created.id() + ", 'uuid': '" + uuid + "', 'customer_type': 2,"
				+ " 'firstname': null, 'lastname': null, 'organization_name': 'Koirapuisto Oy',"
				+ " 'vat_number': 'FI12345678', 'register_number': '1234567-8', 'street_address': 'Tehtaankatu 3',"
				+ " 'street_address_2': 'PL 7', 'zip_code': '00140', 'city': 'Helsinki', 'state': null,"
				+ " 'country': 'FI', 'email': 'billing@koirapuisto.fi', 'payment_terms_days': 30, 'home_department_id': "
				+ this.tenant.department + ", 'archived': false, 'created': '" + NOW + "', 'modified': '" + NOW
				+ "', 'version': 0}");
		assertJson(created.body(), expected);
		assertJson(ok(get("/clients/" + created.id())).body(), expected);
		ApiResponse missing = get("/clients/999999999");
		assertProblem(missing, 404, "not_found");
		assertThat(missing.get("detail").asString()).isEqualTo("client 999999999 not found");
	}

	@Test
	void clientsArePagedByIdAndFilteredBySearchAndArchived() {
		long company = post("/clients", Map.of("customer_type", 1, "organization_name", "Koirapuisto Oy")).id();
		long archived = post("/clients",
				Map.of("customer_type", 0, "firstname", "Ville", "lastname", "Virta", "archived", true))
			.id();
		long charity = post("/clients", Map.of("customer_type", 3, "organization_name", "Kissojen Turva ry")).id();
		List<Long> all = List.of(this.tenant.client, company, archived, charity);

		ApiResponse first = ok(get("/clients?limit=3"));
		assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 3));
		assertThat(first.get("next_after").asLong()).isEqualTo(archived);
		ApiResponse second = ok(get("/clients?limit=3&after=" + archived));
		assertThat(ids(second)).containsExactly(charity);
		assertThat(second.get("next_after").isNull()).isTrue();
		assertThat(ids(ok(get("/clients")))).containsExactlyElementsOf(all);
		assertThat(ok(get("/clients?limit=4")).get("next_after").isNull()).isTrue();

		// first, last and organization name, in any case
		assertThat(ids(ok(get("/clients?search=VIRTA")))).containsExactly(this.tenant.client, archived);
		assertThat(ids(ok(get("/clients?search=anna")))).containsExactly(this.tenant.client);
		assertThat(ids(ok(get("/clients?search=%20puisto%20")))).containsExactly(company);
		assertThat(ids(ok(get("/clients?search=ry")))).containsExactly(charity);
		// wildcards are searched for literally
		assertThat(ids(ok(get("/clients?search=%25")))).isEmpty();
		assertThat(ids(ok(get("/clients?search=_")))).isEmpty();
		assertThat(ids(ok(get("/clients?archived=true")))).containsExactly(archived);
		assertThat(ids(ok(get("/clients?archived=false")))).containsExactly(this.tenant.client, company, charity);
		assertThat(ids(ok(get("/clients?archived=false&search=virta")))).containsExactly(this.tenant.client);

		assertInvalid(get("/clients?limit=0"), "limit");
		assertInvalid(get("/clients?limit=501"), "limit");
		assertInvalid(get("/clients?after=first"), "after");
		assertInvalid(get("/clients?archived=maybe"), "archived");
	}

	@Test
	void aClientIsMergePatchedKeepingWhatThePatchDoesNotName() {
		String path = "/clients/" + this.tenant.client;
		JsonNode before = ok(get(path)).body();
		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse patched = ok(this.tenant.api.patch(this.tenant.path(path),
				json("{'email': 'anna.virtanen@example.com', 'street_address_2': null, 'country': 'se',"
						+ " 'vat_number': 'se 5566 7788 9901'}")));
		String expected = json("{'id': " + this.tenant.client + ", 'uuid': '" + before.path("uuid").asString()
				+ "', 'customer_type': 0, 'firstname': 'Anna', 'lastname': 'Virtanen', 'organization_name': null,"
				+ " 'vat_number': 'SE556677889901', 'register_number': null, 'street_address': 'Mannerheimintie 1',"
				+ " 'street_address_2': null, 'zip_code': '00100', 'city': 'Helsinki', 'state': null, 'country': 'SE',"
				+ " 'email': 'anna.virtanen@example.com', 'payment_terms_days': 21, 'home_department_id': null,"
				+ " 'archived': false, 'created': '" + NOW + "', 'modified': '" + LATER + "', 'version': 1}");
		assertJson(patched.body(), expected);
		assertJson(ok(get(path)).body(), expected);

		// with the current version in If-Match, quoted as an ETag or not
		ApiResponse archived = ok(this.tenant.api.patch(this.tenant.path(path), Map.of("archived", true), "\"1\""));
		assertThat(archived.get("archived").asBoolean()).isTrue();
		assertThat(archived.get("version").asInt()).isEqualTo(2);
		assertThat(ok(this.tenant.api.patch(this.tenant.path(path), Map.of("payment_terms_days", 0), "W/\"2\""))
			.get("payment_terms_days")
			.asInt()).isZero();
	}

	@Test
	void aStaleIfMatchIsAConflictAndChangesNothing() {
		String path = "/clients/" + this.tenant.client;
		ok(this.tenant.api.patch(this.tenant.path(path), Map.of("city", "Espoo"), "0"));
		int audited = rowCounts().get("audit_event");
		ApiResponse stale = this.tenant.api.patch(this.tenant.path(path), Map.of("city", "Vantaa"), "0");
		assertProblem(stale, 409, "stale_version");
		assertThat(stale.get("detail").asString()).contains("0").contains("1");
		assertInvalid(this.tenant.api.patch(this.tenant.path(path), Map.of("city", "Vantaa"), "latest"), "If-Match");
		JsonNode current = ok(get(path)).body();
		assertThat(current.path("city").asString()).isEqualTo("Espoo");
		assertThat(current.path("version").asInt()).isEqualTo(1);
		assertThat(rowCounts().get("audit_event")).isEqualTo(audited);
	}

	@Test
	void clientRulesNameTheFieldAndWriteNothing() {
		Map<String, Integer> before = rowCounts();
		List<Case> cases = List.of(new Case("{'customer_type': 0, 'firstname': 'Anna'}", "lastname"),
				new Case("{'customer_type': 0, 'lastname': '   '}", "lastname"),
				new Case("{'customer_type': 1, 'lastname': 'Virtanen'}", "organization_name"),
				new Case("{'customer_type': 3}", "organization_name"),
				new Case("{'customer_type': 4, 'organization_name': ' '}", "organization_name"),
				new Case("{'customer_type': 2, 'organization_name': 'Hundar AB'}", "vat_number"),
				new Case("{'customer_type': 2, 'organization_name': 'Hundar AB', 'vat_number': '556677-8899'}",
						"vat_number"),
				new Case("{'customer_type': 1, 'organization_name': 'Hundar AB', 'vat_number': 'S'}", "vat_number"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'country': 'Finland'}", "country"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'country': 'XX'}", "country"),
				new Case("{'customer_type': 5, 'lastname': 'Virtanen'}", "customer_type"),
				new Case("{'customer_type': -1, 'lastname': 'Virtanen'}", "customer_type"),
				new Case("{'lastname': 'Virtanen'}", "customer_type"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'payment_terms_days': 366}",
						"payment_terms_days"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'payment_terms_days': -1}",
						"payment_terms_days"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'email': 'not an address'}", "email"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'home_department_id': 999999999}",
						"home_department_id"),
				new Case("{'customer_type': 0, 'lastname': '" + "x".repeat(101) + "'}", "lastname"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'street_address_2': '" + "x".repeat(201) + "'}",
						"street_address_2"),
				// unknown and read-only fields
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'phone': '040 123'}", "phone"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'id': 7}", "id"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'version': 3}", "version"),
				// wrong JSON types
				new Case("{'customer_type': 'private', 'lastname': 'Virtanen'}", "customer_type"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'payment_terms_days': '30 days'}",
						"payment_terms_days"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'payment_terms_days': 14.5}",
						"payment_terms_days"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'archived': 'maybe'}", "archived"),
				new Case("{'customer_type': 0, 'lastname': {'family': 'Virtanen'}}", "lastname"),
				new Case("{'customer_type': 0, 'lastname': 'Virtanen', 'home_department_id': true}",
						"home_department_id"),
				new Case("{'customer_type': 0, ", "body"), new Case("[]", "body"));
		cases.forEach((c) -> assertInvalid(post400("/clients", c.body()), c.field()));
		ApiResponse unknown = this.tenant.api.post(this.tenant.path("/clients"),
				json("{'customer_type': 0, 'lastname': 'Virtanen', 'phone': '040 123'}"));
		assertThat(unknown.body().path("errors").get(0).path("message").asString()).isEqualTo("is not a known field");
		ApiResponse twoRules = this.tenant.api.post(this.tenant.path("/clients"),
				json("{'customer_type': 2, 'vat_number': 'FI123', 'country': 'ZZ'}"));
		assertInvalid(twoRules, "organization_name", "country");
		ApiResponse twoConstraints = this.tenant.api.post(this.tenant.path("/clients"),
				json("{'customer_type': 9, 'payment_terms_days': 999, 'email': 'x'}"));
		assertInvalid(twoConstraints, "customer_type", "email", "payment_terms_days");
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void aClientPatchThatBreaksARuleNamesTheFieldAndChangesNothing() {
		String path = this.tenant.path("/clients/" + this.tenant.client);
		Map<String, Integer> before = rowCounts();
		List<Case> cases = List.of(new Case("{'lastname': null}", "lastname"),
				new Case("{'customer_type': 1}", "organization_name"), new Case("{'country': 'ZZ'}", "country"),
				new Case("{'customer_type': 7}", "customer_type"), new Case("{'customer_type': null}", "customer_type"),
				new Case("{'payment_terms_days': 400}", "payment_terms_days"),
				new Case("{'home_department_id': 999999999}", "home_department_id"),
				new Case("{'vat_number': 'FI 1'}", "vat_number"), new Case("{'phone': '040 123'}", "phone"),
				new Case("{'id': 5}", "id"), new Case("{'uuid': null}", "uuid"), new Case("{'version': 9}", "version"),
				new Case("{'created': '" + NOW + "'}", "created"),
				new Case("{'payment_terms_days': 'net 30'}", "payment_terms_days"),
				new Case("{'archived': 'yes please'}", "archived"), new Case("{'firstname': ['Anna']}", "firstname"),
				new Case("[{'city': 'Espoo'}]", "body"), new Case("'Espoo'", "body"));
		cases.forEach((c) -> assertInvalid(this.tenant.api.patch(path, json(c.body())), c.field()));
		ApiResponse readOnly = this.tenant.api.patch(path, json("{'id': 5}"));
		assertThat(readOnly.body().path("errors").get(0).path("message").asString())
			.isEqualTo("is not a known field or cannot be changed");
		ApiResponse euCompany = this.tenant.api.patch(path, json("{'customer_type': 2}"));
		assertInvalid(euCompany, "organization_name", "vat_number");
		JsonNode client = ok(this.tenant.api.get(path)).body();
		assertThat(client.path("version").asInt()).isZero();
		assertThat(client.path("lastname").asString()).isEqualTo("Virtanen");
		assertThat(client.path("modified").asString()).isEqualTo(NOW);
		assertThat(rowCounts()).isEqualTo(before);
	}

	// patients

	@Test
	void aPatientIsCreatedReadListedByClientAndPatched() {
		long owner = post("/clients", Map.of("customer_type", 0, "lastname", "Korhonen")).id();
		ApiResponse created = post("/patients", json("{'client_id': " + owner
				+ ", 'name': 'Mirri', 'species': 'Cat', 'breed': 'Siamese', 'date_of_birth': '2019-05-04'}"));
		String expected = "{'id': " + created.id() + ", 'uuid': '" + created.get("uuid").asString() + "', 'client_id': "
				+ owner + ", 'name': 'Mirri', 'species': 'Cat', 'breed': 'Siamese',"
				+ " 'date_of_birth': '2019-05-04', 'archived': false, 'created': '" + NOW + "', 'modified': '%s',"
				+ " 'version': %d}";
		assertJson(created.body(), json(expected.formatted(NOW, 0)));
		assertJson(ok(get("/patients/" + created.id())).body(), json(expected.formatted(NOW, 0)));
		long second = post("/patients", Map.of("client_id", owner, "name", "Rekku")).id();

		assertThat(ids(ok(get("/patients")))).containsExactly(this.tenant.patient, created.id(), second);
		assertThat(ids(ok(get("/patients?client_id=" + owner)))).containsExactly(created.id(), second);
		assertThat(ids(ok(get("/patients?client_id=" + this.tenant.client)))).containsExactly(this.tenant.patient);
		ApiResponse page = ok(get("/patients?client_id=" + owner + "&limit=1"));
		assertThat(ids(page)).containsExactly(created.id());
		assertThat(ids(ok(get("/patients?client_id=" + owner + "&limit=1&after=" + page.get("next_after").asLong()))))
			.containsExactly(second);
		assertThat(ids(ok(get("/patients?client_id=999999999")))).isEmpty();
		assertInvalid(get("/patients?client_id=Korhonen"), "client_id");

		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse patched = ok(this.tenant.api.patch(this.tenant.path("/patients/" + created.id()),
				json("{'breed': null, 'name': 'Mirri II', 'client_id': " + this.tenant.client + "}")));
		assertJson(patched.body(),
				json(expected.replace("'client_id': " + owner, "'client_id': " + this.tenant.client)
					.replace("'Mirri'", "'Mirri II'")
					.replace("'Siamese'", "null")
					.formatted(LATER, 1)));
		assertThat(ids(ok(get("/patients?client_id=" + owner)))).containsExactly(second);
		assertProblem(
				this.tenant.api.patch(this.tenant.path("/patients/" + created.id()), Map.of("species", "Dog"), "0"),
				409, "stale_version");
		assertProblem(get("/patients/999999999"), 404, "not_found");
	}

	@Test
	void patientRulesNameTheFieldAndWriteNothing() {
		TestTenant other = newTenant();
		Map<String, Integer> before = rowCounts();
		long client = this.tenant.client;
		List<Case> cases = List.of(new Case("{'client_id': 999999999, 'name': 'Musti'}", "client_id"),
				new Case("{'client_id': " + other.client + ", 'name': 'Musti'}", "client_id"),
				new Case("{'name': 'Musti'}", "client_id"), new Case("{'client_id': " + client + "}", "name"),
				new Case("{'client_id': " + client + ", 'name': ' '}", "name"),
				new Case("{'client_id': " + client + ", 'name': '" + "x".repeat(101) + "'}", "name"),
				new Case("{'client_id': " + client + ", 'name': 'Musti', 'date_of_birth': '2026-11-22'}",
						"date_of_birth"),
				new Case("{'client_id': " + client + ", 'name': 'Musti', 'date_of_birth': '2026-13-01'}",
						"date_of_birth"),
				new Case("{'client_id': " + client + ", 'name': 'Musti', 'date_of_birth': '21.11.2020'}",
						"date_of_birth"),
				new Case("{'client_id': " + client + ", 'name': 'Musti', 'colour': 'brown'}", "colour"),
				new Case("{'client_id': 'Anna', 'name': 'Musti'}", "client_id"),
				new Case("{'client_id': " + client + ", 'name': 'Musti', 'archived': 'nope'}", "archived"));
		cases.forEach((c) -> assertInvalid(post400("/patients", c.body()), c.field()));
		String path = this.tenant.path("/patients/" + this.tenant.patient);
		List<Case> patches = List.of(new Case("{'client_id': 999999999}", "client_id"),
				new Case("{'client_id': " + other.client + "}", "client_id"),
				new Case("{'client_id': null}", "client_id"), new Case("{'name': null}", "name"),
				new Case("{'date_of_birth': '2027-01-01'}", "date_of_birth"), new Case("{'owner': 1}", "owner"),
				new Case("{'client_id': 'Anna'}", "client_id"), new Case("{'name': {'first': 'Musti'}}", "name"));
		patches.forEach((c) -> assertInvalid(this.tenant.api.patch(path, json(c.body())), c.field()));
		assertThat(ok(this.tenant.api.get(path)).get("version").asInt()).isZero();
		assertThat(rowCounts()).isEqualTo(before);
		// today is not in the future
		assertThat(post("/patients", Map.of("client_id", client, "name", "Pentu", "date_of_birth", "2026-11-21"))
			.get("date_of_birth")
			.asString()).isEqualTo("2026-11-21");
	}

	@Test
	void aDateOfBirthIsJudgedByTheApplicationsClock() {
		this.clock.set("2026-03-01T12:00:00Z");
		Api api = this.tenant.freshApi();
		ApiResponse tomorrow = api.post(this.tenant.path("/patients"),
				Map.of("client_id", this.tenant.client, "name", "Pentu", "date_of_birth", "2026-03-02"));
		assertInvalid(tomorrow, "date_of_birth");
		ApiResponse today = api.post(this.tenant.path("/patients"),
				Map.of("client_id", this.tenant.client, "name", "Pentu", "date_of_birth", "2026-03-01"));
		assertThat(today.status()).as(today.toString()).isEqualTo(201);
	}

	// items

	@Test
	void anItemIsCreatedWithItsAccountsAndDimensions() {
		ApiResponse created = post("/items",
				json("{'code': 'VACC', 'name': 'Vaccination', 'price': 50, 'vat_group_id': " + this.tenant.vat24
						+ ", 'account_number': '3010', 'internal_account_number': '9010',"
						+ " 'reporting_dimension_1': 'VET', 'reporting_dimension_2': 'D2', 'reporting_dimension_3': 'D3',"
						+ " 'internal_reporting_dimension_1': 'I1', 'internal_reporting_dimension_2': 'I2'}"));
		String expected = json("{'id': " + created.id() + ", 'code': 'VACC', 'name': 'Vaccination', 'price': 50.00,"
				+ " 'vat_group_id': " + this.tenant.vat24 + ", 'account_number': '3010',"
				+ " 'internal_account_number': '9010', 'reporting_dimension_1': 'VET', 'reporting_dimension_2': 'D2',"
				+ " 'reporting_dimension_3': 'D3', 'internal_reporting_dimension_1': 'I1',"
				+ " 'internal_reporting_dimension_2': 'I2', 'archived': false, 'type_code': 1, 'created': '" + NOW
				+ "', 'modified': '" + NOW + "', 'version': 0}");
		assertJson(created.body(), expected);
		assertJson(ok(get("/items/" + created.id())).body(), expected);
		ApiResponse precise = post("/items",
				Map.of("name", "Dental gel", "price", "12.3456", "vat_group_id", this.tenant.vat10));
		assertThat(json(precise.body(), "price")).isEqualTo("12.3456");
		assertThat(precise.get("code").isNull()).isTrue();
		assertThat(json(
				post("/items", Map.of("name", "Bandage", "price", "7.5", "vat_group_id", this.tenant.vat10)).body(),
				"price"))
			.isEqualTo("7.50");
		assertProblem(get("/items/999999999"), 404, "not_found");
	}

	@Test
	void itemsArePagedAndFilteredBySearchAndArchived() {
		long vaccine = post("/items", Map.of("code", "VACC", "name", "Rabies vaccine", "price", "30", "vat_group_id",
				this.tenant.vat24, "archived", true))
			.id();
		long food = post("/items", Map.of("name", "Cat food", "price", "3.20", "vat_group_id", this.tenant.vat10)).id();
		List<Long> all = List.of(this.tenant.consultationItem, this.tenant.medicineItem, vaccine, food);
		ApiResponse first = ok(get("/items?limit=2"));
		assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 2));
		assertThat(first.get("next_after").asLong()).isEqualTo(this.tenant.medicineItem);
		ApiResponse second = ok(get("/items?limit=2&after=" + this.tenant.medicineItem));
		assertThat(ids(second)).containsExactlyElementsOf(all.subList(2, 4));
		assertThat(second.get("next_after").isNull()).isTrue();
		// name or code, in any case
		assertThat(ids(ok(get("/items?search=med")))).containsExactly(this.tenant.medicineItem);
		assertThat(ids(ok(get("/items?search=vacc")))).containsExactly(vaccine);
		assertThat(ids(ok(get("/items?search=CAT")))).containsExactly(food);
		assertThat(ids(ok(get("/items?archived=true")))).containsExactly(vaccine);
		assertThat(ids(ok(get("/items?archived=false")))).containsExactly(this.tenant.consultationItem,
				this.tenant.medicineItem, food);
		assertInvalid(get("/items?limit=-1"), "limit");
	}

	@Test
	void anItemIsMergePatched() {
		String path = "/items/" + this.tenant.consultationItem;
		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse patched = ok(this.tenant.api.patch(this.tenant.path(path),
				json("{'price': '55.5', 'reporting_dimension_2': null, 'vat_group_id': " + this.tenant.vat10
						+ ", 'code': 'CONS'}")));
		String expected = json("{'id': " + this.tenant.consultationItem
				+ ", 'code': 'CONS', 'name': 'Consultation', 'price': 55.50, 'vat_group_id': " + this.tenant.vat10
				+ ", 'account_number': '3000', 'internal_account_number': '9000', 'reporting_dimension_1': 'VET',"
				+ " 'reporting_dimension_2': null, 'reporting_dimension_3': 'D3', 'internal_reporting_dimension_1': 'I1',"
				+ " 'internal_reporting_dimension_2': 'I2', 'archived': false, 'type_code': 1, 'created': '" + NOW
				+ "', 'modified': '" + LATER + "', 'version': 1}");
		assertJson(patched.body(), expected);
		assertJson(ok(get(path)).body(), expected);
		assertProblem(this.tenant.api.patch(this.tenant.path(path), Map.of("price", "60"), "0"), 409, "stale_version");
		assertThat(json(ok(get(path)).body(), "price")).isEqualTo("55.50");
	}

	@Test
	void itemRulesNameTheFieldAndWriteNothing() {
		TestTenant other = newTenant();
		Map<String, Integer> before = rowCounts();
		long vat = this.tenant.vat24;
		List<Case> cases = List
			.of(new Case("{'name': 'X-ray', 'price': 80, 'vat_group_id': 999999999}", "vat_group_id"),
					new Case("{'name': 'X-ray', 'price': 80, 'vat_group_id': " + other.vat24 + "}", "vat_group_id"),
					new Case("{'name': 'X-ray', 'price': 80}", "vat_group_id"),
					new Case("{'code': 'CONS', 'name': 'X-ray', 'price': 80, 'vat_group_id': " + vat + "}", "code"),
					new Case("{'name': 'X-ray', 'price': -1, 'vat_group_id': " + vat + "}", "price"),
					new Case("{'name': 'X-ray', 'price': 1.00001, 'vat_group_id': " + vat + "}", "price"),
					new Case("{'name': 'X-ray', 'vat_group_id': " + vat + "}", "price"),
					new Case("{'name': '', 'price': 80, 'vat_group_id': " + vat + "}", "name"),
					new Case("{'price': 80, 'vat_group_id': " + vat + "}", "name"),
					new Case("{'code': '" + "C".repeat(65) + "', 'name': 'X-ray', 'price': 80, 'vat_group_id': " + vat
							+ "}", "code"),
					new Case("{'name': 'X-ray', 'price': 80, 'vat_group_id': " + vat + ", 'reporting_dimension_1': '"
							+ "d".repeat(101) + "'}", "reporting_dimension_1"),
					new Case(
							"{'name': 'X-ray', 'price': 80, 'vat_group_id': " + vat
									+ ", 'internal_reporting_dimension_2': '" + "d".repeat(101) + "'}",
							"internal_reporting_dimension_2"),
					new Case("{'name': 'X-ray', 'price': 80, 'vat_group_id': " + vat + ", 'vat_percentage': 24}",
							"vat_percentage"),
					new Case("{'name': 'X-ray', 'price': 'cheap', 'vat_group_id': " + vat + "}", "price"),
					new Case("{'name': 'X-ray', 'price': 80, 'vat_group_id': 1.5}", "vat_group_id"),
					new Case("{'name': 'X-ray', 'price': 80, 'vat_group_id': '24%'}", "vat_group_id"));
		cases.forEach((c) -> assertInvalid(post400("/items", c.body()), c.field()));
		String path = this.tenant.path("/items/" + this.tenant.medicineItem);
		List<Case> patches = List.of(new Case("{'code': 'CONS'}", "code"),
				new Case("{'vat_group_id': " + other.vat24 + "}", "vat_group_id"),
				new Case("{'vat_group_id': null}", "vat_group_id"), new Case("{'price': null}", "price"),
				new Case("{'price': '-0.01'}", "price"),
				new Case("{'reporting_dimension_3': []}", "reporting_dimension_3"), new Case("{'id': 1}", "id"));
		patches.forEach((c) -> assertInvalid(this.tenant.api.patch(path, json(c.body())), c.field()));
		assertThat(ok(this.tenant.api.get(path)).get("version").asInt()).isZero();
		assertThat(rowCounts()).isEqualTo(before);
		// the code is unique within an organization, not across them, and an item keeps
		// its own
		assertThat(post("/items", Map.of("code", "XRAY", "name", "X-ray", "price", 80, "vat_group_id", vat)).status())
			.isEqualTo(201);
		assertThat(other.api
			.post(other.path("/items"),
					Map.of("code", "XRAY", "name", "X-ray", "price", 90, "vat_group_id", other.vat24))
			.status()).isEqualTo(201);
		assertInvalid(
				post400("/items", "{'code': 'XRAY', 'name': 'X-ray 2', 'price': 80, 'vat_group_id': " + vat + "}"),
				"code");
		assertThat(
				ok(this.tenant.api.patch(path, Map.of("code", "MED", "name", "Medicine 10 ml"))).get("name").asString())
			.isEqualTo("Medicine 10 ml");
	}

	// VAT groups

	@Test
	void vatGroupsAreCreatedListedAndPatched() {
		ApiResponse created = post("/vat-groups", Map.of("title", "14%", "percentage", 14, "account_number", "2932"));
		String expected = "{'id': " + created.id() + ", 'title': '%s', 'percentage': %s, 'account_number': %s,"
				+ " 'archived': false, 'created': '" + NOW + "', 'modified': '%s', 'version': %d}";
		assertJson(created.body(), json(expected.formatted("14%", "14.0", "'2932'", NOW, 0)));
		assertJson(ok(get("/vat-groups/" + created.id())).body(),
				json(expected.formatted("14%", "14.0", "'2932'", NOW, 0)));
		assertThat(json(ok(get("/vat-groups/" + this.tenant.vat24)).body(), "percentage")).isEqualTo("24.0");
		ApiResponse precise = post("/vat-groups", Map.of("title", "25.5%", "percentage", "25.50"));
		assertThat(json(precise.body(), "percentage")).isEqualTo("25.5");
		assertThat(precise.get("account_number").isNull()).isTrue();
		assertThat(json(post("/vat-groups", Map.of("title", "13.75%", "percentage", "13.7500")).body(), "percentage"))
			.isEqualTo("13.75");
		assertThat(json(post("/vat-groups", Map.of("title", "0%", "percentage", 0)).body(), "percentage"))
			.isEqualTo("0.0");

		ApiResponse first = ok(get("/vat-groups?limit=3"));
		assertThat(ids(first)).containsExactly(this.tenant.vat24, this.tenant.vat10, created.id());
		ApiResponse second = ok(get("/vat-groups?limit=3&after=" + first.get("next_after").asLong()));
		assertThat(ids(second)).hasSize(3).doesNotContain(created.id());
		assertThat(second.get("next_after").isNull()).isTrue();

		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse patched = ok(this.tenant.api.patch(this.tenant.path("/vat-groups/" + created.id()),
				json("{'title': '13.5%', 'percentage': 13.5, 'account_number': null}"), "0"));
		assertJson(patched.body(), json(expected.formatted("13.5%", "13.5", "null", LATER, 1)));
		assertProblem(
				this.tenant.api.patch(this.tenant.path("/vat-groups/" + created.id()), Map.of("archived", true), "0"),
				409, "stale_version");
		assertThat(ok(get("/vat-groups/" + created.id())).get("archived").asBoolean()).isFalse();
		assertProblem(get("/vat-groups/999999999"), 404, "not_found");
	}

	@Test
	void vatGroupRulesNameTheFieldAndWriteNothing() {
		Map<String, Integer> before = rowCounts();
		List<Case> cases = List.of(new Case("{'title': '100%', 'percentage': 100}", "percentage"),
				new Case("{'title': 'minus', 'percentage': -1}", "percentage"),
				new Case("{'title': 'precise', 'percentage': 12.34567}", "percentage"),
				new Case("{'title': 'none'}", "percentage"), new Case("{'title': ' ', 'percentage': 24}", "title"),
				new Case("{'percentage': 24}", "title"),
				new Case("{'title': '24%', 'percentage': 24, 'rate': 24}", "rate"),
				new Case("{'title': '24%', 'percentage': 'high'}", "percentage"),
				new Case("{'title': ['24%'], 'percentage': 24}", "title"),
				new Case("{'title': '24%', 'percentage': 24, 'archived': 'no'}", "archived"));
		cases.forEach((c) -> assertInvalid(post400("/vat-groups", c.body()), c.field()));
		String path = this.tenant.path("/vat-groups/" + this.tenant.vat24);
		List<Case> patches = List.of(new Case("{'percentage': 100.0}", "percentage"),
				new Case("{'percentage': null}", "percentage"), new Case("{'title': null}", "title"),
				new Case("{'percentage': true}", "percentage"), new Case("{'vat_group_id': 1}", "vat_group_id"));
		patches.forEach((c) -> assertInvalid(this.tenant.api.patch(path, json(c.body())), c.field()));
		assertThat(ok(this.tenant.api.get(path)).get("version").asInt()).isZero();
		assertThat(rowCounts()).isEqualTo(before);
	}

	// departments

	@Test
	void departmentsAreCreatedListedAndPatched() {
		ApiResponse created = post("/departments", Map.of("name", "Espoo", "invoice_prefix", "ESP"));
		String expected = "{'id': " + created.id() + ", 'name': '%s', 'invoice_prefix': '%s', 'archived': %s,"
				+ " 'settings': {'financial_period_lock_date': null, 'automatic_financial_period_lock_enabled': false,"
				+ " 'automatic_financial_period_lock_monthday': null, 'payment_cancel_set_date': false},"
				+ " 'created': '" + NOW + "', 'modified': '%s', 'version': %d}";
		assertJson(created.body(), json(expected.formatted("Espoo", "ESP", false, NOW, 0)));
		assertJson(ok(get("/departments/" + created.id())).body(),
				json(expected.formatted("Espoo", "ESP", false, NOW, 0)));
		long unprefixed = post("/departments", Map.of("name", "Vantaa", "invoice_prefix", "")).id();

		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse patched = ok(this.tenant.api.patch(this.tenant.path("/departments/" + created.id()),
				json("{'invoice_prefix': 'E2026', 'archived': true}")));
		assertJson(patched.body(), json(expected.formatted("Espoo", "E2026", true, LATER, 1)));

		assertThat(ids(ok(get("/departments")))).containsExactly(this.tenant.department, created.id(), unprefixed);
		assertThat(ids(ok(get("/departments?archived=true")))).containsExactly(created.id());
		assertThat(ids(ok(get("/departments?archived=false")))).containsExactly(this.tenant.department, unprefixed);
		ApiResponse page = ok(get("/departments?limit=2"));
		assertThat(ids(page)).containsExactly(this.tenant.department, created.id());
		assertThat(ids(ok(get("/departments?limit=2&after=" + page.get("next_after").asLong()))))
			.containsExactly(unprefixed);
		assertProblem(
				this.tenant.api.patch(this.tenant.path("/departments/" + created.id()), Map.of("name", "Espoo 2"), "0"),
				409, "stale_version");
		assertProblem(get("/departments/999999999"), 404, "not_found");
		assertProblem(get("/departments/999999999/settings"), 404, "not_found");
	}

	@Test
	void departmentRulesNameTheFieldAndWriteNothing() {
		Map<String, Integer> before = rowCounts();
		List<Case> cases = List.of(new Case("{'name': 'Espoo', 'invoice_prefix': 'ESP-1'}", "invoice_prefix"),
				new Case("{'name': 'Espoo', 'invoice_prefix': 'E SP'}", "invoice_prefix"),
				new Case("{'name': 'Espoo', 'invoice_prefix': '" + "E".repeat(21) + "'}", "invoice_prefix"),
				new Case("{'name': 'Espoo'}", "invoice_prefix"), new Case("{'invoice_prefix': 'ESP'}", "name"),
				new Case("{'name': '  ', 'invoice_prefix': 'ESP'}", "name"),
				new Case("{'name': 'Espoo', 'invoice_prefix': 'ESP', 'settings': {}}", "settings"),
				new Case("{'name': 'Espoo', 'invoice_prefix': 'ESP', 'financial_period_lock_date': '2026-01-01'}",
						"financial_period_lock_date"),
				new Case("{'name': {'fi': 'Espoo'}, 'invoice_prefix': 'ESP'}", "name"),
				new Case("{'name': 'Espoo', 'invoice_prefix': 'ESP', 'archived': 'ei'}", "archived"));
		cases.forEach((c) -> assertInvalid(post400("/departments", c.body()), c.field()));
		ApiResponse described = this.tenant.api.post(this.tenant.path("/departments"),
				Map.of("name", "Espoo", "invoice_prefix", "ESP-1"));
		assertThat(described.body().path("errors").get(0).path("message").asString())
			.isEqualTo("must be up to 20 letters and digits");
		String path = this.tenant.path("/departments/" + this.tenant.department);
		List<Case> patches = List.of(new Case("{'invoice_prefix': 'INV/'}", "invoice_prefix"),
				new Case("{'invoice_prefix': null}", "invoice_prefix"), new Case("{'name': ''}", "name"),
				new Case("{'automatic_financial_period_lock_enabled': true}",
						"automatic_financial_period_lock_enabled"),
				new Case("{'settings': {'payment_cancel_set_date': true}}", "settings"),
				new Case("{'archived': []}", "archived"));
		patches.forEach((c) -> assertInvalid(this.tenant.api.patch(path, json(c.body())), c.field()));
		assertThat(ok(this.tenant.api.get(path)).get("version").asInt()).isZero();
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void departmentSettingsFollowTheAutomaticLockRules() {
		long department = post("/departments", Map.of("name", "Espoo", "invoice_prefix", "ESP")).id();
		String path = this.tenant.path("/departments/" + department + "/settings");
		String expected = "{'department_id': " + department + ", 'financial_period_lock_date': %s,"
				+ " 'automatic_financial_period_lock_enabled': %s, 'automatic_financial_period_lock_monthday': %s,"
				+ " 'payment_cancel_set_date': %s, 'effective_financial_period_lock_date': %s, 'version': %d}";
		assertJson(ok(this.tenant.api.get(path)).body(),
				json(expected.formatted("null", false, "null", false, "null", 0)));

		ApiResponse manual = ok(this.tenant.api.patch(path,
				Map.of("financial_period_lock_date", "2026-10-01", "payment_cancel_set_date", true)));
		assertJson(manual.body(), json(expected.formatted("'2026-10-01'", false, "null", true, "'2026-10-01'", 1)));

		Map<String, Integer> before = rowCounts();
		assertInvalid(this.tenant.api.patch(path, Map.of("automatic_financial_period_lock_enabled", true)),
				"automatic_financial_period_lock_monthday");
		assertInvalid(
				this.tenant.api.patch(path,
						Map.of("automatic_financial_period_lock_enabled", true,
								"automatic_financial_period_lock_monthday", 32)),
				"automatic_financial_period_lock_monthday");
		assertInvalid(this.tenant.api.patch(path, Map.of("automatic_financial_period_lock_monthday", 0)),
				"automatic_financial_period_lock_monthday");
		assertInvalid(this.tenant.api.patch(path, Map.of("financial_period_lock_date", "1.10.2026")),
				"financial_period_lock_date");
		assertInvalid(this.tenant.api.patch(path, Map.of("effective_financial_period_lock_date", "2026-10-01")),
				"effective_financial_period_lock_date");
		assertInvalid(this.tenant.api.patch(path, Map.of("name", "Espoo 2")), "name");
		assertInvalid(this.tenant.api.patch(path, Map.of("payment_cancel_set_date", "sometimes")),
				"payment_cancel_set_date");
		assertThat(rowCounts()).isEqualTo(before);

		// on the 5th of each month the lock moves to the first of the month: on 21
		// November, to 1 November
		ApiResponse automatic = ok(this.tenant.api.patch(path,
				Map.of("automatic_financial_period_lock_enabled", true, "automatic_financial_period_lock_monthday", 5),
				"1"));
		assertJson(automatic.body(), json(expected.formatted("'2026-10-01'", true, 5, true, "'2026-11-01'", 2)));
		before = rowCounts();
		ApiResponse refused = this.tenant.api.patch(path, Map.of("financial_period_lock_date", "2026-12-01"));
		assertProblem(refused, 422, "period_lock_automatic");
		assertThat(refused.get("field").asString()).isEqualTo("financial_period_lock_date");
		assertProblem(this.tenant.api.patch(path, json("{'financial_period_lock_date': null}")), 422,
				"period_lock_automatic");
		assertProblem(this.tenant.api.patch(path, Map.of("payment_cancel_set_date", false), "1"), 409, "stale_version");
		assertThat(rowCounts()).isEqualTo(before);
		assertJson(ok(this.tenant.api.get(path)).body(),
				json(expected.formatted("'2026-10-01'", true, 5, true, "'2026-11-01'", 2)));

		// other settings still change, and turning the automatic lock off frees the date
		assertThat(ok(this.tenant.api.patch(path, Map.of("payment_cancel_set_date", false))).get("version").asInt())
			.isEqualTo(3);
		ApiResponse off = ok(this.tenant.api.patch(path, json("{'automatic_financial_period_lock_enabled': false,"
				+ " 'automatic_financial_period_lock_monthday': null, 'financial_period_lock_date': '2026-12-01'}")));
		assertJson(off.body(), json(expected.formatted("'2026-12-01'", false, "null", false, "'2026-12-01'", 4)));
		// settings and details share the department's version
		JsonNode departmentNow = ok(get("/departments/" + department)).body();
		assertThat(departmentNow.path("version").asInt()).isEqualTo(4);
		assertThat(departmentNow.path("settings").path("financial_period_lock_date").asString())
			.isEqualTo("2026-12-01");
		assertProblem(this.tenant.api.patch(this.tenant.path("/departments/" + department), Map.of("name", "E"), "3"),
				409, "stale_version");
	}

	// the organization

	@Test
	void theOrganizationIsReadAndMergePatched() {
		ApiResponse read = ok(get("/organization"));
		String expected = "{'id': " + this.tenant.organizationId + ", 'uuid': '" + read.get("uuid").asString()
				+ "', 'provet_id': '" + this.tenant.provetId + "', 'name': '%s', 'currency': 'EUR', 'country': '%s',"
				+ " 'time_zone': '%s', 'reference_number_format': '%s', 'prices_include_vat': false,"
				+ " 'default_payment_terms_days': %d, 'hard_lock_date': null, 'created': '" + NOW
				+ "', 'modified': '%s', 'version': %d}";
		assertJson(read.body(), json(
				expected.formatted("Clinic " + this.tenant.provetId, "FI", "Europe/Helsinki", "FINNISH", 14, NOW, 0)));

		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse patched = ok(this.tenant.api.patch(this.tenant.path("/organization"),
				json("{'name': 'Eläinklinikka Tassu', 'time_zone': 'Europe/Stockholm', 'country': 'SE',"
						+ " 'reference_number_format': 'RF', 'default_payment_terms_days': 30, 'currency': 'EUR'}"),
				"0"));
		String changed = json(expected.formatted("Eläinklinikka Tassu", "SE", "Europe/Stockholm", "RF", 30, LATER, 1));
		assertJson(patched.body(), changed);
		assertJson(ok(get("/organization")).body(), changed);
		assertProblem(this.tenant.api.patch(this.tenant.path("/organization"), Map.of("name", "Tassu"), "0"), 409,
				"stale_version");
		assertThat(ok(get("/organization")).get("name").asString()).isEqualTo("Eläinklinikka Tassu");
	}

	@Test
	void organizationRulesNameTheFieldAndChangeNothing() {
		Map<String, Integer> before = rowCounts();
		String path = this.tenant.path("/organization");
		ApiResponse currency = this.tenant.api.patch(path, Map.of("currency", "SEK"));
		assertProblem(currency, 422, "currency_fixed");
		assertThat(currency.get("field").asString()).isEqualTo("currency");
		List<Case> cases = List.of(new Case("{'currency': 'XYZ'}", "currency"),
				new Case("{'currency': 'eur'}", "currency"), new Case("{'currency': null}", "currency"),
				new Case("{'time_zone': 'Mars/Olympus_Mons'}", "time_zone"),
				new Case("{'time_zone': null}", "time_zone"), new Case("{'country': 'FIN'}", "country"),
				new Case("{'country': 'XX'}", "country"), new Case("{'name': ' '}", "name"),
				new Case("{'default_payment_terms_days': 366}", "default_payment_terms_days"),
				new Case("{'default_payment_terms_days': 'thirty'}", "default_payment_terms_days"),
				new Case("{'reference_number_format': 'ISO'}", "reference_number_format"),
				new Case("{'prices_include_vat': null}", "prices_include_vat"),
				new Case("{'prices_include_vat': 'ja'}", "prices_include_vat"),
				new Case("{'provet_id': '1'}", "provet_id"), new Case("{'id': 1}", "id"),
				new Case("{'logo': 'tassu.png'}", "logo"));
		cases.forEach((c) -> assertInvalid(this.tenant.api.patch(path, json(c.body())), c.field()));
		assertInvalid(this.tenant.api.patch(path, json("{'country': 'Suomi', 'time_zone': 'Helsinki'}")), "country",
				"time_zone");
		JsonNode organization = ok(get("/organization")).body();
		assertThat(organization.path("version").asInt()).isZero();
		assertThat(organization.path("currency").asString()).isEqualTo("EUR");
		assertThat(organization.path("modified").asString()).isEqualTo(NOW);
		assertThat(rowCounts()).isEqualTo(before);
	}

	// consultations

	@Test
	void consultationsAreOpenedListedAndFiltered() {
		ApiResponse opened = post("/consultations", Map.of("department_id", this.tenant.department, "client_id",
				this.tenant.client, "patient_id", this.tenant.patient));
		assertJson(opened.body(),
				json("{'id': " + opened.id() + ", 'uuid': '" + opened.get("uuid").asString() + "', 'department_id': "
						+ this.tenant.department + ", 'client_id': " + this.tenant.client + ", 'patient_id': "
						+ this.tenant.patient + ", 'status': 0, 'consultation_type': 1, 'admitted_time': '" + NOW
						+ "', 'finalized_time': null, 'items': [], 'created': '" + NOW + "', 'modified': '" + NOW
						+ "', 'version': 0}"));
		assertJson(ok(get("/consultations/" + opened.id())).body(), opened.raw());
		long owner = post("/clients", Map.of("customer_type", 1, "organization_name", "Tallit Oy")).id();
		ApiResponse farmVisit = post("/consultations",
				Map.of("department_id", this.tenant.department, "client_id", owner, "consultation_type", 3));
		assertThat(farmVisit.get("patient_id").isNull()).isTrue();
		assertThat(farmVisit.get("consultation_type").asInt()).isEqualTo(3);
		long third = post("/consultations", Map.of("department_id", this.tenant.department, "client_id",
				this.tenant.client, "consultation_type", 0))
			.id();
		String consultation = this.tenant.path("/consultations/" + third);
		this.tenant.api.post(consultation + "/items", Map.of("item_id", this.tenant.medicineItem, "quantity", 1));
		ApiResponse invoiced = this.tenant.api.post(consultation + "/finalize", null);
		assertThat(invoiced.status()).as(invoiced.toString()).isEqualTo(201);

		assertThat(ids(ok(get("/consultations")))).containsExactly(opened.id(), farmVisit.id(), third);
		assertThat(ids(ok(get("/consultations?client_id=" + this.tenant.client)))).containsExactly(opened.id(), third);
		assertThat(ids(ok(get("/consultations?client_id=" + owner)))).containsExactly(farmVisit.id());
		assertThat(ids(ok(get("/consultations?status=0")))).containsExactly(opened.id(), farmVisit.id());
		ApiResponse finalized = ok(get("/consultations?status=10"));
		assertThat(ids(finalized)).containsExactly(third);
		assertThat(finalized.body().path("items").get(0).path("items").size()).isEqualTo(1);
		assertThat(finalized.body().path("items").get(0).path("finalized_time").asString()).isEqualTo(NOW);
		assertThat(ids(ok(get("/consultations?status=0&client_id=" + this.tenant.client))))
			.containsExactly(opened.id());
		ApiResponse page = ok(get("/consultations?limit=2"));
		assertThat(ids(page)).containsExactly(opened.id(), farmVisit.id());
		assertThat(page.get("next_after").asLong()).isEqualTo(farmVisit.id());
		assertThat(ids(ok(get("/consultations?limit=2&after=" + farmVisit.id())))).containsExactly(third);
		assertInvalid(get("/consultations?status=open"), "status");
		assertInvalid(get("/consultations?client_id=x"), "client_id");
		assertProblem(get("/consultations/999999999"), 404, "not_found");
	}

	@Test
	void consultationItemsAreChargedChangedAndRemoved() {
		long id = post("/consultations", Map.of("department_id", this.tenant.department, "client_id",
				this.tenant.client, "patient_id", this.tenant.patient))
			.id();
		String path = this.tenant.path("/consultations/" + id);
		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse charged = this.tenant.api.post(path + "/items",
				Map.of("item_id", this.tenant.consultationItem, "quantity", 1));
		assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
		JsonNode item = charged.body().path("items").get(0);
		long itemId = item.path("id").asLong();
		assertJson(item,
				json("{'id': " + itemId + ", 'item_id': " + this.tenant.consultationItem + ", 'patient_id': "
						+ this.tenant.patient + ", 'name': 'Consultation', 'quantity': 1.0, 'unit_price': null,"
						+ " 'percentage_change': 0.0, 'created': '" + LATER + "', 'modified': '" + LATER + "'}"));
		assertThat(charged.get("version").asInt()).isEqualTo(1);
		assertThat(charged.get("modified").asString()).isEqualTo(LATER);
		assertThat(charged.get("created").asString()).isEqualTo(NOW);
		ApiResponse second = this.tenant.api.post(path + "/items", json("{'item_id': " + this.tenant.medicineItem
				+ ", 'quantity': 2.5, 'unit_price': '10', 'percentage_change': -10, 'name': 'Antibiotic'}"));
		JsonNode medicine = second.body().path("items").get(1);
		assertThat(json(medicine, "quantity")).isEqualTo("2.5");
		assertThat(json(medicine, "unit_price")).isEqualTo("10.00");
		assertThat(json(medicine, "percentage_change")).isEqualTo("-10.0");
		assertThat(medicine.path("name").asString()).isEqualTo("Antibiotic");

		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse changed = ok(this.tenant.api.patch(path + "/items/" + itemId,
				json("{'quantity': 2, 'unit_price': 45.5, 'percentage_change': -5}")));
		JsonNode changedItem = changed.body().path("items").get(0);
		assertThat(json(changedItem, "quantity")).isEqualTo("2.0");
		assertThat(json(changedItem, "unit_price")).isEqualTo("45.50");
		assertThat(json(changedItem, "percentage_change")).isEqualTo("-5.0");
		assertThat(changedItem.path("name").asString()).isEqualTo("Consultation");
		assertThat(changedItem.path("created").asString()).isEqualTo(LATER);
		assertThat(changedItem.path("modified").asString()).isEqualTo("2026-11-21T10:10:00Z");
		assertThat(changed.body().path("items").get(1).path("modified").asString()).isEqualTo(LATER);
		ApiResponse cleared = ok(this.tenant.api.patch(path + "/items/" + itemId, json("{'unit_price': null}")));
		assertThat(cleared.body().path("items").get(0).path("unit_price").isNull()).isTrue();
		assertThat(json(cleared.body().path("items").get(0), "quantity")).isEqualTo("2.0");
		// another item, no name given: the charge takes the new item's name; a given name
		// stays
		ApiResponse otherItem = ok(
				this.tenant.api.patch(path + "/items/" + itemId, Map.of("item_id", this.tenant.medicineItem)));
		assertThat(otherItem.body().path("items").get(0).path("name").asString()).isEqualTo("Medicine");
		ApiResponse renamed = ok(this.tenant.api.patch(path + "/items/" + itemId,
				Map.of("item_id", this.tenant.consultationItem, "name", "Check-up")));
		assertThat(renamed.body().path("items").get(0).path("name").asString()).isEqualTo("Check-up");

		ApiResponse removed = ok(this.tenant.api.delete(path + "/items/" + itemId));
		assertThat(removed.body().path("items").size()).isEqualTo(1);
		assertThat(removed.body().path("items").get(0).path("name").asString()).isEqualTo("Antibiotic");
		assertThat(removed.get("version").asInt()).isEqualTo(7);

		assertProblem(this.tenant.api.delete(path + "/items/" + itemId), 404, "not_found");
		assertProblem(this.tenant.api.patch(path + "/items/" + itemId, Map.of("quantity", 1)), 404, "not_found");
	}

	@Test
	void consultationRulesNameTheFieldAndWriteNothing() {
		TestTenant other = newTenant();
		long stranger = post("/clients", Map.of("customer_type", 0, "lastname", "Nieminen")).id();
		long consultation = post("/consultations",
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client))
			.id();
		String items = this.tenant.path("/consultations/" + consultation + "/items");
		long charged = this.tenant.api.post(items, Map.of("item_id", this.tenant.medicineItem, "quantity", 1))
			.body()
			.path("items")
			.get(0)
			.path("id")
			.asLong();
		Map<String, Integer> before = rowCounts();
		long department = this.tenant.department;
		long client = this.tenant.client;
		List<Case> cases = List.of(
				new Case("{'department_id': 999999999, 'client_id': " + client + "}", "department_id"),
				new Case("{'department_id': " + other.department + ", 'client_id': " + client + "}", "department_id"),
				new Case("{'department_id': " + department + ", 'client_id': 999999999}", "client_id"),
				new Case("{'department_id': " + department + "}", "client_id"),
				new Case("{'department_id': " + department + ", 'client_id': " + stranger + ", 'patient_id': "
						+ this.tenant.patient + "}", "patient_id"),
				new Case("{'department_id': " + department + ", 'client_id': " + client + ", 'patient_id': "
						+ other.patient + "}", "patient_id"),
				new Case("{'department_id': " + department + ", 'client_id': " + client + ", 'consultation_type': 6}",
						"consultation_type"),
				new Case("{'department_id': " + department + ", 'client_id': " + client + ", 'status': 10}", "status"),
				new Case("{'department_id': 'Main', 'client_id': " + client + "}", "department_id"));
		cases.forEach((c) -> assertInvalid(post400("/consultations", c.body()), c.field()));
		List<Case> charges = List.of(new Case("{'item_id': 999999999, 'quantity': 1}", "item_id"),
				new Case("{'item_id': " + other.medicineItem + ", 'quantity': 1}", "item_id"),
				new Case("{'item_id': " + this.tenant.medicineItem + ", 'quantity': 0}", "quantity"),
				new Case("{'item_id': " + this.tenant.medicineItem + "}", "quantity"),
				new Case("{'item_id': " + this.tenant.medicineItem + ", 'quantity': 1.0001}", "quantity"),
				new Case("{'item_id': " + this.tenant.medicineItem + ", 'quantity': 1, 'percentage_change': -101}",
						"percentage_change"),
				new Case("{'item_id': " + this.tenant.medicineItem + ", 'quantity': 1, 'unit_price': -1}",
						"unit_price"),
				new Case("{'item_id': " + this.tenant.medicineItem + ", 'quantity': 1, 'patient_id': " + other.patient
						+ "}", "patient_id"),
				new Case("{'item_id': " + this.tenant.medicineItem + ", 'quantity': 'two'}", "quantity"),
				new Case("{'item_id': " + this.tenant.medicineItem + ", 'quantity': 1, 'vat': 24}", "vat"));
		charges.forEach((c) -> assertInvalid(this.tenant.api.post(items, json(c.body())), c.field()));
		List<Case> patches = List.of(new Case("{'quantity': -1}", "quantity"),
				new Case("{'item_id': 999999999}", "item_id"), new Case("{'item_id': null}", "item_id"),
				new Case("{'id': 1}", "id"), new Case("{'quantity': [1]}", "quantity"));
		patches.forEach((c) -> assertInvalid(this.tenant.api.patch(items + "/" + charged, json(c.body())), c.field()));
		assertThat(rowCounts()).isEqualTo(before);
		JsonNode unchanged = ok(this.tenant.api.get(this.tenant.path("/consultations/" + consultation))).body();
		assertThat(unchanged.path("version").asInt()).isEqualTo(1);
		assertThat(json(unchanged.path("items").get(0), "quantity")).isEqualTo("1.0");
		assertProblem(this.tenant.api.post(this.tenant.path("/consultations/999999999/items"),
				Map.of("item_id", this.tenant.medicineItem, "quantity", 1)), 404, "not_found");
	}

	// permissions

	@Test
	void readOnlyCredentialsReadButChangeNothing() {
		Api reader = this.tenant.apiWith("read");
		Map<String, Integer> before = rowCounts();
		for (String list : List.of("/organization", "/departments", "/departments/" + this.tenant.department,
				"/departments/" + this.tenant.department + "/settings", "/vat-groups", "/items", "/clients",
				"/clients/" + this.tenant.client, "/patients", "/consultations")) {
			assertThat(reader.get(this.tenant.path(list)).status()).as(list).isEqualTo(200);
		}
		Map<String, Object> writes = new LinkedHashMap<>();
		writes.put("POST /clients", Map.of("customer_type", 0, "lastname", "Korhonen"));
		writes.put("PATCH /clients/" + this.tenant.client, Map.of("city", "Espoo"));
		writes.put("POST /patients", Map.of("client_id", this.tenant.client, "name", "Rekku"));
		writes.put("PATCH /patients/" + this.tenant.patient, Map.of("name", "Rekku"));
		writes.put("POST /consultations",
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client));
		writes.put("POST /items", Map.of("name", "X-ray", "price", 80, "vat_group_id", this.tenant.vat24));
		writes.put("PATCH /items/" + this.tenant.medicineItem, Map.of("price", 1));
		writes.put("POST /vat-groups", Map.of("title", "14%", "percentage", 14));
		writes.put("PATCH /vat-groups/" + this.tenant.vat24, Map.of("percentage", 25.5));
		writes.put("POST /departments", Map.of("name", "Espoo", "invoice_prefix", "ESP"));
		writes.put("PATCH /departments/" + this.tenant.department, Map.of("name", "Espoo"));
		writes.put("PATCH /departments/" + this.tenant.department + "/settings",
				Map.of("payment_cancel_set_date", true));
		writes.put("PATCH /organization", Map.of("name", "Tassu"));
		writes.forEach((request, body) -> assertProblem(send(reader, request, body), 403, "forbidden"));
		assertThat(rowCounts()).isEqualTo(before);
		assertThat(ok(get("/organization")).get("version").asInt()).isZero();
		assertProblem(this.tenant.anonymous.get(this.tenant.path("/clients")), 401, "unauthenticated");
	}

	@Test
	void billingCredentialsKeepClientsAndConsultationsButNotSettings() {
		Api billing = this.tenant.apiWith("read", "billing");
		ApiResponse client = billing.post(this.tenant.path("/clients"),
				Map.of("customer_type", 0, "lastname", "Korhonen"));
		assertThat(client.status()).as(client.toString()).isEqualTo(201);
		assertThat(billing.patch(this.tenant.path("/clients/" + client.id()), Map.of("city", "Espoo")).status())
			.isEqualTo(200);
		ApiResponse patient = billing.post(this.tenant.path("/patients"),
				Map.of("client_id", client.id(), "name", "Rekku"));
		assertThat(patient.status()).as(patient.toString()).isEqualTo(201);
		assertThat(billing.patch(this.tenant.path("/patients/" + patient.id()), Map.of("breed", "Mixed")).status())
			.isEqualTo(200);
		ApiResponse consultation = billing.post(this.tenant.path("/consultations"),
				Map.of("department_id", this.tenant.department, "client_id", client.id(), "patient_id", patient.id()));
		assertThat(consultation.status()).as(consultation.toString()).isEqualTo(201);
		assertThat(billing
			.post(this.tenant.path("/consultations/" + consultation.id() + "/items"),
					Map.of("item_id", this.tenant.medicineItem, "quantity", 1))
			.status()).isEqualTo(201);
		assertThat(this.tenant.bean(AuditTrail.class).of(this.tenant.organizationId, "client", client.id()))
			.extracting(AuditEvent::actor)
			.hasSize(2)
			.allSatisfy((actor) -> assertThat(actor).startsWith("client:").isNotEqualTo("client:admin"));

		Map<String, Integer> before = rowCounts();
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("POST /items", Map.of("name", "X-ray", "price", 80, "vat_group_id", this.tenant.vat24));
		settings.put("PATCH /items/" + this.tenant.medicineItem, Map.of("price", 1));
		settings.put("POST /vat-groups", Map.of("title", "14%", "percentage", 14));
		settings.put("PATCH /vat-groups/" + this.tenant.vat24, Map.of("percentage", 25.5));
		settings.put("POST /departments", Map.of("name", "Espoo", "invoice_prefix", "ESP"));
		settings.put("PATCH /departments/" + this.tenant.department, Map.of("name", "Espoo"));
		settings.put("PATCH /departments/" + this.tenant.department + "/settings",
				Map.of("financial_period_lock_date", "2026-11-01"));
		settings.put("PATCH /organization", Map.of("default_payment_terms_days", 0));
		settings.forEach((request, body) -> assertProblem(send(billing, request, body), 403, "forbidden"));
		assertThat(rowCounts()).isEqualTo(before);
		assertThat(ok(get("/departments/" + this.tenant.department + "/settings")).get("financial_period_lock_date")
			.isNull()).isTrue();
	}

	// tenant isolation

	@Test
	void anotherTenantsCredentialsNeverReachThisTenantsRecords() {
		TestTenant other = newTenant();
		long consultation = post("/consultations",
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client))
			.id();
		Map<String, Integer> before = rowCounts();
		for (String record : List.of("/clients/" + this.tenant.client, "/patients/" + this.tenant.patient,
				"/items/" + this.tenant.consultationItem, "/vat-groups/" + this.tenant.vat24,
				"/departments/" + this.tenant.department, "/departments/" + this.tenant.department + "/settings",
				"/consultations/" + consultation)) {
			ApiResponse viaOwnPath = other.api.get(other.path(record));
			assertProblem(viaOwnPath, 404, "not_found");
			ApiResponse viaForeignPath = other.api.get(this.tenant.path(record));
			assertProblem(viaForeignPath, 404, "not_found");
			assertThat(viaForeignPath.raw()).doesNotContain("Virtanen").doesNotContain("Musti");
			if (!record.startsWith("/consultations")) {
				assertProblem(other.api.patch(other.path(record), Map.of("name", "Hijacked")), 404, "not_found");
				assertProblem(other.api.patch(this.tenant.path(record), Map.of("name", "Hijacked")), 404, "not_found");
			}
		}
		assertProblem(other.api.get(this.tenant.path("/clients")), 404, "not_found");
		assertProblem(other.api.get(this.tenant.path("/organization")), 404, "not_found");
		assertProblem(other.api.patch(this.tenant.path("/organization"), Map.of("name", "Hijacked")), 404, "not_found");
		assertProblem(other.api.post(this.tenant.path("/clients"), Map.of("customer_type", 0, "lastname", "X")), 404,
				"not_found");
		assertProblem(other.api.post(other.path("/consultations/" + consultation + "/items"),
				Map.of("item_id", other.medicineItem, "quantity", 1)), 404, "not_found");
		assertThat(ids(ok(other.api.get(other.path("/clients"))))).containsExactly(other.client);
		assertThat(ids(ok(other.api.get(other.path("/patients?client_id=" + this.tenant.client))))).isEmpty();
		assertThat(ids(ok(other.api.get(other.path("/items?search=CONS"))))).containsExactly(other.consultationItem);
		assertThat(rowCounts()).isEqualTo(before);
		assertThat(ok(get("/clients/" + this.tenant.client)).get("version").asInt()).isZero();
		assertThat(ok(get("/organization")).get("name").asString()).isEqualTo("Clinic " + this.tenant.provetId);
	}

	// audit log

	@Test
	void everyMasterDataChangeIsInTheAuditLog() {
		long client = post("/clients", Map.of("customer_type", 0, "lastname", "Korhonen")).id();
		ok(this.tenant.api.patch(this.tenant.path("/clients/" + client), Map.of("email", "k@example.com")));
		long patient = post("/patients", Map.of("client_id", client, "name", "Rekku")).id();
		ok(this.tenant.api.patch(this.tenant.path("/patients/" + patient), Map.of("species", "Dog")));
		long vatGroup = post("/vat-groups", Map.of("title", "14%", "percentage", 14)).id();
		ok(this.tenant.api.patch(this.tenant.path("/vat-groups/" + vatGroup), Map.of("percentage", "13.5")));
		long item = post("/items", Map.of("name", "X-ray", "price", 80, "vat_group_id", vatGroup)).id();
		ok(this.tenant.api.patch(this.tenant.path("/items/" + item), Map.of("price", 85)));
		long department = post("/departments", Map.of("name", "Espoo", "invoice_prefix", "ESP")).id();
		ok(this.tenant.api.patch(this.tenant.path("/departments/" + department), Map.of("name", "Espoo Centre")));
		ok(this.tenant.api.patch(this.tenant.path("/departments/" + department + "/settings"),
				Map.of("financial_period_lock_date", "2026-10-01")));
		ok(this.tenant.api.patch(this.tenant.path("/organization"), Map.of("default_payment_terms_days", 30)));
		long consultation = post("/consultations",
				Map.of("department_id", department, "client_id", client, "patient_id", patient))
			.id();
		String items = this.tenant.path("/consultations/" + consultation + "/items");
		long charged = this.tenant.api.post(items, Map.of("item_id", item, "quantity", 1))
			.body()
			.path("items")
			.get(0)
			.path("id")
			.asLong();
		ok(this.tenant.api.patch(items + "/" + charged, Map.of("quantity", 2)));
		ok(this.tenant.api.delete(items + "/" + charged));
		// refused changes are not logged
		assertThat(this.tenant.api.patch(this.tenant.path("/clients/" + client), Map.of("lastname", "")).status())
			.isEqualTo(400);
		assertThat(this.tenant.api.patch(this.tenant.path("/items/" + item), Map.of("price", 90), "0").status())
			.isEqualTo(409);

		assertAudited("client", client, "client.created", "client.updated");
		assertAudited("patient", patient, "patient.created", "patient.updated");
		assertAudited("vat_group", vatGroup, "vat_group.created", "vat_group.updated");
		assertAudited("item", item, "item.created", "item.updated");
		assertAudited("department", department, "department.created", "department.updated",
				"department.settings_updated");
		assertAudited("consultation", consultation, "consultation.created", "consultation.item_added",
				"consultation.item_changed", "consultation.item_removed");
		List<AuditEvent> organization = this.tenant.bean(AuditTrail.class)
			.of(this.tenant.organizationId, "organization", this.tenant.organizationId);
		assertThat(organization).extracting(AuditEvent::action)
			.containsExactly("organization.created", "organization.updated");
		assertThat(organization.get(1).actor()).isEqualTo("client:admin");
		assertThat(organization.get(1).occurred()).hasToString(NOW);

		String clientUpdate = this.tenant.bean(AuditTrail.class)
			.of(this.tenant.organizationId, "client", client)
			.get(1)
			.details();
		JsonNode details = Api.parse(clientUpdate);
		assertThat(details.path("before").path("email").isNull()).isTrue();
		assertThat(details.path("after").path("email").asString()).isEqualTo("k@example.com");
		assertThat(details.path("after").path("version").asInt()).isEqualTo(1);
		String settingsUpdate = this.tenant.bean(AuditTrail.class)
			.of(this.tenant.organizationId, "department", department)
			.get(2)
			.details();
		assertThat(Api.parse(settingsUpdate).path("after").path("financial_period_lock_date").asString())
			.isEqualTo("2026-10-01");
		assertThat(Api.parse(settingsUpdate).path("before").path("financial_period_lock_date").isNull()).isTrue();
	}

	// helpers

	private ApiResponse get(String path) {
		return this.tenant.api.get(this.tenant.path(path));
	}

	private ApiResponse post(String path, Object body) {
		ApiResponse response = this.tenant.api.post(this.tenant.path(path), body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.header("Content-Type")).hasValue("application/json");
		return response;
	}

	private ApiResponse post400(String path, String body) {
		return this.tenant.api.post(this.tenant.path(path), json(body));
	}

	private ApiResponse send(Api api, String request, Object body) {
		String[] methodAndPath = request.split(" ", 2);
		String path = this.tenant.path(methodAndPath[1]);
		return "POST".equals(methodAndPath[0]) ? api.post(path, body) : api.patch(path, body);
	}

	private static ApiResponse ok(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	private static List<Long> ids(ApiResponse page) {
		JsonNode items = page.body().path("items");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			ids.add(items.get(i).path("id").asLong());
		}
		return ids;
	}

	/**
	 * Asserts a 400 problem naming exactly the given fields, in order (a field breaking
	 * two constraints is named twice, but counted once here).
	 */
	private static void assertInvalid(ApiResponse response, String... fields) {
		assertProblem(response, 400, "invalid_input");
		JsonNode errors = response.body().path("errors");
		List<String> named = new ArrayList<>();
		for (int i = 0; i < errors.size(); i++) {
			named.add(errors.get(i).path("field").asString());
			assertThat(errors.get(i).path("message").asString()).as(response.toString()).isNotBlank();
		}
		assertThat(named.stream().distinct()).as(response.toString()).containsExactly(fields);
	}

	private static void assertProblem(ApiResponse response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.toString()).hasValue("application/problem+json");
		assertThat(response.get("code").asString()).as(response.toString()).isEqualTo(code);
		assertThat(response.get("status").asInt()).isEqualTo(status);
		assertThat(response.get("type").asString()).isEqualTo("urn:vetbill:problem:" + code);
		assertThat(response.raw()).doesNotContain("Exception").doesNotContain("org.vetbill");
	}

	private void assertAudited(String entityType, long id, String... actions) {
		List<AuditEvent> events = this.tenant.bean(AuditTrail.class).of(this.tenant.organizationId, entityType, id);
		assertThat(events).extracting(AuditEvent::action).containsExactly(actions);
		assertThat(events).extracting(AuditEvent::actor).containsOnly("client:admin");
		assertThat(events).extracting(AuditEvent::entityId).containsOnly(id);
		assertThat(events.get(0).details()).contains("\"before\":null").contains("\"after\":{");
	}

	/**
	 * How many rows of master data, consultations and audit events the tenant has.
	 */
	private Map<String, Integer> rowCounts() {
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		long organization = this.tenant.organizationId;
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("client", dsl.fetchCount(CLIENT, CLIENT.ORGANIZATION_ID.eq(organization)));
		counts.put("patient", dsl.fetchCount(PATIENT, PATIENT.ORGANIZATION_ID.eq(organization)));
		counts.put("item", dsl.fetchCount(ITEM, ITEM.ORGANIZATION_ID.eq(organization)));
		counts.put("vat_group", dsl.fetchCount(VAT_GROUP, VAT_GROUP.ORGANIZATION_ID.eq(organization)));
		counts.put("department", dsl.fetchCount(DEPARTMENT, DEPARTMENT.ORGANIZATION_ID.eq(organization)));
		counts.put("consultation", dsl.fetchCount(CONSULTATION, CONSULTATION.ORGANIZATION_ID.eq(organization)));
		counts.put("consultation_item",
				dsl.fetchCount(CONSULTATION_ITEM, CONSULTATION_ITEM.ORGANIZATION_ID.eq(organization)));
		counts.put("audit_event", dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(organization)));
		return counts;
	}

	/**
	 * JSON written with single quotes, for readable bodies in tests.
	 */
	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	private static String json(JsonNode node, String field) {
		return node.path(field).toString();
	}

	/**
	 * Asserts that a JSON document has exactly the expected fields and values, numbers
	 * with their scale ({@code 24.0} is not {@code 24}), in any field order.
	 */
	private static void assertJson(JsonNode actual, String expected) {
		assertThat(canonical(actual)).isEqualTo(canonical(Api.parse(expected)));
	}

	private static String canonical(JsonNode node) {
		if (node.isObject()) {
			return node.properties()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map((property) -> "\"" + property.getKey() + "\":" + canonical(property.getValue()))
				.collect(Collectors.joining(",", "{", "}"));
		}
		if (node.isArray()) {
			List<String> elements = new ArrayList<>();
			for (int i = 0; i < node.size(); i++) {
				elements.add(canonical(node.get(i)));
			}
			return "[" + String.join(",", elements) + "]";
		}
		return node.toString();
	}

	private record Case(String body, String field) {
	}

}
