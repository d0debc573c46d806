package org.vetbill.api.cloud;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cloud API's invoice fields integrators join on ({@code original_consultation}), the
 * writes the real API has (PUT/PATCH of an invoice's header and of a payment's
 * {@code info}) and Django REST framework's answers to a method an endpoint does not
 * have, over real HTTP.
 */
class CloudBillingWritesIntegrationTests extends IntegrationTest {

	private static final String NOT_EDITABLE = "The invoice is finalized and this field can no longer change; "
			+ "correct it with a credit note (full_refund/ or partial_refund/).";

	private TestTenant tenant;

	private Api api;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.api = this.tenant.api;
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private String absolute(String path) {
		return "http://localhost:" + this.port + cloud(path);
	}

	private long draft() {
		ApiResponse response = this.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private long finalized(long id) {
		ApiResponse response = this.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return id;
	}

	private JsonNode get(String path) {
		ApiResponse response = this.api.get(cloud(path));
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
		return response.body();
	}

	private ApiResponse method(Api client, String method, String path) {
		return client.send(client.request(cloud(path)).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	@Test
	void theInvoiceOfAConsultationAndItsCreditNoteNameTheConsultation() {
		ApiResponse created = this.api.post(this.tenant.path("/consultations"), Map.of("department_id",
				this.tenant.department, "client_id", this.tenant.client, "patient_id", this.tenant.patient));
		long consultation = created.id();
		this.api.post(this.tenant.path("/consultations/" + consultation + "/items"),
				Map.of("item_id", this.tenant.consultationItem, "quantity", 1));
		ApiResponse finalized = this.api.post(this.tenant.path("/consultations/" + consultation + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(201);
		long invoice = finalized.id();
		String url = absolute("consultation/" + consultation + "/");

		JsonNode original = get("invoice/" + invoice + "/");
		assertThat(original.path("consultation").asString()).isEqualTo(url);
		assertThat(original.path("original_consultation").asString()).isEqualTo(url);
		String row = original.path("invoice_row").get(0).asString();
		assertThat(get("consultationitem/?consultation__is=" + consultation).path("results")
			.get(0)
			.path("invoicerow")
			.asString()).isEqualTo(row);

		ApiResponse refund = this.api.post(cloud("invoice/" + invoice + "/full_refund/"), Map.of());
		assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
		long note = refund.id();
		assertThat(refund.body().path("credit_note").asBoolean()).isTrue();
		assertThat(refund.body().path("consultation").isNull()).isTrue();
		assertThat(refund.body().path("original_consultation").asString()).isEqualTo(url);
		JsonNode listed = get("invoice/?credit_note__is=true").path("results").get(0);
		assertThat(listed.path("id").asLong()).isEqualTo(note);
		assertThat(listed.path("original_consultation").asString()).isEqualTo(url);
		// the item stays billed on the original's row, not on the credit note's
		assertThat(get("consultationitem/?consultation__is=" + consultation).path("results")
			.get(0)
			.path("invoicerow")
			.asString()).isEqualTo(row);

		// an invoice not made from a consultation, and its credit note, have none
		long plain = finalized(draft());
		assertThat(get("invoice/" + plain + "/").path("original_consultation").isNull()).isTrue();
		ApiResponse plainRefund = this.api.post(cloud("invoice/" + plain + "/full_refund/"), Map.of());
		assertThat(plainRefund.body().path("original_consultation").isNull()).isTrue();
	}

	@Test
	void aDraftsHeaderChangesWithPatchAndPutAndReadOnlyFieldsAreIgnored() {
		long id = draft();
		ApiResponse patched = this.api.patch(cloud("invoice/" + id + "/"),
				Map.of("invoice_date", "2026-11-25", "invoice_due_date", "2026-12-20", "additional_reference", "PO-77",
						"remarks", "Deliver to the back door"));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.body().path("invoice_date").asString()).isEqualTo("2026-11-25");
		assertThat(patched.body().path("invoice_due_date").asString()).isEqualTo("2026-12-20");
		assertThat(patched.body().path("additional_reference").asString()).isEqualTo("PO-77");
		assertThat(patched.body().path("remarks").asString()).isEqualTo("Deliver to the back door");
		assertThat(patched.body()).isEqualTo(get("invoice/" + id + "/"));

		// PUT: what a GET gave, changed; read-only fields are ignored, left-out ones kept
		ObjectNode body = (ObjectNode) get("invoice/" + id + "/");
		body.put("remarks", "Changed");
		body.put("status", 3);
		body.put("total", 1000);
		body.put("invoice_number", 99);
		body.remove("invoice_due_date");
		ApiResponse put = this.api.put(cloud("invoice/" + id + "/"), body);
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.body().path("remarks").asString()).isEqualTo("Changed");
		assertThat(put.body().path("status").asInt()).isZero();
		assertThat(put.body().path("total").toString()).isEqualTo(patched.body().path("total").toString());
		assertThat(put.body().path("invoice_number").isNull()).isTrue();
		assertThat(put.body().path("invoice_due_date").asString()).isEqualTo("2026-12-20");

		// null clears a field that may be empty
		ApiResponse cleared = this.api.patch(cloud("invoice/" + id + "/"), nullValued("additional_reference"));
		assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
		assertThat(cleared.body().path("additional_reference").isNull()).isTrue();
		assertThat(cleared.body().path("remarks").asString()).isEqualTo("Changed");
	}

	private static Map<String, Object> nullValued(String field) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(field, null);
		return body;
	}

	@Test
	void badValuesAreA400NamingEachField() {
		long id = draft();
		ApiResponse bad = this.api.patch(cloud("invoice/" + id + "/"), Map.of("invoice_date", "25.11.2026",
				"invoice_due_date", 20261220, "additional_reference", "x".repeat(101)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).isEqualTo("{\"invoice_date\":[\"Date has wrong format. Use one of these formats instead: "
				+ "YYYY-MM-DD.\"],\"invoice_due_date\":[\"Date has wrong format. Use one of these formats instead: "
				+ "YYYY-MM-DD.\"],\"additional_reference\":[\"Ensure this field has no more than 100 characters.\"]}");
		assertThat(get("invoice/" + id + "/").path("invoice_date").isNull()).isTrue();
	}

	@Test
	void aFinalizedInvoiceRefusesAChangeNamingTheFieldButTakesItsOwnValuesBack() {
		long id = finalized(draft());
		JsonNode before = get("invoice/" + id + "/");
		ApiResponse refused = this.api.patch(cloud("invoice/" + id + "/"), Map.of("invoice_date", "2026-11-30"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw()).isEqualTo("{\"invoice_date\":[\"" + NOT_EDITABLE + "\"]}");
		ApiResponse remarks = this.api.put(cloud("invoice/" + id + "/"), Map.of("remarks", "late"));
		assertThat(remarks.raw()).isEqualTo("{\"remarks\":[\"" + NOT_EDITABLE + "\"]}");
		assertThat(get("invoice/" + id + "/")).isEqualTo(before);

		ApiResponse same = this.api.put(cloud("invoice/" + id + "/"), before);
		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertThat(same.body()).isEqualTo(before);
	}

	@Test
	void aPaymentsInfoChangesWithPatchAndNothingElseOfIt() {
		long invoice = finalized(draft());
		ApiResponse paid = this.api.post(cloud("invoicepayment/"), Map.of("invoice",
				absolute("invoice/" + invoice + "/"), "payment_type", 0, "paid", "10.00", "info", "card"));
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		long payment = paid.id();
		this.clock.set("2026-11-21T11:00:00Z");
		ApiResponse patched = this.api.patch(cloud("invoicepayment/" + payment + "/"),
				Map.of("info", "Visa ****1234", "paid", "999.00", "payment_type", 1));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		ObjectNode expected = (ObjectNode) paid.body().deepCopy();
		expected.put("info", "Visa ****1234");
		expected.put("modified", "2026-11-21T13:00:00+02:00");
		assertThat(patched.body()).isEqualTo(expected);
		assertThat(get("invoicepayment/" + payment + "/")).isEqualTo(expected);

		// a form body, as Django REST framework parses it too
		ApiResponse form = this.api.send(this.api.request(cloud("invoicepayment/" + payment + "/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("info=Mastercard+%2A%2A%2A%2A9876&paid=1")));
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		assertThat(form.body().path("info").asString()).isEqualTo("Mastercard ****9876");
		assertThat(form.body().path("paid").toString()).isEqualTo(paid.body().path("paid").toString());

		ApiResponse tooLong = this.api.put(cloud("invoicepayment/" + payment + "/"), Map.of("info", "x".repeat(1001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.raw()).isEqualTo("{\"info\":[\"Ensure this field has no more than 1000 characters.\"]}");
		assertThat(this.api.patch(cloud("invoicepayment/" + (payment + 1000) + "/"), Map.of("info", "x")).raw())
			.isEqualTo("{\"detail\":\"Not found.\"}");
	}

	@Test
	void aMethodAnEndpointDoesNotHaveIsA405ListingTheOnesItHas() {
		long invoice = finalized(draft());
		ApiResponse delete = method(this.api, "DELETE", "invoice/" + invoice + "/");
		assertThat(delete.status()).isEqualTo(405);
		assertThat(delete.header("Allow")).contains("GET, PUT, PATCH, HEAD, OPTIONS");
		assertThat(delete.raw()).isEqualTo("{\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}");
		ApiResponse post = method(this.api, "POST", "invoice/");
		assertThat(post.status()).isEqualTo(405);
		assertThat(post.header("Allow")).contains("GET, HEAD, OPTIONS");
		assertThat(post.raw()).isEqualTo("{\"detail\":\"Method \\\"POST\\\" not allowed.\"}");
		ApiResponse putRow = method(this.api, "PUT", "invoicerow/1/");
		assertThat(putRow.status()).isEqualTo(405);
		assertThat(putRow.header("Allow")).contains("GET, HEAD, OPTIONS");
		assertThat(method(this.api, "DELETE", "invoicepayment/1/").header("Allow"))
			.contains("GET, PUT, PATCH, HEAD, OPTIONS");
		assertThat(method(this.api, "DELETE", "invoicepayment/").header("Allow")).contains("GET, POST, HEAD, OPTIONS");
	}

	@Test
	void aCallerThatMayOnlyReadGets403OnUnsafeMethodsNot405() {
		long invoice = finalized(draft());
		Api reader = this.tenant.apiWith("read");
		String forbidden = "{\"detail\":\"You do not have permission to perform this action.\"}";
		for (String method : List.of("DELETE", "POST", "PUT", "PATCH")) {
			ApiResponse refused = method(reader, method, "invoice/" + invoice + "/");
			assertThat(refused.status()).as(method).isEqualTo(403);
			assertThat(refused.raw()).as(method).isEqualTo(forbidden);
		}
		assertThat(method(reader, "DELETE", "invoicerow/1/").status()).isEqualTo(403);
		assertThat(method(reader, "GET", "invoice/" + invoice + "/").status()).isEqualTo(200);
		ApiResponse anonymous = method(this.tenant.anonymous, "DELETE", "invoice/" + invoice + "/");
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void optionsOnADetailDescribesItsPutFromTheOpenApiSchemas() {
		long invoice = draft();
		ApiResponse options = method(this.api, "OPTIONS", "invoice/" + invoice + "/");
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.header("Allow")).contains("GET, PUT, PATCH, HEAD, OPTIONS");
		JsonNode body = options.body();
		assertThat(body.path("name").asString()).isEqualTo("Invoice Instance");
		assertThat(body.path("description").asString()).startsWith("Invoices as the clinic side created");
		assertThat(body.path("renders").toString()).isEqualTo("[\"application/json\"]");
		assertThat(body.path("parses").toString())
			.isEqualTo("[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]");
		JsonNode put = body.path("actions").path("PUT");
		assertThat(put.path("invoice_date").toString())
			.isEqualTo("{\"type\":\"date\",\"required\":false,\"read_only\":false,\"label\":\"Invoice date\"}");
		assertThat(put.path("remarks").toString()).isEqualTo(
				"{\"type\":\"string\",\"required\":false,\"read_only\":false,\"label\":\"Remarks\",\"max_length\":2000}");
		assertThat(put.path("additional_reference").toString())
			.isEqualTo("{\"type\":\"string\",\"required\":false,\"read_only\":false,"
					+ "\"label\":\"Additional reference\",\"max_length\":100}");
		assertThat(put.path("id").toString())
			.isEqualTo("{\"type\":\"integer\",\"required\":false,\"read_only\":true,\"label\":\"Id\"}");
		assertThat(put.path("client").toString())
			.isEqualTo("{\"type\":\"field\",\"required\":false,\"read_only\":true,\"label\":\"Client\"}");
		assertThat(put.path("total").toString())
			.isEqualTo("{\"type\":\"decimal\",\"required\":false,\"read_only\":true,\"label\":\"Total\"}");
		assertThat(put.path("status").toString())
			.isEqualTo("{\"type\":\"choice\",\"required\":false,\"read_only\":true,\"label\":\"Status\"}");
		// every field of an invoice, in the order it is written
		assertThat(new ArrayList<>(put.propertyNames()))
			.containsExactlyElementsOf(new ArrayList<>(get("invoice/" + invoice + "/").propertyNames()));
		// a caller that may only read is told of no action
		JsonNode read = method(this.tenant.apiWith("read"), "OPTIONS", "invoice/" + invoice + "/").body();
		assertThat(read.has("actions")).isFalse();
		assertThat(read.path("name").asString()).isEqualTo("Invoice Instance");
	}

	@Test
	void optionsOnAListDescribesItsPostAndOnAReadOnlyEndpointNoAction() {
		JsonNode payments = method(this.api, "OPTIONS", "invoicepayment/").body();
		assertThat(payments.path("name").asString()).isEqualTo("Invoice Payment List");
		JsonNode post = payments.path("actions").path("POST");
		assertThat(post.path("invoice").toString())
			.isEqualTo("{\"type\":\"field\",\"required\":true,\"read_only\":false,\"label\":\"Invoice\"}");
		assertThat(post.path("paid").toString())
			.isEqualTo("{\"type\":\"decimal\",\"required\":true,\"read_only\":false,\"label\":\"Paid\"}");
		assertThat(post.path("info").toString()).isEqualTo(
				"{\"type\":\"string\",\"required\":false,\"read_only\":false,\"label\":\"Info\",\"max_length\":1000}");
		assertThat(post.path("payment_type").path("type").asString()).isEqualTo("choice");
		assertThat(post.path("payment_type").path("choices").get(0).toString())
			.isEqualTo("{\"value\":0,\"display_name\":\"0\"}");
		assertThat(post.path("cancelled").path("read_only").asBoolean()).isTrue();

		ApiResponse rows = method(this.api, "OPTIONS", "invoicerow/");
		assertThat(rows.status()).isEqualTo(200);
		assertThat(rows.header("Allow")).contains("GET, HEAD, OPTIONS");
		assertThat(rows.raw()).isEqualTo("{\"name\":\"Invoice Row List\",\"description\":\"Invoice rows with their "
				+ "figures, GL account and reporting dimensions (read-only).\",\"renders\":[\"application/json\"],"
				+ "\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]}");
		assertThat(method(this.api, "OPTIONS", "nosuchthing/").raw()).isEqualTo("{\"detail\":\"Not found.\"}");
		assertThat(method(this.api, "GET", "nosuchthing/").status()).isEqualTo(404);
		assertThat(method(this.tenant.anonymous, "OPTIONS", "invoicerow/").status()).isEqualTo(401);
	}

}
