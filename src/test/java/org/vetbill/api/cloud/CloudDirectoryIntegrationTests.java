package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.PhoneNumbers;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.clinic.domain.PhoneNumberDetails;
import org.vetbill.security.Credentials;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cloud API's directories over real HTTP: {@code phonenumber/},
 * {@code paymentmethod/}, {@code user/} and the typed item catalogues {@code procedure/},
 * {@code medicine/}, {@code supply/} and {@code food/}, each a list in the DRF envelope
 * and a single object, with exact bodies, filters, paging and tenant isolation.
 */
class CloudDirectoryIntegrationTests extends IntegrationTest {

	/** The test's clock, 10:00 UTC, as written in the organization's time zone. */
	private static final String NOW = "2026-11-21T12:00:00+02:00";

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	// phonenumber

	@Test
	void aClientsPhoneNumbersAreListedAndLinkedFromTheClient() {
		PhoneNumbers phones = this.tenant.bean(PhoneNumbers.class);
		long mobile = phones
			.create(this.tenant.caller, new PhoneNumberDetails(this.tenant.client, 1, "+358 40 123 4567", null))
			.id();
		long work = phones
			.create(this.tenant.caller,
					new PhoneNumberDetails(this.tenant.client, 3, "+358 9 765 4321", "office hours only"))
			.id();
		JsonNode list = ok("phonenumber/");
		assertThat(list.path("count").asLong()).isEqualTo(2);
		assertObject(list.path("results").get(0),
				"{'id': " + mobile + ", 'url': '" + url("phonenumber", mobile) + "', 'client': '"
						+ url("client", this.tenant.client) + "', 'type_code': 1, 'number': '+358 40 123 4567',"
						+ " 'description': '', 'created': '" + NOW + "', 'modified': '" + NOW + "'}");
		assertObject(ok("phonenumber/" + work + "/"),
				"{'id': " + work + ", 'url': '" + url("phonenumber", work) + "', 'client': '"
						+ url("client", this.tenant.client) + "', 'type_code': 3, 'number': '+358 9 765 4321',"
						+ " 'description': 'office hours only', 'created': '" + NOW + "', 'modified': '" + NOW + "'}");
		assertThat(ok("client/" + this.tenant.client + "/").path("phone_numbers").toString())
			.isEqualTo("[\"" + url("phonenumber", mobile) + "\",\"" + url("phonenumber", work) + "\"]");

		assertThat(ids("phonenumber/?client__is=" + this.tenant.client)).containsExactly(mobile, work);
		assertThat(ids("phonenumber/?type_code=3")).containsExactly(work);
		assertThat(ids("phonenumber/?number__contains=40")).containsExactly(mobile);
		assertThat(ids("phonenumber/?ordering=-id")).containsExactly(work, mobile);
		assertThat(ok("phonenumber/?page_size=1&page=2").path("results").get(0).path("id").asLong()).isEqualTo(work);
		assertThat(ok("phonenumber/?expose_client").path("results").get(0).path("client").path("lastname").asString())
			.isEqualTo("Virtanen");
		assertRefused("phonenumber/?type_code=mobile", "type_code");
		// a parameter that names no field is ignored, as the other lists ignore it
		assertThat(ids("phonenumber/?colour=red")).containsExactly(mobile, work);

		TestTenant other = newTenant();
		assertThat(other.api.get(cloud(other, "phonenumber/" + mobile + "/")).status()).isEqualTo(404);
		assertThat(ok(other, "phonenumber/").path("count").asLong()).isZero();
	}

	@Test
	void aPhoneNumberAddedThroughVetbillsOwnApiIsReadThroughTheCloudApi() {
		ApiResponse added = this.tenant.api.post(this.tenant.path("/clients/" + this.tenant.client + "/phone-numbers"),
				java.util.Map.of("type_code", 2, "number", "09 123 456"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertObject(ok("phonenumber/" + added.id() + "/"),
				"{'id': " + added.id() + ", 'url': '" + url("phonenumber", added.id()) + "', 'client': '"
						+ url("client", this.tenant.client) + "', 'type_code': 2, 'number': '09 123 456',"
						+ " 'description': '', 'created': '" + NOW + "', 'modified': '" + NOW + "'}");
		ApiResponse listed = this.tenant.api.get(this.tenant.path("/clients/" + this.tenant.client + "/phone-numbers"));
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body().get(0).path("number").asString()).isEqualTo("09 123 456");
		ApiResponse refused = this.tenant.api.post(
				this.tenant.path("/clients/" + this.tenant.client + "/phone-numbers"),
				java.util.Map.of("type_code", 7));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.raw()).contains("type_code").contains("number");
		assertThat(this.tenant.apiWith("read")
			.post(this.tenant.path("/clients/" + this.tenant.client + "/phone-numbers"),
					java.util.Map.of("type_code", 1, "number", "1"))
			.status()).isEqualTo(403);
		assertThat(ok("phonenumber/").path("count").asLong()).isEqualTo(1);
	}

