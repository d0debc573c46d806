package org.vetbill.webhooks;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.shared.query.Operator;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hook/webhook/} and {@code hook/queue/} of the Cloud API over real HTTP: a
 * webhook's whole life (create, read, list, change, replace, rotate its secret, delete),
 * in JSON and form encoding, every validation error in DRF's shape, the settings
 * permission, tenancy, and the delivery log with its filters.
 */
class WebhookIntegrationTests extends WebhookIntegrationTest {

	private ApiResponse send(String method, String path, Object body) {
		return this.tenant.api.send(this.tenant.api.request(cloud(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(toJson(body))));
	}

	private static String toJson(Object body) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}

	private static Map<String, @Nullable Object> body(@Nullable Object... pairs) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	/**
	 * The fields of a webhook without its secret and times, which are checked apart.
	 */
	private static JsonNode withoutVolatile(JsonNode webhook) {
		ObjectNode copy = (ObjectNode) webhook.deepCopy();
		assertThat(copy.remove("secret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(copy.remove("created").asString()).matches(DATE_TIME);
		assertThat(copy.remove("modified").asString()).matches(DATE_TIME);
		return copy;
	}

	private String expected(long id, int trigger, String name, boolean active, @Nullable String department,
			String targetUrl, int contentType) {
		return "{\"id\":" + id + ",\"url\":\"" + absolute("hook/webhook/" + id + "/") + "\",\"trigger\":" + trigger
				+ ",\"name\":\"" + name + "\",\"active\":" + active + ",\"department\":"
				+ ((department != null) ? "\"" + department + "\"" : "null") + ",\"target_url\":\"" + targetUrl
				+ "\",\"content_type\":" + contentType + "}";
	}

	@Test
	void aWebhookIsCreatedReadListedChangedReplacedRotatedAndDeleted() {
		JsonNode created = created(this.tenant.api.post(cloud("hook/webhook/"), body("trigger", 9, "name",
				"ERP invoices", "target_url", "https://erp.example.com/hooks/vetbill?x=1", "content_type", 2)));
		long id = created.path("id").asLong();
		assertThat(new ArrayList<>(created.propertyNames())).containsExactly("id", "url", "trigger", "name", "active",
				"department", "target_url", "content_type", "secret", "created", "modified");
		assertThat(withoutVolatile(created)).isEqualTo(
				Api.parse(expected(id, 9, "ERP invoices", true, null, "https://erp.example.com/hooks/vetbill?x=1", 2)));
		String secret = created.path("secret").asString();

		assertThat(ok(this.tenant.api.get(cloud("hook/webhook/" + id + "/")))).isEqualTo(created);
		JsonNode list = ok(this.tenant.api.get(cloud("hook/webhook/")));
		assertThat(list.path("count").asInt()).isEqualTo(1);
		assertThat(list.path("results").get(0)).isEqualTo(created);

		String department = absolute("department/" + this.tenant.department + "/");
		JsonNode patched = ok(send("PATCH", "hook/webhook/" + id + "/",
				body("active", false, "department", department, "secret", "whsec_ignored", "id", 1)));
		assertThat(withoutVolatile(patched)).isEqualTo(Api
			.parse(expected(id, 9, "ERP invoices", false, department, "https://erp.example.com/hooks/vetbill?x=1", 2)));
		assertThat(patched.path("secret").asString()).isEqualTo(secret);
		assertThat(patched.path("created").asString()).isEqualTo(created.path("created").asString());
		assertThat(ok(this.tenant.api.get(cloud("hook/webhook/?expose_department"))).path("results")
			.get(0)
			.path("department")
			.path("name")
			.asString()).isEqualTo("Main");

		JsonNode replaced = ok(
				send("PUT", "hook/webhook/" + id + "/", body("trigger", 12, "target_url", "http://127.0.0.1:9/in")));
		assertThat(withoutVolatile(replaced))
			.isEqualTo(Api.parse(expected(id, 12, "", true, null, "http://127.0.0.1:9/in", 1)));
		assertThat(replaced.path("secret").asString()).isEqualTo(secret);

		JsonNode rotated = ok(this.tenant.api.post(cloud("hook/webhook/" + id + "/rotate_secret/"), null));
		assertThat(withoutVolatile(rotated)).isEqualTo(withoutVolatile(replaced));
		assertThat(rotated.path("secret").asString()).isNotEqualTo(secret);
		assertThat(ok(this.tenant.api.get(cloud("hook/webhook/" + id + "/"))).path("secret"))
			.isEqualTo(rotated.path("secret"));

		ApiResponse deleted = this.tenant.api.delete(cloud("hook/webhook/" + id + "/"));
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.raw()).isEmpty();
		assertRefused(this.tenant.api.get(cloud("hook/webhook/" + id + "/")), 404, "{\"detail\":\"Not found.\"}");
		assertRefused(this.tenant.api.delete(cloud("hook/webhook/" + id + "/")), 404, "{\"detail\":\"Not found.\"}");
		assertThat(ok(this.tenant.api.get(cloud("hook/webhook/"))).path("count").asInt()).isZero();
	}

	@Test
	void aWebhookMayBeCreatedWithAFormAndDefaultsToFormDeliveriesOfTheWholeOrganization() {
		JsonNode created = created(this.tenant.api.postForm(cloud("hook/webhook/"),
				"trigger=11&target_url=" + TestTenant.encode("https://erp.example.com/payments") + "&active=false"));
		assertThat(withoutVolatile(created)).isEqualTo(Api
			.parse(expected(created.path("id").asLong(), 11, "", false, null, "https://erp.example.com/payments", 1)));
	}

	@Test
	void wrongInputIsRefusedNamingEachField() {
		assertRefused(this.tenant.api.post(cloud("hook/webhook/"), body()), 400,
				"{\"trigger\":[\"This field is required.\"],\"target_url\":[\"This field is required.\"]}");
		assertRefused(
				this.tenant.api.post(cloud("hook/webhook/"),
						body("trigger", "nine", "target_url", 5, "content_type", "json", "active", "maybe")),
				400, "{\"trigger\":[\"A valid integer is required.\"],\"active\":[\"Must be a valid boolean.\"],"
						+ "\"content_type\":[\"A valid integer is required.\"]}");
		assertRefused(
				this.tenant.api.post(cloud("hook/webhook/"),
						body("trigger", 99, "name", "x".repeat(201), "target_url", "ftp://erp.example.com/in",
								"content_type", 3)),
				400, "{\"name\":[\"Ensure this field has no more than 200 characters.\"]}");
		assertRefused(
				this.tenant.api.post(cloud("hook/webhook/"),
						body("trigger", 99, "target_url", "ftp://erp.example.com/in", "content_type", 3, "department",
								absolute("department/999999999/"))),
				400,
				"{\"trigger\":[\"\\\"99\\\" is not a valid choice; the supported triggers are [9, 10, 11, 12, 23, 45, 63].\"],"
						+ "\"department\":[\"Invalid hyperlink - Object does not exist.\"],"
						+ "\"target_url\":[\"Enter a valid URL: an absolute http:// or https:// URL.\"],"
						+ "\"content_type\":[\"\\\"3\\\" is not a valid choice; use 1 (application/x-www-form-urlencoded) or 2 (application/json).\"]}");
		for (String url : new String[] { "/hooks/in", "erp.example.com/in", "https://", "http:///in", "not a url",
				"mailto:erp@example.com" }) {
			assertRefused(this.tenant.api.post(cloud("hook/webhook/"), body("trigger", 9, "target_url", url)), 400,
					"{\"target_url\":[\"Enter a valid URL: an absolute http:// or https:// URL.\"]}");
		}
		assertRefused(
				this.tenant.api.post(cloud("hook/webhook/"),
						body("trigger", 9, "target_url", "https://erp.example.com/in#part")),
				400, "{\"target_url\":[\"Enter a URL without a #fragment: it is never sent to the server.\"]}");

		TestTenant other = newTenant();
		assertRefused(
				this.tenant.api.post(cloud("hook/webhook/"),
						body("trigger", 9, "target_url", "https://erp.example.com/in", "department",
								"http://localhost:" + this.port + "/" + other.provetId + "/api/0.1/department/"
										+ other.department + "/")),
				400, "{\"department\":[\"Invalid hyperlink - Incorrect URL match.\"]}");
		assertRefused(
				this.tenant.api.post(cloud("hook/webhook/"),
						body("trigger", 9, "target_url", "https://erp.example.com/in", "department", other.department)),
				400, "{\"department\":[\"Invalid hyperlink - Object does not exist.\"]}");

		long id = webhook(9, "/in", 1, null).path("id").asLong();
		assertRefused(send("PATCH", "hook/webhook/" + id + "/", body("target_url", null)), 400,
				"{\"target_url\":[\"This field is required.\"]}");
		assertRefused(send("PUT", "hook/webhook/" + id + "/", body("trigger", 10)), 400,
				"{\"target_url\":[\"This field is required.\"]}");
		assertRefused(send("PATCH", "hook/webhook/" + id + "/", body("trigger", 14)), 400,
				"{\"trigger\":[\"\\\"14\\\" is not a valid choice; the supported triggers are [9, 10, 11, 12, 23, 45, 63].\"]}");
		assertThat(ok(this.tenant.api.get(cloud("hook/webhook/" + id + "/"))).path("trigger").asInt()).isEqualTo(9);
		assertRefused(this.tenant.api.get(cloud("hook/webhook/?trigger__is=x")), 400,
				"{\"trigger__is\":[\"'x' is not a whole number.\"]}");
	}

	@Test
	void everyWebhookEndpointNeedsTheSettingsPermission() {
		long id = webhook(9, "/in", 1, null).path("id").asLong();
		Api erp = this.tenant.apiWith("read", "billing");
		String forbidden = "{\"detail\":\"You do not have permission to perform this action.\"}";
		assertRefused(erp.get(cloud("hook/webhook/")), 403, forbidden);
		assertRefused(erp.get(cloud("hook/webhook/" + id + "/")), 403, forbidden);
		assertRefused(erp.post(cloud("hook/webhook/"), body("trigger", 9, "target_url", "https://e.example/")), 403,
				forbidden);
		assertRefused(erp.delete(cloud("hook/webhook/" + id + "/")), 403, forbidden);
		assertRefused(erp.post(cloud("hook/webhook/" + id + "/rotate_secret/"), null), 403, forbidden);
		assertRefused(erp.get(cloud("hook/queue/")), 403, forbidden);
		assertRefused(this.tenant.anonymous.get(cloud("hook/webhook/")), 401,
				"{\"detail\":\"Authentication credentials were not provided.\"}");
		assertThat(this.tenant.apiWith("settings").get(cloud("hook/webhook/" + id + "/")).status()).isEqualTo(200);
	}

	@Test
	void anotherTenantsWebhooksAndQueueAreNotFound() {
		long id = webhook(12, "/in", 1, null).path("id").asLong();
		prepayment(this.tenant.department);
		long delivery = queue("").get(0).path("id").asLong();
		TestTenant other = newTenant();
		String base = "/" + other.provetId + "/api/0.1/";
		assertRefused(other.api.get(base + "hook/webhook/" + id + "/"), 404, "{\"detail\":\"Not found.\"}");
		assertRefused(send(other, "PATCH", base + "hook/webhook/" + id + "/", body("active", false)), 404,
				"{\"detail\":\"Not found.\"}");
		assertRefused(other.api.delete(base + "hook/webhook/" + id + "/"), 404, "{\"detail\":\"Not found.\"}");
		assertRefused(other.api.get(base + "hook/queue/" + delivery + "/"), 404, "{\"detail\":\"Not found.\"}");
		assertThat(ok(other.api.get(base + "hook/webhook/")).path("count").asInt()).isZero();
		assertThat(ok(other.api.get(base + "hook/queue/")).path("count").asInt()).isZero();
		assertThat(ok(this.tenant.api.get(cloud("hook/webhook/" + id + "/"))).path("active").asBoolean()).isTrue();
	}

	private static ApiResponse send(TestTenant tenant, String method, String path, Object body) {
		return tenant.api.send(tenant.api.request(path)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(toJson(body))));
	}

