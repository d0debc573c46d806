package org.vetbill.api.cloud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vetbill.audit.AuditEvent;
import org.vetbill.audit.AuditTrail;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.MoneyIntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cloud API's money endpoints over real HTTP, as the billing guide describes them:
 * {@code invoicepayment/} with {@code cancel_payment}, {@code full_refund} and
 * {@code partial_refund} credit notes, {@code unallocatedpayment/} with refunds,
 * {@code external_info} and {@code cancel}, the financial period lock, Idempotency-Key
 * and the audit log. Errors are checked byte for byte in DRF's shape.
 */
class CloudMoneyIntegrationTests extends MoneyIntegrationTest {

	private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

	private static final String REQUIRED = "[\"This field is required.\"]";

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private String absolute(String path) {
		return "http://localhost:" + this.port + cloud(path);
	}

	private long draft() {
		ApiResponse response = this.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows", List.of(
						Map.of("item_id", this.tenant.consultationItem, "quantity", 2, "patient_id",
								this.tenant.patient),
						Map.of("item_id", this.tenant.medicineItem, "quantity", "3", "percentage_change", -10))));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	/** A finalized invoice of 160.69: rows of 124.00 and 36.69. */
	private long invoice() {
		return finalize(draft(), null);
	}

	private long finalize(long id, Map<String, Object> body) {
		ApiResponse response = this.api.post(this.tenant.path("/invoices/" + id + "/finalize"), body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return id;
	}

	private JsonNode get(String path) {
		ApiResponse response = this.api.get(cloud(path));
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
		return response.body();
	}

	private ApiResponse post(String path, Object body) {
		return this.api.post(cloud(path), body);
	}

	private JsonNode created(String path, Object body) {
		ApiResponse response = post(path, body);
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(201);
		return response.body();
	}

	private JsonNode pay(long invoice, String paid) {
		return created("invoicepayment/",
				Map.of("invoice", absolute("invoice/" + invoice + "/"), "payment_type", 1, "paid", paid));
	}

	private JsonNode cancel(long payment, String info) {
		return created("invoicepayment/" + payment + "/cancel_payment/",
				Map.of("info", info, "cancel_date", "2026-11-20T09:00:00"));
	}

	private void settings(Map<String, Object> changes) {
		ApiResponse response = this.api.patch(cloud("settings/department/" + this.tenant.department + "/"), changes);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private void assertRefused(ApiResponse response, int status, String body) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.raw()).isEqualTo(body);
	}

	private void assertRefused(String path, Object body, String expected) {
		assertRefused(post(path, body), 400, expected);
	}

	private static List<String> keys(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private static List<Long> ids(JsonNode envelope) {
		List<Long> ids = new ArrayList<>();
		envelope.path("results").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.asString()));
		return texts;
	}

	private static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	@Test
	void aPaymentInTheSeedsShapeIsRecordedAndShowsOnTheInvoice() {
		long invoice = invoice();
		String modifiedBefore = get("invoice/" + invoice + "/").path("modified").asString();
		this.clock.set("2026-11-21T10:05:00Z");
		JsonNode payment = created("invoicepayment/", body("invoice", absolute("invoice/" + invoice + "/"),
				"payment_type", 1, "paid", "124.00", "date_added", "2024-03-20T14:00:00"));
		assertThat(keys(payment)).containsExactly("id", "url", "invoice", "payment_type", "paid", "date_added", "info",
				"cancelled", "cancelled_payment", "cancellation", "unallocated_payment", "credit_note", "department",
				"created", "modified");
		long id = payment.path("id").asLong();
		assertThat(payment.path("id").isIntegralNumber()).isTrue();
		assertThat(payment.path("url").asString()).isEqualTo(absolute("invoicepayment/" + id + "/"));
		assertThat(payment.path("invoice").asString()).isEqualTo(absolute("invoice/" + invoice + "/"));
		assertThat(payment.path("payment_type").isIntegralNumber()).isTrue();
		assertThat(payment.path("payment_type").asInt()).isEqualTo(1);
		assertThat(payment.path("paid").isNumber()).isTrue();
		assertThat(payment.path("paid").toString()).isEqualTo("124.00");
		assertThat(payment.path("date_added").asString()).isEqualTo("2024-03-20T14:00:00+02:00");
		assertThat(payment.path("info").isNull()).isTrue();
		assertThat(payment.path("cancelled").isBoolean()).isTrue();
		assertThat(payment.path("cancelled").asBoolean()).isFalse();
		assertThat(payment.path("cancelled_payment").isNull()).isTrue();
		assertThat(payment.path("cancellation").isNull()).isTrue();
		assertThat(payment.path("unallocated_payment").isNull()).isTrue();
		assertThat(payment.path("credit_note").isNull()).isTrue();
		assertThat(payment.path("department").asString())
			.isEqualTo(absolute("department/" + this.tenant.department + "/"));
		assertThat(payment.path("created").asString()).matches(DATE_TIME).isEqualTo("2026-11-21T12:05:00+02:00");
		assertThat(payment.path("modified").asString()).matches(DATE_TIME);

		JsonNode partly = get("invoice/" + invoice + "/");
		assertThat(partly.path("due_sum").toString()).isEqualTo("36.69");
		assertThat(partly.path("paid_amount").toString()).isEqualTo("124.00");
		assertThat(partly.path("date_paid").isNull()).isTrue();
		assertThat(partly.path("modified").asString()).isNotEqualTo(modifiedBefore)
			.isEqualTo("2026-11-21T12:05:00+02:00");
		assertThat(texts(partly.path("invoice_payment"))).containsExactly(absolute("invoicepayment/" + id + "/"));

		// a bare id and a JSON number are accepted too
		this.clock.set("2026-11-21T10:10:00Z");
		JsonNode rest = created("invoicepayment/", Map.of("invoice", invoice, "payment_type", 2, "paid",
				new java.math.BigDecimal("36.69"), "date_added", "2026-11-21T12:10:00+02:00"));
		assertThat(rest.path("paid").toString()).isEqualTo("36.69");
		assertThat(rest.path("payment_type").asInt()).isEqualTo(2);
		JsonNode paid = get("invoice/" + invoice + "/");
		assertThat(paid.path("due_sum").toString()).isEqualTo("0.00");
		assertThat(paid.path("date_paid").asString()).isEqualTo("2026-11-21T12:10:00+02:00");
		assertThat(texts(paid.path("invoice_payment"))).containsExactly(absolute("invoicepayment/" + id + "/"),
				absolute("invoicepayment/" + rest.path("id").asLong() + "/"));
		JsonNode decimalString = created("invoicepayment/",
				Map.of("invoice", String.valueOf(invoice()), "payment_type", 0, "paid", "0.01"));
		assertThat(decimalString.path("paid").toString()).isEqualTo("0.01");

		JsonNode list = get("invoicepayment/?invoice__is=" + invoice);
		assertThat(list.path("count").asLong()).isEqualTo(2);
		assertThat(ids(list)).containsExactly(id, rest.path("id").asLong());
		assertThat(list.path("results").get(0)).isEqualTo(payment);
		assertThat(get("invoicepayment/" + id + "/")).isEqualTo(payment);
		assertThat(get("invoicepayment/").path("count").asLong()).isEqualTo(3);
		assertRefused(this.api.get(cloud("invoicepayment/999999999/")), 404, "{\"detail\":\"Not found.\"}");
	}

	@Test
	void paymentsTheRulesRefuseAreA400NamingTheField() {
		long invoice = invoice();
		String url = absolute("invoice/" + invoice + "/");
		long draft = draft();
		assertRefused("invoicepayment/", body("invoice", draft, "payment_type", 1, "paid", "1.00"),
				"{\"invoice\":[\"invoice " + draft
						+ " has status 0; payments are accepted only on finalized invoices (status 3)\"]}");
		long invoicing = finalize(draft(), Map.of("status", 4));
		assertRefused("invoicepayment/", body("invoice", invoicing, "payment_type", 1, "paid", "1.00"),
				"{\"invoice\":[\"invoice " + invoicing
						+ " has status 4; payments are accepted only on finalized invoices (status 3)\"]}");
		long voided = invoice();
		ApiResponse voiding = this.api.post(this.tenant.path("/invoices/" + voided + "/void"), null);
		assertThat(voiding.status()).as(voiding.toString()).isEqualTo(200);
		assertRefused("invoicepayment/", body("invoice", voided, "payment_type", 1, "paid", "1.00"),
				"{\"invoice\":[\"invoice " + voided
						+ " has status 99; payments are accepted only on finalized invoices (status 3)\"]}");
		assertRefused("invoicepayment/", body("invoice", url, "payment_type", 8, "paid", "1.00"),
				"{\"payment_type\":[\"Payment type 8 (prepayment) is not accepted here; prepayments are applied to invoices by the clinic.\"]}");
		ApiResponse unknownType = post("invoicepayment/", body("invoice", url, "payment_type", 13, "paid", "1.00"));
		assertThat(unknownType.status()).isEqualTo(400);
		assertThat(keys(unknownType.body())).containsExactly("payment_type");
		assertThat(unknownType.get("payment_type").get(0).asString()).startsWith("\"13\" is not a valid choice");
		String notPositive = "{\"paid\":[\"a payment must be more than zero; a wrong payment is reversed with cancel_payment, a refund is made with a credit note\"]}";
		assertRefused("invoicepayment/", body("invoice", url, "payment_type", 1, "paid", "0"), notPositive);
		assertRefused("invoicepayment/", body("invoice", url, "payment_type", 1, "paid", "-5.00"), notPositive);
		assertRefused("invoicepayment/", body("invoice", url, "payment_type", 1, "paid", "1.005"),
				"{\"paid\":[\"Ensure that there are no more than 2 decimal places (EUR).\"]}");
		assertRefused("invoicepayment/", body("invoice", url, "payment_type", 1, "paid", "abc"),
				"{\"paid\":[\"A valid number is required.\"]}");
		assertRefused("invoicepayment/", body("invoice", url, "payment_type", 1, "paid", "160.70"),
				"{\"paid\":[\"paid 160.70 is more than the 160.69 still due on invoice " + invoice
						+ "; overpayments are not accepted\"]}");
		assertRefused("invoicepayment/", Map.of(),
				"{\"invoice\":" + REQUIRED + ",\"payment_type\":" + REQUIRED + ",\"paid\":" + REQUIRED + "}");
		assertRefused("invoicepayment/",
				body("invoice", absolute("client/" + this.tenant.client + "/"), "payment_type", 1, "paid", "1.00"),
				"{\"invoice\":[\"Invalid hyperlink - Incorrect URL match.\"]}");
		assertRefused("invoicepayment/", body("invoice", "not a link", "payment_type", 1, "paid", "1.00"),
				"{\"invoice\":[\"Invalid hyperlink - No URL match.\"]}");
		assertRefused("invoicepayment/",
				body("invoice", absolute("invoice/999999999/"), "payment_type", 1, "paid", "1.00"),
				"{\"invoice\":[\"Invalid hyperlink - invoice 999999999 does not exist.\"]}");

		TestTenant other = newTenant();
		ApiResponse theirs = other.api.post("/" + other.provetId + "/api/0.1/invoicepayment/", body("invoice",
				"/" + other.provetId + "/api/0.1/invoice/" + invoice + "/", "payment_type", 1, "paid", "1.00"));
		assertRefused(theirs, 400, "{\"invoice\":[\"Invalid hyperlink - invoice " + invoice + " does not exist.\"]}");
		ApiResponse otherTenantsLink = other.api.post("/" + other.provetId + "/api/0.1/invoicepayment/",
				body("invoice", absolute("invoice/" + invoice + "/"), "payment_type", 1, "paid", "1.00"));
		assertRefused(otherTenantsLink, 400, "{\"invoice\":[\"Invalid hyperlink - Incorrect URL match.\"]}");
		long paymentId = pay(invoice, "10.00").path("id").asLong();
		assertRefused(other.api.get("/" + other.provetId + "/api/0.1/invoicepayment/" + paymentId + "/"), 404,
				"{\"detail\":\"Not found.\"}");
		assertRefused(other.api.post("/" + other.provetId + "/api/0.1/invoicepayment/" + paymentId + "/cancel_payment/",
				Map.of("info", "x", "cancel_date", "2026-11-21T10:00:00")), 404, "{\"detail\":\"Not found.\"}");
		assertThat(other.api.get("/" + other.provetId + "/api/0.1/invoicepayment/").get("count").asLong()).isZero();

		ApiResponse readOnly = this.tenant.apiWith("read")
			.post(cloud("invoicepayment/"), body("invoice", url, "payment_type", 1, "paid", "1.00"));
		assertRefused(readOnly, 403, "{\"detail\":\"You do not have permission to perform this action.\"}");
		assertThat(get("invoicepayment/?invoice__is=" + invoice).path("count").asLong()).isEqualTo(1);
		assertThat(get("invoice/" + invoice + "/").path("due_sum").toString()).isEqualTo("150.69");
	}

	@Test
	void numbersTooLargeForTheirFieldAreA400NamingIt() {
		long invoice = invoice();
		String tooBig = "9223372036854775808";
		assertRefused(
				postJson("invoicepayment/", "{\"invoice\": " + tooBig + ", \"payment_type\": 1, \"paid\": \"1.00\"}"),
				400, "{\"invoice\":[\"Invalid hyperlink - invoice " + tooBig + " does not exist.\"]}");
		assertRefused(
				postJson("invoicepayment/",
						"{\"invoice\": \"" + absolute("invoice/" + tooBig + "0/")
								+ "\", \"payment_type\": 1, \"paid\": \"1.00\"}"),
				400, "{\"invoice\":[\"Invalid hyperlink - invoice " + tooBig + "0 does not exist.\"]}");
		String wholeDigits = "{\"paid\":[\"Ensure that there are no more than 15 digits before the decimal point.\"]}";
		for (String paid : List.of("1e2147483648", "\"1e309\"", "1e20", "\"1000000000000000\"")) {
			assertRefused(
					postJson("invoicepayment/",
							"{\"invoice\": " + invoice + ", \"payment_type\": 1, \"paid\": " + paid + "}"),
					400, paid.contains("2147483648") ? "{\"paid\":[\"A valid number is required.\"]}" : wholeDigits);
		}
		assertThat(get("invoicepayment/?invoice__is=" + invoice).path("count").asLong()).isZero();
	}

	@Test
	void aPaymentCannotBeDatedInTheFuture() {
		long invoice = invoice();
		String future = "{\"date_added\":[\"a payment cannot be dated in the future (more than 5 minutes ahead of the"
				+ " server's clock); leave the date out to date it now\"]}";
		assertRefused("invoicepayment/",
				body("invoice", invoice, "payment_type", 1, "paid", "1.00", "date_added", "2999-01-01T00:00:00"),
				future);
		assertRefused("invoicepayment/",
				body("invoice", invoice, "payment_type", 1, "paid", "1.00", "date_added", "2026-11-21T10:05:01Z"),
				future);
		assertThat(get("invoicepayment/?invoice__is=" + invoice).path("count").asLong()).isZero();
		// a client's clock a few minutes ahead is no error
		JsonNode payment = created("invoicepayment/",
				body("invoice", invoice, "payment_type", 1, "paid", "1.00", "date_added", "2026-11-21T10:05:00Z"));
		assertThat(payment.path("date_added").asString()).isEqualTo("2026-11-21T12:05:00+02:00");
	}

	private ApiResponse postJson(String path, String json) {
		return this.api.send(this.api.request(cloud(path))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
	}

	@Test
	void cancelPaymentAddsANegativePaymentPointingAtTheOriginal() {
		long invoice = invoice();
		JsonNode first = pay(invoice, "124.00");
		long firstId = first.path("id").asLong();
		JsonNode second = pay(invoice, "36.69");
		assertThat(get("invoice/" + invoice + "/").path("date_paid").isNull()).isFalse();

		String path = "invoicepayment/" + firstId + "/cancel_payment/";
		assertRefused(path, Map.of(), "{\"info\":" + REQUIRED + ",\"cancel_date\":" + REQUIRED + "}");
		assertRefused(path, Map.of("info", "Wrong payment method used"), "{\"cancel_date\":" + REQUIRED + "}");
		assertRefused(path, Map.of("info", " ", "cancel_date", "2024-03-20T14:00:00"),
				"{\"info\":[\"This field may not be blank.\"]}");
		assertRefused(path, Map.of("info", "x", "cancel_date", "yesterday"),
				"{\"cancel_date\":[\"Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].\"]}");

		// payment_cancel_set_date is off: the date given is ignored, the cancellation is
		// dated now
		this.clock.set("2026-11-21T11:00:00Z");
		JsonNode cancellation = created(path,
				Map.of("info", "Wrong payment method used", "cancel_date", "2024-03-20T14:00:00"));
		long cancellationId = cancellation.path("id").asLong();
		assertThat(cancellation.path("paid").toString()).isEqualTo("-124.00");
		assertThat(cancellation.path("payment_type").asInt()).isEqualTo(1);
		assertThat(cancellation.path("info").asString()).isEqualTo("Wrong payment method used");
		assertThat(cancellation.path("date_added").asString()).isEqualTo("2026-11-21T13:00:00+02:00");
		assertThat(cancellation.path("cancelled_payment").asString())
			.isEqualTo(absolute("invoicepayment/" + firstId + "/"));
		assertThat(cancellation.path("cancelled").asBoolean()).isFalse();
		assertThat(cancellation.path("cancellation").isNull()).isTrue();
		JsonNode original = get("invoicepayment/" + firstId + "/");
		assertThat(original.path("cancelled").asBoolean()).isTrue();
		assertThat(original.path("cancellation").asString())
			.isEqualTo(absolute("invoicepayment/" + cancellationId + "/"));
		assertThat(original.path("paid").toString()).isEqualTo("124.00");
		assertThat(original.path("modified").asString()).isEqualTo("2026-11-21T13:00:00+02:00");

		JsonNode after = get("invoice/" + invoice + "/");
		assertThat(after.path("due_sum").toString()).isEqualTo("124.00");
		assertThat(after.path("date_paid").isNull()).isTrue();
		assertThat(after.path("invoice_payment")).hasSize(3);
		assertThat(get("invoicepayment/?cancelled_payment__is=" + firstId).path("count").asLong()).isEqualTo(1);

		assertRefused(path, Map.of("info", "again", "cancel_date", "2026-11-21T10:00:00"),
				"{\"non_field_errors\":[\"payment " + firstId + " was already cancelled by payment " + cancellationId
						+ "\"]}");
		assertRefused("invoicepayment/" + cancellationId + "/cancel_payment/",
				Map.of("info", "undo", "cancel_date", "2026-11-21T10:00:00"),
				"{\"non_field_errors\":[\"payment " + cancellationId + " is itself the cancellation of payment "
						+ firstId + " and cannot be cancelled\"]}");
		assertRefused(this.api.post(cloud("invoicepayment/999999999/cancel_payment/"),
				Map.of("info", "x", "cancel_date", "2026-11-21T10:00:00")), 404, "{\"detail\":\"Not found.\"}");

		// the balance is restored: the right payment can be recorded now
		pay(invoice, "124.00");
		assertThat(get("invoice/" + invoice + "/").path("due_sum").toString()).isEqualTo("0.00");
		assertThat(second.path("cancelled").asBoolean()).isFalse();

		// with payment_cancel_set_date on, cancel_date is honoured
		settings(Map.of("payment_cancel_set_date", true));
		JsonNode dated = created("invoicepayment/" + second.path("id").asLong() + "/cancel_payment/",
				Map.of("info", "Duplicate entry", "cancel_date", "2026-11-20T09:00:00"));
		assertThat(dated.path("date_added").asString()).isEqualTo("2026-11-20T09:00:00+02:00");
		assertThat(get("invoice/" + invoice + "/").path("due_sum").toString()).isEqualTo("36.69");
	}

	@Test
	void aFullRefundIsACreditNoteSettledWithATypeTwelvePair() {
		long invoice = invoice();
		pay(invoice, "160.69");
		JsonNode original = get("invoice/" + invoice + "/");
		this.clock.set("2026-11-23T10:00:00Z");
		this.api = this.tenant.freshApi();
		JsonNode note = created("invoice/" + invoice + "/full_refund/", Map.of("use_original_invoice_date", false));
		long noteId = note.path("id").asLong();
		assertThat(note.path("credit_note").asBoolean()).isTrue();
		assertThat(note.path("status").asInt()).isEqualTo(3);
		assertThat(note.path("credit_note_original_invoice").asString())
			.isEqualTo(absolute("invoice/" + invoice + "/"));
		assertThat(note.path("invoice_number").asLong()).isEqualTo(original.path("invoice_number").asLong() + 1);
		assertThat(note.path("invoice_prefix").asString()).isEqualTo("INV");
		assertThat(note.path("invoice_date").asString()).isEqualTo("2026-11-23");
		assertThat(note.path("total_with_vat").toString()).isEqualTo("-160.69");
		assertThat(note.path("total").toString()).isEqualTo("-133.35");
		assertThat(note.path("due_sum").toString()).isEqualTo("0.00");
		assertThat(note.path("client").asString()).isEqualTo(original.path("client").asString());
		assertThat(note.path("invoice_row")).hasSize(2);

		JsonNode rows = get("invoicerow/?invoice__is=" + noteId).path("results");
		JsonNode originalRows = get("invoicerow/?invoice__is=" + invoice).path("results");
		assertThat(rows.get(0).path("sum_total").toString()).isEqualTo("-124.00");
		assertThat(rows.get(0).path("credited_invoicerow").asString())
			.isEqualTo(absolute("invoicerow/" + originalRows.get(0).path("id").asLong() + "/"));
		assertThat(rows.get(1).path("sum_total").toString()).isEqualTo("-36.69");
		assertThat(rows.get(1).path("credited_invoicerow").asString())
			.isEqualTo(absolute("invoicerow/" + originalRows.get(1).path("id").asLong() + "/"));
		assertThat(originalRows.get(1).path("first_credit_invoicerows").get(0).asString())
			.isEqualTo(absolute("invoicerow/" + rows.get(1).path("id").asLong() + "/"));
		assertThat(rows.get(1).path("first_credit_invoicerows").isEmpty()).isTrue();

		JsonNode after = get("invoice/" + invoice + "/");
		assertThat(texts(after.path("related_credit_note"))).containsExactly(absolute("invoice/" + noteId + "/"));
		assertThat(after.path("due_sum").toString()).isEqualTo("-160.69");
		JsonNode settlement = get("invoicepayment/?invoice__is=" + invoice + "&payment_type__is=12").path("results");
		assertThat(settlement).hasSize(1);
		assertThat(settlement.get(0).path("paid").toString()).isEqualTo("160.69");
		assertThat(settlement.get(0).path("credit_note").asString()).isEqualTo(absolute("invoice/" + noteId + "/"));
		JsonNode noteSide = get("invoicepayment/?invoice__is=" + noteId).path("results");
		assertThat(noteSide).hasSize(1);
		assertThat(noteSide.get(0).path("payment_type").asInt()).isEqualTo(12);
		assertThat(noteSide.get(0).path("paid").toString()).isEqualTo("-160.69");

		long settlementId = settlement.get(0).path("id").asLong();
		assertRefused("invoicepayment/" + settlementId + "/cancel_payment/",
				Map.of("info", "x", "cancel_date", "2026-11-21T10:00:00"), "{\"non_field_errors\":[\"payment "
						+ settlementId + " settles credit note " + noteId + " and cannot be cancelled\"]}");
		assertRefused("invoice/" + invoice + "/full_refund/", Map.of(),
				"{\"non_field_errors\":[\"every row of invoice " + invoice + " is already credited\"]}");
		assertRefused("invoice/" + noteId + "/full_refund/", Map.of(), "{\"non_field_errors\":[\"invoice " + noteId
				+ " is a credit note; a credit note cannot be credited\"]}");
		assertThat(get("invoice/?credit_note__is=true").path("count").asLong()).isEqualTo(1);
	}

	@Test
	void aPartialRefundCreditsTheChosenRowsOnceDatedAsAsked() {
		this.clock.set("2026-11-10T10:00:00Z");
		this.api = this.tenant.freshApi();
		long invoice = invoice();
		long other = invoice();
		List<Long> rows = ids(get("invoicerow/?invoice__is=" + invoice));
		long otherRow = ids(get("invoicerow/?invoice__is=" + other)).get(0);
		this.clock.set("2026-11-21T10:00:00Z");
		this.api = this.tenant.freshApi();

		String path = "invoice/" + invoice + "/partial_refund/";
		assertRefused(path, Map.of("use_original_invoice_date", true), "{\"invoice_rows\":" + REQUIRED + "}");
		assertRefused(path, Map.of("invoice_rows", List.of()),
				"{\"invoice_rows\":[\"Expected a non-empty list of {\\\"invoice_row\\\": <url>} objects.\"]}");
		assertRefused(path,
				Map.of("invoice_rows", List.of(Map.of("invoice_row", absolute("invoicerow/" + otherRow + "/")))),
				"{\"invoice_rows[0].invoice_row\":[\"Row " + otherRow + " is not a row of invoice " + invoice
						+ ".\"]}");
		assertRefused(path,
				Map.of("invoice_rows", List.of(Map.of("invoice_row", absolute("invoice/" + invoice + "/")))),
				"{\"invoice_rows[0].invoice_row\":[\"Invalid hyperlink - Incorrect URL match.\"]}");

		JsonNode note = created(path,
				Map.of("invoice_rows", List.of(Map.of("invoice_row", absolute("invoicerow/" + rows.get(1) + "/"))),
						"use_original_invoice_date", true));
		long noteId = note.path("id").asLong();
		assertThat(note.path("credit_note").asBoolean()).isTrue();
		assertThat(note.path("invoice_date").asString()).isEqualTo("2026-11-10");
		assertThat(note.path("invoice_number").asLong()).isEqualTo(3);
		assertThat(note.path("total_with_vat").toString()).isEqualTo("-36.69");
		JsonNode noteRow = get("invoicerow/?invoice__is=" + noteId).path("results").get(0);
		assertThat(noteRow.path("credited_invoicerow").asString())
			.isEqualTo(absolute("invoicerow/" + rows.get(1) + "/"));
		assertThat(noteRow.path("quantity").toString()).startsWith("-3");
		assertThat(noteRow.path("sum").toString()).isEqualTo("-33.35");
		JsonNode after = get("invoice/" + invoice + "/");
		assertThat(after.path("due_sum").toString()).isEqualTo("124.00");
		assertThat(texts(after.path("related_credit_note"))).containsExactly(absolute("invoice/" + noteId + "/"));

		assertRefused(path, Map.of("invoice_rows", List.of(Map.of("invoice_row", rows.get(1)))),
				"{\"invoice_rows[0].invoice_row\":[\"Row " + rows.get(1) + " is already credited.\"]}");
		assertRefused(path, Map.of("invoice_rows", List.of(Map.of("invoice_row", rows.get(0)), rows.get(0))),
				"{\"invoice_rows[1].invoice_row\":[\"Row " + rows.get(0) + " is named twice.\"]}");
		JsonNode rest = created("invoice/" + invoice + "/full_refund/", Map.of());
		assertThat(rest.path("invoice_date").asString()).isEqualTo("2026-11-21");
		assertThat(rest.path("total_with_vat").toString()).isEqualTo("-124.00");
		assertThat(get("invoice/" + invoice + "/").path("due_sum").toString()).isEqualTo("0.00");
		assertThat(texts(get("invoice/" + invoice + "/").path("related_credit_note"))).containsExactly(
				absolute("invoice/" + noteId + "/"), absolute("invoice/" + rest.path("id").asLong() + "/"));
		assertRefused("invoice/" + noteId + "/partial_refund/",
				Map.of("invoice_rows", List.of(Map.of("invoice_row", noteRow.path("id").asLong()))),
				"{\"non_field_errors\":[\"invoice " + noteId
						+ " is a credit note; a credit note cannot be credited\"]}");

		long draft = draft();
		assertRefused("invoice/" + draft + "/full_refund/", Map.of(), "{\"non_field_errors\":[\"invoice " + draft
				+ " is draft (status 0); only finalized invoices can be credited - change or void the draft instead\"]}");
		long voided = invoice();
		assertThat(this.api.post(this.tenant.path("/invoices/" + voided + "/void"), null).status()).isEqualTo(200);
		assertRefused("invoice/" + voided + "/full_refund/", Map.of(),
				"{\"non_field_errors\":[\"invoice " + voided + " is voided; there is nothing to credit\"]}");
		assertRefused(this.api.post(cloud("invoice/999999999/full_refund/"), Map.of()), 404,
				"{\"detail\":\"Not found.\"}");
	}

	@Test
	void prepaymentsAreRecordedListedRefundedAndCancelled() {
		String department = absolute("department/" + this.tenant.department + "/");
		String client = absolute("client/" + this.tenant.client + "/");
		JsonNode prepayment = created("unallocatedpayment/",
				body("department", department, "client", client, "payment_type", 1, "paid", "500.00", "description",
						"Deposit for upcoming dental procedure", "unused_amount", "1.00"));
		long id = prepayment.path("id").asLong();
		assertThat(keys(prepayment)).containsExactly("id", "url", "department", "client", "payment_type", "paid",
				"unused_amount", "fully_used", "description", "refunds", "refund_payments", "source_invoice",
				"cancelled", "payment_date", "external_info", "created", "modified");
		assertThat(prepayment.path("url").asString()).isEqualTo(absolute("unallocatedpayment/" + id + "/"));
		assertThat(prepayment.path("client").asString()).isEqualTo(client);
		assertThat(prepayment.path("paid").toString()).isEqualTo("500.00");
		assertThat(prepayment.path("unused_amount").toString()).isEqualTo("500.00");
		assertThat(prepayment.path("fully_used").asBoolean()).isFalse();
		assertThat(prepayment.path("description").asString()).isEqualTo("Deposit for upcoming dental procedure");
		assertThat(prepayment.path("refunds").isNull()).isTrue();
		assertThat(prepayment.path("refund_payments").isArray()).isTrue();
		assertThat(prepayment.path("payment_date").asString()).isEqualTo("2026-11-21");
		assertThat(prepayment.path("external_info").toString()).isEqualTo("{\"external_id\":null,\"metadata\":{}}");
		assertThat(prepayment.path("created").asString()).isEqualTo("2026-11-21T12:00:00+02:00");

		assertRefused("unallocatedpayment/", Map.of(), "{\"department\":" + REQUIRED + ",\"client\":" + REQUIRED
				+ ",\"payment_type\":" + REQUIRED + ",\"paid\":" + REQUIRED + "}");
		assertRefused("unallocatedpayment/",
				body("department", department, "client", client, "payment_type", 1, "paid", "-1.00"),
				"{\"paid\":[\"A prepayment must be more than zero; a refund is a negative amount with refunds pointing at the prepayment.\"]}");

		this.clock.set("2026-11-22T10:00:00Z");
		Api api = this.tenant.freshApi();
		this.api = api;
		String refunds = absolute("unallocatedpayment/" + id + "/");
		assertRefused("unallocatedpayment/",
				body("department", department, "client", client, "payment_type", 1, "paid", "-500.01", "refunds",
						refunds),
				"{\"paid\":[\"The refund of 500.01 is more than the unused amount 500.00 of unallocated payment " + id
						+ ".\"]}");
		assertRefused("unallocatedpayment/", body("department", department, "client", client, "payment_type", 1, "paid",
				"200.00", "refunds", refunds), "{\"paid\":[\"A refund has a negative paid amount.\"]}");
		JsonNode refund = created("unallocatedpayment/", body("department", department, "client", client,
				"payment_type", 1, "paid", "-200.00", "refunds", refunds));
		long refundId = refund.path("id").asLong();
		assertThat(refund.path("paid").toString()).isEqualTo("-200.00");
		assertThat(refund.path("refunds").asString()).isEqualTo(refunds);
		assertThat(refund.path("external_info").toString()).isEqualTo("{\"external_id\":null,\"metadata\":{}}");
		JsonNode refunded = get("unallocatedpayment/" + id + "/");
		assertThat(refunded.path("unused_amount").toString()).isEqualTo("300.00");
		assertThat(refunded.path("fully_used").asBoolean()).isFalse();
		assertThat(texts(refunded.path("refund_payments")))
			.containsExactly(absolute("unallocatedpayment/" + refundId + "/"));
		assertRefused("unallocatedpayment/",
				body("department", department, "client", client, "payment_type", 1, "paid", "-1.00", "refunds",
						absolute("unallocatedpayment/" + refundId + "/")),
				"{\"refunds\":[\"Unallocated payment " + refundId + " is itself a refund and cannot be refunded.\"]}");
		assertRefused("unallocatedpayment/",
				body("department", department, "client", client, "payment_type", 1, "paid", "-1.00", "refunds",
						absolute("unallocatedpayment/999999999/")),
				"{\"refunds\":[\"Invalid hyperlink - unallocated payment 999999999 does not exist.\"]}");
		assertRefused(this.api.post(cloud("unallocatedpayment/" + id + "/cancel/"), null), 400,
				"{\"non_field_errors\":[\"unallocated payment " + id
						+ " was applied to invoices or refunded; cancel those payments or refund the unused amount instead\"]}");
		assertRefused(this.api.post(cloud("unallocatedpayment/" + refundId + "/cancel/"), null), 400,
				"{\"non_field_errors\":[\"unallocated payment " + refundId + " is a refund of " + id
						+ "; a refund cannot be cancelled\"]}");
		created("unallocatedpayment/", body("department", department, "client", client, "payment_type", 1, "paid",
				"-300.00", "refunds", refunds));
		JsonNode used = get("unallocatedpayment/" + id + "/");
		assertThat(used.path("unused_amount").toString()).isEqualTo("0.00");
		assertThat(used.path("fully_used").asBoolean()).isTrue();

		// another client's prepayment, created later
		this.clock.set("2026-11-23T10:00:00Z");
		this.api = this.tenant.freshApi();
		long otherClient = this.tenant.bean(org.vetbill.clinic.Clients.class)
			.create(this.tenant.caller,
					new org.vetbill.clinic.domain.ClientDetails(0, "Olli", "Ostaja", null, null, null, null, null, null,
							null, null, "FI", null, null, null, false))
			.id();
		JsonNode others = created("unallocatedpayment/",
				body("department", this.tenant.department, "client", otherClient, "payment_type", "2", "paid", 80));
		long othersId = others.path("id").asLong();
		assertThat(others.path("paid").toString()).isEqualTo("80.00");
		assertThat(ids(get("unallocatedpayment/?client__is=" + this.tenant.client))).hasSize(3).startsWith(id);
		assertThat(ids(get("unallocatedpayment/?client__is=" + otherClient))).containsExactly(othersId);
		assertThat(ids(get("unallocatedpayment/?modified__gte=2026-11-23T00:00:00"))).containsExactly(othersId);
		assertThat(ids(get("unallocatedpayment/?fully_used__is=false"))).containsExactly(othersId);
		assertThat(ids(get("unallocatedpayment/?fully_used__is=true&refunds__is_null=true"))).containsExactly(id);
		assertThat(get("unallocatedpayment/" + othersId + "/")).isEqualTo(others);
		assertRefused(this.api.get(cloud("unallocatedpayment/999999999/")), 404, "{\"detail\":\"Not found.\"}");

		// external_info: GET, PUT, PATCH
		String info = cloud("unallocatedpayment/" + othersId + "/external_info/");
		assertThat(this.api.get(info).raw()).isEqualTo("{\"external_id\":null,\"metadata\":{}}");
		ApiResponse put = this.api.send(this.api.request(info)
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"external_id\":\"ERP-77\",\"metadata\":{\"batch\":3,\"ok\":true}}")));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.raw()).isEqualTo("{\"external_id\":\"ERP-77\",\"metadata\":{\"batch\":3,\"ok\":true}}");
		ApiResponse patch = this.api.patch(info, Map.of("metadata", Map.of("batch", 4)));
		assertThat(patch.raw()).isEqualTo("{\"external_id\":\"ERP-77\",\"metadata\":{\"batch\":4}}");
		ApiResponse patchId = this.api.patch(info, Map.of("external_id", "ERP-78"));
		assertThat(patchId.raw()).isEqualTo("{\"external_id\":\"ERP-78\",\"metadata\":{\"batch\":4}}");
		assertRefused(this.api.patch(info, Map.of("metadata", List.of(1))), 400,
				"{\"metadata\":[\"Expected a dictionary of items.\"]}");
		assertThat(get("unallocatedpayment/" + othersId + "/").path("external_info").toString())
			.isEqualTo("{\"external_id\":\"ERP-78\",\"metadata\":{\"batch\":4}}");
		assertThat(this.tenant.apiWith("read").patch(info, Map.of("external_id", "x")).status()).isEqualTo(403);

		// cancel: only a prepayment never used nor refunded
		ApiResponse cancelled = this.api.post(cloud("unallocatedpayment/" + othersId + "/cancel/"), null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
		assertThat(cancelled.get("unused_amount").toString()).isEqualTo("0.00");
		assertThat(cancelled.get("paid").toString()).isEqualTo("80.00");
		assertRefused(this.api.post(cloud("unallocatedpayment/" + othersId + "/cancel/"), null), 400,
				"{\"non_field_errors\":[\"unallocated payment " + othersId + " is already cancelled\"]}");
	}

	@Test
	void thePeriodLockRefusesEveryMoneyMovementDatedBeforeIt() {
		this.clock.set("2026-10-15T10:00:00Z");
		this.api = this.tenant.freshApi();
		long early = invoice();
		JsonNode earlyPayment = pay(early, "10.00");
		this.clock.set("2026-11-21T10:00:00Z");
		this.api = this.tenant.freshApi();
		long invoice = invoice();
		settings(Map.of("financial_period_lock_date", "2026-11-01", "automatic_financial_period_lock_enabled", false,
				"payment_cancel_set_date", true));

		assertRefused("invoicepayment/",
				body("invoice", invoice, "payment_type", 1, "paid", "10.00", "date_added", "2026-10-31T23:59:00"),
				"{\"date_added\":[\"date_added 2026-10-31 is before the financial period lock date 2026-11-01 of the department\"]}");
		JsonNode payment = created("invoicepayment/",
				body("invoice", invoice, "payment_type", 1, "paid", "10.00", "date_added", "2026-11-01T00:00:00"));
		assertRefused("invoicepayment/" + payment.path("id").asLong() + "/cancel_payment/",
				Map.of("info", "x", "cancel_date", "2026-10-20T12:00:00"),
				"{\"cancel_date\":[\"cancel_date 2026-10-20 is before the financial period lock date 2026-11-01 of the department\"]}");
		JsonNode cancelled = created("invoicepayment/" + earlyPayment.path("id").asLong() + "/cancel_payment/",
				Map.of("info", "x", "cancel_date", "2026-11-02T12:00:00"));
		assertThat(cancelled.path("date_added").asString()).isEqualTo("2026-11-02T12:00:00+02:00");

		assertRefused("invoice/" + early + "/full_refund/", Map.of("use_original_invoice_date", true),
				"{\"use_original_invoice_date\":[\"use_original_invoice_date 2026-10-15 is before the financial period lock date 2026-11-01 of the department\"]}");
		JsonNode note = created("invoice/" + early + "/full_refund/", Map.of("use_original_invoice_date", false));
		assertThat(note.path("invoice_date").asString()).isEqualTo("2026-11-21");

		settings(Map.of("financial_period_lock_date", "2026-12-01"));
		assertRefused("unallocatedpayment/",
				body("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid",
						"5.00"),
				"{\"payment_date\":[\"payment_date 2026-11-21 is before the financial period lock date 2026-12-01 of the department\"]}");
		assertRefused("invoicepayment/", body("invoice", invoice, "payment_type", 1, "paid", "10.00"),
				"{\"date_added\":[\"date_added 2026-11-21 is before the financial period lock date 2026-12-01 of the department\"]}");
		settings(Map.of("payment_cancel_set_date", false));
		assertRefused("invoicepayment/" + payment.path("id").asLong() + "/cancel_payment/",
				Map.of("info", "x", "cancel_date", "2026-12-05T12:00:00"),
				"{\"cancel_date\":[\"cancel_date 2026-11-21 is before the financial period lock date 2026-12-01 of the department\"]}");
		assertThat(get("invoicepayment/?invoice__is=" + invoice).path("count").asLong()).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyReplaysTheStoredAnswer() {
		long invoice = invoice();
		Map<String, Object> payment = body("invoice", absolute("invoice/" + invoice + "/"), "payment_type", 1, "paid",
				"124.00", "date_added", "2024-03-20T14:00:00");
		ApiResponse first = this.api.post(cloud("invoicepayment/"), payment, "Idempotency-Key", "pay-1");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isEmpty();
		this.clock.set("2026-11-21T10:01:00Z");
		ApiResponse again = this.api.post(cloud("invoicepayment/"), payment, "Idempotency-Key", "pay-1");
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.raw()).isEqualTo(first.raw());
		assertThat(again.header("Idempotent-Replayed")).hasValue("true");
		assertThat(again.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(get("invoicepayment/?invoice__is=" + invoice).path("count").asLong()).isEqualTo(1);
		assertThat(get("invoice/" + invoice + "/").path("due_sum").toString()).isEqualTo("36.69");

		Map<String, Object> other = new HashMap<>(payment);
		other.put("paid", "1.00");
		ApiResponse reused = this.api.post(cloud("invoicepayment/"), other, "Idempotency-Key", "pay-1");
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.raw()).isEqualTo(
				"{\"detail\":\"This Idempotency-Key was used with another request (method, path or body); use a new key for a new request.\"}");
		ApiResponse otherPath = this.api.post(cloud("invoicepayment/" + first.id() + "/cancel_payment/"),
				Map.of("info", "x", "cancel_date", "2026-11-21T10:00:00"), "Idempotency-Key", "pay-1");
		assertThat(otherPath.status()).isEqualTo(422);

		// another API client has keys of its own
		Api second = this.tenant.apiWith("read", "billing");
		other.put("paid", "6.69");
		ApiResponse theirs = second.post(cloud("invoicepayment/"), other, "Idempotency-Key", "pay-1");
		assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
		assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
		assertThat(theirs.id()).isNotEqualTo(first.id());
		assertThat(get("invoicepayment/?invoice__is=" + invoice).path("count").asLong()).isEqualTo(2);

		// a failed answer is not kept: a retry with the same key runs again, and so does
		// a corrected request
		Map<String, Object> tooMuch = new HashMap<>(payment);
		tooMuch.put("paid", "30.01");
		String refusal = "{\"paid\":[\"paid 30.01 is more than the 30.00 still due on invoice " + invoice
				+ "; overpayments are not accepted\"]}";
		ApiResponse failed = this.api.post(cloud("invoicepayment/"), tooMuch, "Idempotency-Key", "pay-2");
		assertRefused(failed, 400, refusal);
		ApiResponse failedAgain = this.api.post(cloud("invoicepayment/"), tooMuch, "Idempotency-Key", "pay-2");
		assertRefused(failedAgain, 400, refusal);
		assertThat(failedAgain.header("Idempotent-Replayed")).isEmpty();
		tooMuch.put("paid", "30.00");
		ApiResponse fixed = this.api.post(cloud("invoicepayment/"), tooMuch, "Idempotency-Key", "pay-2");
		assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
		ApiResponse fixedAgain = this.api.post(cloud("invoicepayment/"), tooMuch, "Idempotency-Key", "pay-2");
		assertThat(fixedAgain.raw()).isEqualTo(fixed.raw());
		assertThat(fixedAgain.header("Idempotent-Replayed")).hasValue("true");
		assertThat(get("invoicepayment/?invoice__is=" + invoice).path("count").asLong()).isEqualTo(3);
		assertThat(get("invoice/" + invoice + "/").path("due_sum").toString()).isEqualTo("0.00");
	}

	@Test
	void everyMoneyMovementIsInTheAuditLog() {
		AuditTrail trail = this.tenant.bean(AuditTrail.class);
		long invoice = invoice();
		long payment = pay(invoice, "50.00").path("id").asLong();
		long cancellation = cancel(payment, "Wrong amount").path("id").asLong();
		long note = created("invoice/" + invoice + "/full_refund/", Map.of()).path("id").asLong();
		JsonNode prepayment = created("unallocatedpayment/", body("department", this.tenant.department, "client",
				this.tenant.client, "payment_type", 1, "paid", "40.00"));
		long prepaymentId = prepayment.path("id").asLong();
		created("unallocatedpayment/", body("department", this.tenant.department, "client", this.tenant.client,
				"payment_type", 1, "paid", "-15.00", "refunds", prepaymentId));

		List<AuditEvent> paymentEvents = trail.of(this.tenant.organizationId, "invoice_payment", payment);
		assertThat(paymentEvents).extracting(AuditEvent::action)
			.containsExactly("payment.recorded", "payment.cancelled");
		assertThat(paymentEvents.get(1).details()).contains(String.valueOf(cancellation));
		assertThat(trail.of(this.tenant.organizationId, "invoice", invoice)).extracting(AuditEvent::action)
			.contains("invoice.credited");
		assertThat(trail.of(this.tenant.organizationId, "invoice", invoice)
			.stream()
			.filter((event) -> event.action().equals("invoice.credited"))
			.findFirst()
			.orElseThrow()
			.details()).contains(String.valueOf(note));
		assertThat(trail.of(this.tenant.organizationId, "unallocated_payment", prepaymentId))
			.extracting(AuditEvent::action)
			.containsExactly("prepayment.recorded", "prepayment.refunded");
		assertThat(paymentEvents).allSatisfy((event) -> assertThat(event.actor()).isNotBlank());
	}

}