	// paymentmethod

	@Test
	void thePaymentMethodsAreThePaymentTypesTakenAtTheDesk() {
		JsonNode list = ok("paymentmethod/");
		assertThat(list.path("count").asLong()).isEqualTo(10);
		assertObject(list.path("results").get(0),
				"{'id': 1, 'url': '" + url("paymentmethod", 1) + "', 'name': 'Card', 'type': 0, 'archived': false}");
		assertThat(list.path("results").findValues("type").stream().map(JsonNode::asInt).toList()).containsExactly(0, 1,
				2, 4, 5, 7, 9, 10, 11, 15);
		assertObject(ok("paymentmethod/3/"), "{'id': 3, 'url': '" + url("paymentmethod", 3)
				+ "', 'name': 'Bank transfer', 'type': 2," + " 'archived': false}");
		// the types vetbill records itself are no desk methods
		assertThat(this.tenant.api.get(cloud(this.tenant, "paymentmethod/9/")).status()).isEqualTo(404);
		assertThat(this.tenant.api.get(cloud(this.tenant, "paymentmethod/4/")).status()).isEqualTo(404);
		assertThat(ids("paymentmethod/?type__in=1,15")).containsExactly(2L, 16L);
		assertThat(ids("paymentmethod/?archived=true")).isEmpty();
		assertThat(ids("paymentmethod/?ordering=-type&page_size=2")).containsExactly(16L, 12L);
		assertThat(ok("paymentmethod/?page_size=4&page=3").path("results").size()).isEqualTo(2);
		assertRefused("paymentmethod/?type=card", "type");
	}

	// user

	@Test
	void theClinicsUsersAreListedWithoutTheirPasswords() {
		Credentials credentials = this.tenant.bean(Credentials.class);
		long frontDesk = credentials
			.createUser(this.tenant.caller,
					new Credentials.NewUser("frontdesk", "Liisa Maria Korhonen", "secret-password", List.of("billing")))
			.id();
		long manager = credentials
			.createUser(this.tenant.caller,
					new Credentials.NewUser("manager", "Manager", "another-password", List.of("read", "settings"),
							"manager@clinic.example"))
			.id();
		JsonNode list = ok("user/");
		assertThat(list.path("count").asLong()).isEqualTo(2);
		assertObject(list.path("results").get(0),
				"{'id': " + frontDesk + ", 'url': '" + url("user", frontDesk) + "', 'username': 'frontdesk',"
						+ " 'first_name': 'Liisa', 'last_name': 'Maria Korhonen', 'email': '', 'title': '',"
						+ " 'is_active': true, 'created': '" + NOW + "', 'modified': '" + NOW + "'}");
		assertObject(ok("user/" + manager + "/"),
				"{'id': " + manager + ", 'url': '" + url("user", manager) + "', 'username': 'manager',"
						+ " 'first_name': 'Manager', 'last_name': '', 'email': 'manager@clinic.example', 'title': '',"
						+ " 'is_active': true," + " 'created': '" + NOW + "', 'modified': '" + NOW + "'}");
		assertThat(list.toString()).doesNotContain("password").doesNotContain("$2");
		assertThat(ids("user/?username=manager")).containsExactly(manager);
		assertThat(ids("user/?is_active=true&ordering=-username")).containsExactly(manager, frontDesk);
		assertRefused("user/?is_active=perhaps", "is_active");
		assertThat(ids("user/?password=x&ordering=username")).containsExactly(frontDesk, manager);

		TestTenant other = newTenant();
		assertThat(other.api.get(cloud(other, "user/" + frontDesk + "/")).status()).isEqualTo(404);
	}

