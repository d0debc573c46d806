package org.vetbill.api.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.api.cloud.CloudMasterDataIntegrationTests.CLIENT_NOT_KEPT;
import static org.vetbill.api.cloud.CloudMasterDataIntegrationTests.CLIENT_NOT_KEPT_2;
import static org.vetbill.api.cloud.CloudMasterDataIntegrationTests.ITEM_NOT_KEPT;
import static org.vetbill.api.cloud.CloudMasterDataIntegrationTests.PATIENT_NOT_KEPT;
import static org.vetbill.api.cloud.CloudMasterDataIntegrationTests.PATIENT_NOT_KEPT_2;
import static org.vetbill.api.cloud.CloudMasterDataIntegrationTests.PATIENT_NOT_KEPT_3;

/**
 * The Cloud API's master-data writes over real HTTP: create, PUT, PATCH, archive, restore
 * and DELETE of {@code client/}, {@code patient/} and {@code item/}, each answered with
 * the object exactly as a GET writes it; DRF's 400 naming each wrong field; 403 without
 * the permission; 404 for another tenant's objects; Idempotency-Key on creates.
 */
class CloudMasterDataWriteIntegrationTests extends IntegrationTest {

	private static final String NOW = "2026-11-21T12:00:00+02:00";

	private static final String LATER = "2026-11-21T12:05:00+02:00";

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	// client