	@Test
	void theQueueIsTheDeliveryLogWithFilters() {
		long hook = webhook(12, "/in", 2, null).path("id").asLong();
		long other = webhook(9, "/other", 2, null).path("id").asLong();
		long prepayment = prepayment(this.tenant.department);
		JsonNode entry = queue("webhook=" + hook).get(0);
		long id = entry.path("id").asLong();
		JsonNode delivered = awaitState(id, "delivered");
		assertThat(new ArrayList<>(delivered.propertyNames())).containsExactly("id", "url", "webhook", "trigger",
				"object_type", "object_id", "state", "attempts", "last_attempt", "last_status", "last_error",
				"next_try", "created", "modified");
		ObjectNode fixed = (ObjectNode) delivered.deepCopy();
		assertThat(fixed.remove("last_attempt").asString()).matches(DATE_TIME);
		assertThat(fixed.remove("created").asString()).matches(DATE_TIME);
		assertThat(fixed.remove("modified").asString()).matches(DATE_TIME);
		assertThat(fixed).isEqualTo(Api.parse("{\"id\":" + id + ",\"url\":\"" + absolute("hook/queue/" + id + "/")
				+ "\",\"webhook\":\"" + absolute("hook/webhook/" + hook + "/")
				+ "\",\"trigger\":12,\"object_type\":\"unallocatedpayment\",\"object_id\":" + prepayment
				+ ",\"state\":\"delivered\",\"attempts\":1,\"last_status\":200,\"last_error\":null,\"next_try\":null}"));

		assertThat(queue("")).hasSize(1);
		assertThat(queue("webhook=" + other)).isEmpty();
		assertThat(queue("state=delivered&trigger=12&object_type=unallocatedpayment&object_id=" + prepayment))
			.hasSize(1);
		assertThat(queue("state__in=pending,failed")).isEmpty();
		assertThat(delivery(id).path("webhook").asString()).isEqualTo(absolute("hook/webhook/" + hook + "/"));
		assertThat(ok(this.tenant.api.get(cloud("hook/queue/" + id + "/?expose_webhook"))).path("webhook")
			.path("trigger")
			.asInt()).isEqualTo(12);
		// a parameter that names no filterable field is ignored, as DRF ignores it
		assertThat(queue("status=1")).hasSize(1);
		assertRefused(this.tenant.api.get(cloud("hook/queue/?state__like=x")), 400,
				"{\"state__like\":[\"Unknown filter operator 'like'. Operators: " + Operator.allNames() + ".\"]}");
		assertRefused(this.tenant.api.get(cloud("hook/queue/999999999/")), 404, "{\"detail\":\"Not found.\"}");
	}

	@Test
	void aDepartmentOfTheTenantMayBeNamedByItsId() {
		long second = this.tenant.bean(Departments.class)
			.create(this.tenant.caller, new DepartmentDetails("Branch", "BR", false))
			.id();
		JsonNode created = created(this.tenant.api.post(cloud("hook/webhook/"),
				body("trigger", 63, "target_url", "https://erp.example.com/settings", "department", second)));
		assertThat(created.path("department").asString()).isEqualTo(absolute("department/" + second + "/"));
		JsonNode cleared = ok(
				send("PATCH", "hook/webhook/" + created.path("id").asLong() + "/", body("department", null)));
		assertThat(cleared.path("department").isNull()).isTrue();
	}

	private static void assertRefused(ApiResponse response, int status, String body) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.raw()).isEqualTo(body);
	}

}