	// typed catalogues

	@Test
	void theTypedCataloguesListTheItemsOfTheirKindAndAnItemsUrlIsItsTypedPath() {
		Items items = this.tenant.bean(Items.class);
		long gauze = items.create(this.tenant.caller, item("GAUZE", "Gauze", ItemType.SUPPLY)).id();
		long kibble = items.create(this.tenant.caller, item("KIB", "Kibble 2 kg", ItemType.FOOD)).id();
		assertThat(ids("procedure/")).containsExactly(this.tenant.consultationItem);
		assertThat(ids("medicine/")).containsExactly(this.tenant.medicineItem);
		assertThat(ids("supply/")).containsExactly(gauze);
		assertThat(ids("food/")).containsExactly(kibble);
		assertThat(ids("item/")).containsExactly(this.tenant.consultationItem, this.tenant.medicineItem, gauze, kibble);
		assertThat(ids("item/?type_code__in=3,4")).containsExactly(gauze, kibble);

		// the same object, whichever path reads it, with its typed url
		JsonNode medicine = ok("medicine/" + this.tenant.medicineItem + "/");
		assertThat(ok("item/" + this.tenant.medicineItem + "/")).isEqualTo(medicine);
		assertThat(medicine.path("url").asString()).isEqualTo(url("medicine", this.tenant.medicineItem));
		assertThat(medicine.path("type_code").asInt()).isEqualTo(2);
		assertThat(ok("supply/" + gauze + "/").path("url").asString()).isEqualTo(url("supply", gauze));
		assertThat(ok("food/").path("results").get(0).path("url").asString()).isEqualTo(url("food", kibble));
		// an item of another kind is not in the catalogue
		assertThat(this.tenant.api.get(cloud(this.tenant, "procedure/" + this.tenant.medicineItem + "/")).status())
			.isEqualTo(404);
		assertThat(this.tenant.api.get(cloud(this.tenant, "food/" + gauze + "/")).status()).isEqualTo(404);
		// filters, paging and expose work as on item/, and the kind stays fixed under
		// filter_type=or
		assertThat(ids("medicine/?code=CONS&name=Medicine&filter_type=or")).containsExactly(this.tenant.medicineItem);
		assertThat(ok("medicine/?page_size=1").path("count").asLong()).isEqualTo(1);
		assertThat(ok("supply/?expose_vat_group").path("results").get(0).path("vat_group").path("title").asString())
			.isEqualTo("24%");
		assertThat(ids("medicine/?dose=1")).containsExactly(this.tenant.medicineItem);
	}

	@Test
	void theDirectoriesNeedAToken() {
		for (String resource : List.of("phonenumber", "paymentmethod", "user", "procedure", "medicine", "supply",
				"food")) {
			ApiResponse response = this.tenant.anonymous.get(cloud(this.tenant, resource + "/"));
			assertThat(response.status()).as(resource).isEqualTo(401);
			assertThat(this.tenant.apiWith("read").get(cloud(this.tenant, resource + "/")).status()).as(resource)
				.isEqualTo(200);
		}
	}

	// helpers

	private ItemDetails item(String code, String name, ItemType type) {
		return new ItemDetails(code, name, new BigDecimal("3.50"), this.tenant.vat24, "3200", null, null, null, null,
				null, null, false, type.code());
	}

	private static String cloud(TestTenant tenant, String path) {
		return "/" + tenant.provetId + "/api/0.1/" + path;
	}

	private String url(String resource, long id) {
		return this.tenant.api.baseUrl() + cloud(this.tenant, resource + "/" + id + "/");
	}

	private JsonNode ok(String path) {
		return ok(this.tenant, path);
	}

	private static JsonNode ok(TestTenant tenant, String path) {
		ApiResponse response = tenant.api.get(cloud(tenant, path));
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
		return response.body();
	}

	private List<Long> ids(String path) {
		return ok(path).path("results").findValues("id").stream().map(JsonNode::asLong).toList();
	}

	private void assertRefused(String path, String parameter) {
		ApiResponse response = this.tenant.api.get(cloud(this.tenant, path));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body().propertyNames()).containsExactly(parameter);
	}

	private static void assertObject(JsonNode actual, String expected) {
		assertThat(actual.toString()).isEqualTo(Api.parse(expected.replace('\'', '"')).toString());
	}

}