	@Test
	void aClientIsCreatedUpdatedArchivedRestoredAndDeletedAsDrfDoes() {
		ApiResponse created = this.tenant.api.post(cloud("client/"),
				body("firstname", "Matti", "lastname", "Meikäläinen", "home_department",
						url("department", this.tenant.department), "due_date_delay", 14, "street_address",
						"Kauppakatu 5", "zip_code", "33100", "city", "Tampere", "country", "fi", "email",
						"matti@example.com", "phone_numbers", List.of(), "created", "2000-01-01T00:00:00Z"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.id();
		String body = "{'id': " + id + ", 'url': '" + url("client", id)
				+ "', 'title': null, 'firstname': 'Matti', 'lastname': 'Meikäläinen', 'organization_name': '',"
				+ " 'customer_type': 0, 'vat_number': '', 'register_number': null, 'home_department': '"
				+ url("department", this.tenant.department) + "', 'due_date_delay': 14,"
				+ " 'street_address': 'Kauppakatu 5', 'street_address_2': '', 'zip_code': '33100',"
				+ " 'city': 'Tampere', 'state': '', 'email': 'matti@example.com', " + CLIENT_NOT_KEPT
				+ "'archived': false, 'country': 'FI', " + CLIENT_NOT_KEPT_2 + "'patients': [],"
				+ " 'invoicing_client': null, 'tags_rel': [], 'created': '" + NOW + "', 'created_user': null,"
				+ " 'modified': '" + NOW + "', 'modified_user': null, 'phone_numbers': [], 'status_type': 0}";
		assertBody(created, body);
		assertThat(get("client/" + id + "/").raw()).isEqualTo(created.raw());

		// PATCH changes only the fields given
		this.clock.set("2026-11-21T10:05:00Z");
		ApiResponse patched = this.tenant.api.patch(cloud("client/" + id + "/"),
				body("city", "Espoo", "zip_code", "02100", "home_department", null));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		body = body.replace("'Tampere'", "'Espoo'")
			.replace("'33100'", "'02100'")
			.replace("'home_department': '" + url("department", this.tenant.department) + "'",
					"'home_department': null")
			.replace("'modified': '" + NOW, "'modified': '" + LATER);
		assertBody(patched, body);

		// PUT with a bare id for the relation; a field left out keeps its value, as in
		// DRF
		ApiResponse put = this.tenant.api.put(cloud("client/" + id + "/"),
				body("lastname", "Virtanen", "home_department", this.tenant.department));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		body = body.replace("'Meikäläinen'", "'Virtanen'")
			.replace("'home_department': null",
					"'home_department': '" + url("department", this.tenant.department) + "'");
		assertBody(put, body);

		// archive, restore, and DELETE, which archives
		String archived = body.replace("'archived': false", "'archived': true");
		assertBody(this.tenant.api.patch(cloud("client/" + id + "/"), body("archived", true)), archived);
		assertThat(ids("client/?archived=true")).containsExactly(id);
		assertBody(this.tenant.api.patch(cloud("client/" + id + "/"), body("archived", false)), body);
		assertThat(ids("client/?archived=true")).isEmpty();
		ApiResponse deleted = this.tenant.api.delete(cloud("client/" + id + "/"));
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(deleted.raw()).isEmpty();
		assertBody(get("client/" + id + "/"), archived);
		assertThat(this.tenant.api.delete(cloud("client/" + id + "/")).status()).isEqualTo(204);
		assertBody(this.tenant.api.patch(cloud("client/" + id + "/"), body("archived", "false")), body);
	}

	@Test
	void aClientTakesAFormBodyAndAnOrganizationsFields() {
		ApiResponse created = this.tenant.api.send(this.tenant.api.request(cloud("client/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("customer_type=2&organization_name=Koirapuisto+Oy&vat_number=fi+12345678&archived=false")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode client = created.body();
		assertThat(client.path("customer_type").asInt()).isEqualTo(2);
		assertThat(client.path("organization_name").asString()).isEqualTo("Koirapuisto Oy");
		assertThat(client.path("vat_number").asString()).isEqualTo("FI12345678");
		assertThat(client.path("firstname").asString()).isEmpty();
	}

	@Test
	void aWrongClientIsRefusedNamingEachField() {
		assertRefused(this.tenant.api.post(cloud("client/"), body("customer_type", 1, "due_date_delay", "soon")),
				"{'due_date_delay': ['A valid integer is required.']}");
		assertRefused(this.tenant.api.post(cloud("client/"), body("customer_type", 1)),
				"{'organization_name': ['is required for a company or charity']}");
		assertRefused(this.tenant.api.post(cloud("client/"), body("lastname", "X", "country", "Finland")),
				"{'country': ['Ensure this field has no more than 2 characters.']}");
		assertRefused(
				this.tenant.api.post(cloud("client/"),
						body("lastname", "X", "home_department", url("vatgroup", this.tenant.vat24))),
				"{'home_department': ['Invalid hyperlink - Incorrect URL match.']}");
		assertRefused(this.tenant.api.post(cloud("client/"), body("lastname", "X", "home_department", 999999)),
				"{'home_department': ['department 999999 does not exist']}");
		assertRefused(this.tenant.api.patch(cloud("client/" + this.tenant.client + "/"), body("lastname", "")),
				"{'lastname': ['is required for a private client']}");
		assertRefused(this.tenant.api.patch(cloud("client/" + this.tenant.client + "/"), body("archived", "maybe")),
				"{'archived': ['Must be a valid boolean.']}");
		assertThat(get("client/" + this.tenant.client + "/").body().path("lastname").asString()).isEqualTo("Virtanen");
	}

	// patient

	@Test
	void aPatientIsCreatedUpdatedArchivedRestoredAndDeleted() {
		ApiResponse created = this.tenant.api.post(cloud("patient/"), body("client", url("client", this.tenant.client),
				"name", "Rex", "species", "Dog", "date_of_birth", "2020-05-01"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.id();
		String body = "{'id': " + id + ", 'url': '" + url("patient", id) + "', 'client': '"
				+ url("client", this.tenant.client) + "', 'name': 'Rex', 'official_name': '', 'species': 'Dog',"
				+ " 'breed': '', 'gender': null, 'weight': null, 'old_patient_id': null, 'remarks': '',"
				+ " 'date_of_registration': '2026-11-21', 'date_of_birth': '2020-05-01', " + PATIENT_NOT_KEPT
				+ "'archived': false, " + PATIENT_NOT_KEPT_2 + "'created': '" + NOW + "', 'created_user': null,"
				+ " 'modified': '" + NOW + "', 'modified_user': null" + PATIENT_NOT_KEPT_3 + "}";
		assertBody(created, body);
		assertThat(get("client/" + this.tenant.client + "/").body().path("patients").toString())
			.contains(url("patient", id));

		this.clock.set("2026-11-21T10:05:00Z");
		body = body.replace("'breed': ''", "'breed': 'Boxer'").replace("'modified': '" + NOW, "'modified': '" + LATER);
		assertBody(this.tenant.api.patch(cloud("patient/" + id + "/"), body("breed", "Boxer")), body);
		ApiResponse put = this.tenant.api.put(cloud("patient/" + id + "/"),
				body("client", this.tenant.client, "name", "Rexi"));
		body = body.replace("'name': 'Rex'", "'name': 'Rexi'");
		assertBody(put, body);
		String archived = body.replace("'archived': false", "'archived': true");
		assertBody(this.tenant.api.patch(cloud("patient/" + id + "/"), body("archived", true)), archived);
		assertBody(this.tenant.api.patch(cloud("patient/" + id + "/"), body("archived", false)), body);
		assertThat(this.tenant.api.delete(cloud("patient/" + id + "/")).status()).isEqualTo(204);
		assertBody(get("patient/" + id + "/"), archived);
	}

	@Test
	void aWrongPatientIsRefusedNamingEachField() {
		assertRefused(this.tenant.api.post(cloud("patient/"), body("species", "Cat")),
				"{'client': ['This field is required.'], 'name': ['This field is required.']}");
		assertRefused(this.tenant.api.put(cloud("patient/" + this.tenant.patient + "/"), body("name", "Musti")),
				"{'client': ['This field is required.']}");
		assertRefused(
				this.tenant.api.post(cloud("patient/"),
						body("client", this.tenant.client, "name", "Rex", "date_of_birth", "01.05.2020")),
				"{'date_of_birth': ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.']}");
		assertRefused(this.tenant.api.post(cloud("patient/"), body("client", 999999, "name", "Rex")),
				"{'client': ['client 999999 does not exist']}");
		TestTenant other = newTenant();
		assertRefused(
				this.tenant.api.post(cloud("patient/"),
						body("client", url(other, "client", other.client), "name", "Rex")),
				"{'client': ['Invalid hyperlink - Incorrect URL match.']}");
	}

	// item

	@Test
	void anItemIsCreatedAtItsTypedPathUpdatedArchivedRestoredAndDeleted() {
		ApiResponse created = this.tenant.api.post(cloud("item/"),
				body("name", "Amoxicillin 250 mg", "code", "AMOX", "type_code", 2, "price", "9.90", "price_with_vat",
						"999", "vat_group", url("vatgroup", this.tenant.vat10), "account_number", "3100",
						"reporting_dimension_1", "PHARMACY"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.id();
		String body = "{'id': " + id + ", 'url': '" + url("medicine", id) + "', 'code': 'AMOX', 'barcode': null,"
				+ " 'account_number': '3100', 'name': 'Amoxicillin 250 mg', 'print_name': 'Amoxicillin 250 mg',"
				+ " 'hide_on_consultation': false, 'price': 9.90, 'price_with_vat': 10.89, 'minimum_price': null,"
				+ " 'minimum_price_with_vat': null, 'wholesale_price': null, 'wholesaler_discount': 0.0,"
				+ " 'producer_discount': 0.0, 'special_discount': 0.0, 'margin_percent': 0.0, 'vat_group': '"
				+ url("vatgroup", this.tenant.vat10) + "', 'invoice_group': null, 'item_list': null, 'type_code': 2,"
				+ " 'polymorphic_ctype': null, 'parent': null, 'parent_amount': 0.0, 'instructions': null,"
				+ " 'archived': false, 'archived_datetime': null, 'exclude_discount': false, 'linked_items': [],"
				+ " 'reporting_dimension_1': 'PHARMACY', 'reporting_dimension_2': null, 'reporting_dimension_3': null,"
				+ " 'hide_on_countersale_search': false, 'performed_by_rule': 0, 'royalty_fee': null, 'created': '"
				+ NOW + "', 'modified': '" + NOW + "'" + ITEM_NOT_KEPT + "}";
		assertBody(created, body);
		assertThat(get("medicine/" + id + "/").raw()).isEqualTo(created.raw());

		this.clock.set("2026-11-21T10:05:00Z");
		body = body.replace("'price': 9.90, 'price_with_vat': 10.89", "'price': 12.00, 'price_with_vat': 13.20")
			.replace("'modified': '" + NOW, "'modified': '" + LATER);
		assertBody(this.tenant.api.patch(cloud("item/" + id + "/"), body("price", 12)), body);
		// PUT needs the required fields; the kind changes the typed path
		ApiResponse put = this.tenant.api.put(cloud("item/" + id + "/"),
				body("name", "Amoxicillin 250 mg", "type_code", 3, "price", "12.00", "vat_group", this.tenant.vat10));
		body = body.replace(url("medicine", id), url("supply", id)).replace("'type_code': 2", "'type_code': 3");
		assertBody(put, body);
		String archived = body.replace("'archived': false", "'archived': true");
		assertBody(this.tenant.api.patch(cloud("item/" + id + "/"), body("archived", true)), archived);
		assertBody(this.tenant.api.patch(cloud("item/" + id + "/"), body("archived", false)), body);
		assertThat(this.tenant.api.delete(cloud("item/" + id + "/")).status()).isEqualTo(204);
		assertBody(get("supply/" + id + "/"), archived);
		assertThat(ids("item/?archived=true")).containsExactly(id);
	}

	@Test
	void whereItemPricesIncludeVatTheGrossPriceIsWritten() {
		TestTenant gross = newTenant(ReferenceNumberFormat.FINNISH, true);
		ApiResponse created = gross.api.post(cloud(gross, "item/"), body("name", "Nail trim", "type_code", 1,
				"price_with_vat", "12.40", "price", "1.00", "vat_group", gross.vat24));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.get("price").toString()).isEqualTo("10.00");
		assertThat(created.get("price_with_vat").toString()).isEqualTo("12.40");
		assertRefused(
				gross.api.post(cloud(gross, "item/"), body("name", "X", "type_code", 1, "vat_group", gross.vat24)),
				"{'price_with_vat': ['This field is required.']}");
	}

	@Test
	void aWrongItemIsRefusedNamingEachField() {
		assertRefused(this.tenant.api.post(cloud("item/"), body()),
				"{'name': ['This field is required.'], 'price': ['This field is required.'],"
						+ " 'vat_group': ['This field is required.'], 'type_code': ['This field is required.']}");
		assertRefused(
				this.tenant.api.post(cloud("item/"),
						body("name", "X", "price", "1", "vat_group", this.tenant.vat24, "type_code", 9)),
				"{\"type_code\": [\"\\\"9\\\" is not a valid choice.\"]}");
		assertRefused(
				this.tenant.api.post(cloud("item/"),
						body("name", "X", "price", "cheap", "vat_group", this.tenant.vat24, "type_code", 1)),
				"{'price': ['A valid number is required.']}");
		assertRefused(this.tenant.api.patch(cloud("item/" + this.tenant.medicineItem + "/"), body("code", "CONS")),
				"{\"code\": [\"'CONS' is already used by another item\"]}");
		assertRefused(this.tenant.api.patch(cloud("item/" + this.tenant.medicineItem + "/"), body("vat_group", 999999)),
				"{'vat_group': ['VAT group 999999 does not exist']}");
	}

	// permissions, tenants, retries

	@Test
	void writesNeedTheirPermission() {
		Api reader = this.tenant.apiWith("read");
		Api billing = this.tenant.apiWith("read", "billing");
		Api settings = this.tenant.apiWith("read", "settings");
		String client = cloud("client/" + this.tenant.client + "/");
		String patient = cloud("patient/" + this.tenant.patient + "/");
		String item = cloud("item/" + this.tenant.medicineItem + "/");
		for (ApiResponse refused : List.of(reader.post(cloud("client/"), body("lastname", "X")),
				reader.patch(client, body("city", "Turku")), reader.delete(client),
				settings.post(cloud("patient/"), body("client", this.tenant.client, "name", "Rex")),
				settings.put(patient, body("client", this.tenant.client, "name", "Rex")), settings.delete(patient),
				billing.post(cloud("item/"), body("name", "X")), billing.patch(item, body("price", 1)),
				billing.delete(item))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.raw()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
		}
		assertThat(get("client/" + this.tenant.client + "/").body().path("archived").asBoolean()).isFalse();
		assertThat(get("item/" + this.tenant.medicineItem + "/").body().path("price").toString()).isEqualTo("12.35");
		assertThat(billing.patch(client, body("city", "Turku")).status()).isEqualTo(200);
		assertThat(settings.patch(item, body("name", "Medicine 2")).status()).isEqualTo(200);
		assertThat(this.tenant.anonymous.post(cloud("client/"), body("lastname", "X")).status()).isEqualTo(401);
	}

	@Test
	void anotherTenantsObjectsAreNotFoundAndNotChanged() {
		TestTenant other = newTenant();
		for (String path : List.of("client/" + other.client + "/", "patient/" + other.patient + "/",
				"item/" + other.medicineItem + "/", "client/999999/")) {
			ApiResponse patched = this.tenant.api.patch(cloud(path), body("archived", true));
			assertThat(patched.status()).as(path).isEqualTo(404);
			assertThat(patched.raw()).isEqualTo("{\"detail\":\"Not found.\"}");
			assertThat(this.tenant.api.delete(cloud(path)).status()).as(path).isEqualTo(404);
		}
		assertThat(other.api.get(cloud(other, "client/" + other.client + "/")).body().path("archived").asBoolean())
			.isFalse();
	}

	@Test
	void aCreateRetriedWithTheSameIdempotencyKeyCreatesOnce() {
		Map<String, Object> client = body("lastname", "Once");
		ApiResponse first = this.tenant.api.post(cloud("client/"), client, "Idempotency-Key", "client-0001");
		ApiResponse again = this.tenant.api.post(cloud("client/"), client, "Idempotency-Key", "client-0001");
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.raw()).isEqualTo(first.raw());
		assertThat(again.header("Idempotent-Replayed")).contains("true");
		assertThat(ids("client/?lastname=Once")).containsExactly(first.id());
	}

	// helpers

	private static Map<String, Object> body(Object... namesAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			body.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return body;
	}

	private String cloud(String path) {
		return cloud(this.tenant, path);
	}

	private static String cloud(TestTenant tenant, String path) {
		return "/" + tenant.provetId + "/api/0.1/" + path;
	}

	private String url(String resource, long id) {
		return url(this.tenant, resource, id);
	}

	private static String url(TestTenant tenant, String resource, long id) {
		return tenant.api.baseUrl() + cloud(tenant, resource + "/" + id + "/");
	}

	private ApiResponse get(String path) {
		ApiResponse response = this.tenant.api.get(cloud(path));
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
		return response;
	}

	private List<Long> ids(String path) {
		return get(path).body().path("results").findValues("id").stream().map(JsonNode::asLong).toList();
	}

	private static void assertBody(ApiResponse response, String expected) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
		assertThat(response.body().toString()).isEqualTo(Api.parse(expected.replace('\'', '"')).toString());
	}

	/**
	 * A 400 with exactly this body, written with single quotes, or as JSON when it holds
	 * a double quote.
	 */
	private static void assertRefused(ApiResponse response, String expected) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		String json = expected.contains("\"") ? expected : expected.replace('\'', '"');
		assertThat(response.body().toString()).isEqualTo(Api.parse(json).toString());
	}

}
