package org.vetbill.api.clinic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.MoneyIntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Clinic API's invoices over real HTTP: the document's examples replayed, every
 * status transition and refusal, items with their figures, the list's parameters, and the
 * same invoice read through the Cloud API.
 */
class ClinicInvoiceIntegrationTests extends MoneyIntegrationTest {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private String patient;

	private String appointment;

	@BeforeEach
	void aPatientAndAConsultation() {
		this.patient = this.tenant.bean(Patients.class).get(this.tenant.caller, this.tenant.patient).uuid().toString();
		this.appointment = this.tenant.bean(Consultations.class)
			.create(this.tenant.caller,
					new NewConsultation(this.tenant.department, this.tenant.client, this.tenant.patient, null))
			.uuid()
			.toString();
	}

	/** The document's request body, with a real patient and appointment. */
	private Map<String, Object> documentRequest() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("issue_date", "2026-06-01T05:53:48.451968");
		body.put("due_date", "2019-08-24T14:15:22Z");
		body.put("status", "DRAFT");
		body.put("discount_amount", 0);
		body.put("discount_percent", 0);
		body.put("paid_amount", 0);
		body.put("appointment_id", this.appointment);
		body.put("patient_id", this.patient);
		body.put("items", List.of());
		return body;
	}

	private JsonNode create(Map<String, Object> body) {
		ApiResponse response = this.api.post("/invoice/", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.body();
	}

	private JsonNode put(String id, Map<String, ?> body) {
		ApiResponse response = this.api.put("/invoice/" + id, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private JsonNode get(String id) {
		ApiResponse response = this.api.get("/invoice/" + id);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private JsonNode cloudInvoice(JsonNode clinic) {
		long id = this.context.getBean(InvoiceQueries.class)
			.idOf(this.tenant.caller, UUID.fromString(clinic.path("id").asString()));
		ApiResponse response = this.api.get(cloud("invoice/" + id + "/"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private void pay(JsonNode clinic, String amount) {
		long id = cloudInvoice(clinic).path("id").asLong();
		ApiResponse response = this.api.post(cloud("invoicepayment/"), Map.of("invoice",
				"http://localhost:" + this.port + cloud("invoice/" + id + "/"), "payment_type", 1, "paid", amount));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	/**
	 * Two items: a catalog consultation (50.00 at 24 %) and a free line (10.00 at 10 %).
	 */
	private List<Map<String, Object>> items() {
		return List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2),
				Map.of("description", "Nail clipping", "quantity", 1, "unit_price", "10.00", "tax_rate", 10));
	}

	private Map<String, Object> withItems(String status) {
		Map<String, Object> body = documentRequest();
		body.put("due_date", "2026-12-21T12:00:00Z");
		body.put("issue_date", "2026-11-21T09:30:00");
		body.put("status", status);
		body.put("items", items());
		return body;
	}

	@Test
	void theDocumentsCreateExampleAnswers201WithTheFullBody() {
		ApiResponse response = this.api.post("/invoice/", documentRequest());

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode body = response.body();
		String id = body.path("id").asString();
		assertThat(id).matches(UUID_PATTERN);
		assertThat(response.raw()).isEqualTo("{\"issue_date\":\"2026-06-01T05:53:48.451968\","
				+ "\"due_date\":\"2019-08-24T14:15:22Z\",\"status\":\"DRAFT\",\"discount_amount\":0.00,"
				+ "\"discount_percent\":0,\"paid_amount\":0.00,\"appointment_id\":\"" + this.appointment
				+ "\",\"patient_id\":\"" + this.patient + "\",\"id\":\"" + id + "\",\"subtotal\":0.00,"
				+ "\"remaining_amount\":0.00,\"total_amount\":0.00,\"reg_number\":\""
				+ body.path("reg_number").asString() + "\",\"items\":[],\"tags\":[]}");
		assertThat(body.path("reg_number").isString()).isTrue();

		// GET by id and PUT of the document's update body answer the same invoice
		assertThat(this.api.get("/invoice/" + id).raw()).isEqualTo(response.raw());
		assertThat(this.api.put("/invoice/" + id, documentRequest()).raw()).isEqualTo(response.raw());
		// a PUT of what GET answered changes nothing either
		JsonNode echoed = put(id, toMap(get(id)));
		assertThat(echoed.toString()).isEqualTo(body.toString());
	}

	@Test
	void theListAnswersTotalOffsetLimitAndData() {
		JsonNode first = create(documentRequest());
		JsonNode second = create(documentRequest());

		ApiResponse response = this.api.get("/invoice/");

		assertThat(response.status()).isEqualTo(200);
		assertThat(keys(response.body())).containsExactly("total", "offset", "limit", "data");
		assertThat(response.body().path("total").asInt()).isEqualTo(2);
		assertThat(response.body().path("offset").asInt()).isZero();
		assertThat(response.body().path("limit").asInt()).isEqualTo(100);
		assertThat(ids(response.body())).containsExactly(first.path("id").asString(), second.path("id").asString());
		assertThat(response.body().path("data").get(0)).isEqualTo(first);

		JsonNode page = this.api.get("/invoice/?limit=1&offset=1&order_by=-created_at").body();
		assertThat(page.path("total").asInt()).isEqualTo(2);
		assertThat(page.path("limit").asInt()).isEqualTo(1);
		assertThat(ids(page)).containsExactly(first.path("id").asString());
	}

	@Test
	void itemsCarryTheirFiguresAndTheTotalsMatchTheCloudApiToTheCent() {
		Map<String, Object> body = withItems("DRAFT");
		body.put("discount_percent", 10);

		JsonNode invoice = create(body);

		JsonNode items = invoice.path("items");
		assertThat(items).hasSize(2);
		assertThat(keys(items.get(0))).containsExactly("id", "item_id", "description", "quantity", "unit_price",
				"discount_percent", "tax_rate", "patient_id", "subtotal", "tax", "total");
		assertThat(items.get(0).path("id").asString()).matches(UUID_PATTERN);
		assertThat(items.get(0).path("description").asString()).isEqualTo("Consultation");
		assertThat(items.get(0).path("tax_rate").toString()).isEqualTo("24");
		assertThat(items.get(0).path("patient_id").asString()).isEqualTo(this.patient);
		assertThat(items.get(1).path("item_id").isNull()).isTrue();
		assertThat(items.get(1).path("tax_rate").toString()).isEqualTo("10");
		// 2 x 50.00 + 24 % = 124.00 and 10.00 + 10 % = 11.00: gross 135.00, less 10 % =
		// 121.50
		assertThat(invoice.path("discount_amount").toString()).isEqualTo("13.50");
		assertThat(invoice.path("discount_percent").toString()).isEqualTo("10");
		assertThat(invoice.path("total_amount").toString()).isEqualTo("121.50");
		assertThat(invoice.path("remaining_amount").toString()).isEqualTo("121.50");
		BigDecimal itemTotals = BigDecimal.ZERO;
		BigDecimal itemSubtotals = BigDecimal.ZERO;
		for (JsonNode item : items) {
			itemTotals = itemTotals.add(item.path("total").decimalValue());
			itemSubtotals = itemSubtotals.add(item.path("subtotal").decimalValue());
			assertThat(item.path("subtotal").decimalValue().add(item.path("tax").decimalValue()))
				.isEqualByComparingTo(item.path("total").decimalValue());
		}
		assertThat(itemTotals).isEqualByComparingTo(invoice.path("total_amount").decimalValue());
		assertThat(itemSubtotals).isEqualByComparingTo(invoice.path("subtotal").decimalValue());

		JsonNode cloud = cloudInvoice(invoice);
		assertThat(cloud.path("total_with_vat").toString()).isEqualTo(invoice.path("total_amount").toString());
		assertThat(cloud.path("total").toString()).isEqualTo(invoice.path("subtotal").toString());
		assertThat(cloud.path("due_sum").toString()).isEqualTo(invoice.path("remaining_amount").toString());
		// each item is the Cloud API row of the same invoice: sum, sum_vat and sum_total
		ApiResponse rows = this.api.get(cloud("invoicerow/?invoice=" + cloud.path("id").asLong()));
		assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
		assertThat(rows.body().path("results")).hasSize(2);
		for (int i = 0; i < 2; i++) {
			JsonNode row = rows.body().path("results").get(i);
			assertThat(row.path("sum").toString()).isEqualTo(items.get(i).path("subtotal").toString());
			assertThat(row.path("sum_vat").toString()).isEqualTo(items.get(i).path("tax").toString());
			assertThat(row.path("sum_total").toString()).isEqualTo(items.get(i).path("total").toString());
			assertThat(row.path("name").asString()).isEqualTo(items.get(i).path("description").asString());
		}

		// a discount amount other than the one the percentage gives is refused
		Map<String, Object> wrong = new LinkedHashMap<>(body);
		wrong.put("discount_amount", "5.00");
		ApiResponse refused = this.api.post("/invoice/", wrong);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("detail").get(0).path("loc").toString())
			.isEqualTo("[\"body\",\"discount_amount\"]");
		assertThat(refused.body().path("detail").get(0).path("msg").asString()).contains("13.50");
	}

	@Test
	void aDraftsItemsAreReplacedKeepingTheRowsTheyName() {
		JsonNode invoice = create(withItems("DRAFT"));
		String id = invoice.path("id").asString();
		String consultationRow = invoice.path("items").get(0).path("id").asString();

		Map<String, Object> keep = Map.of("id", consultationRow, "item_id", this.tenant.consultationItem, "quantity",
				3);
		JsonNode changed = put(id, Map.of("items", List.of(keep, Map.of("item_id", this.tenant.medicineItem))));

		assertThat(changed.path("items")).hasSize(2);
		assertThat(changed.path("items").get(0).path("id").asString()).isEqualTo(consultationRow);
		assertThat(changed.path("items").get(0).path("total").toString()).isEqualTo("186.00");
		assertThat(changed.path("items").get(1).path("description").asString()).isEqualTo("Medicine");
		assertThat(changed.path("total_amount").toString()).isEqualTo("199.59");

		ApiResponse unknown = this.api.put("/invoice/" + id,
				Map.of("items", List.of(Map.of("id", UUID.randomUUID().toString(), "quantity", 1))));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().path("detail").get(0).path("loc").toString())
			.isEqualTo("[\"body\",\"items\",0,\"id\"]");

		ApiResponse free = this.api.put("/invoice/" + id, Map.of("items", List.of(Map.of("quantity", 1))));
		assertThat(free.status()).isEqualTo(422);
		assertThat(locs(free.body())).contains("[\"body\",\"items\",0,\"description\"]",
				"[\"body\",\"items\",0,\"unit_price\"]", "[\"body\",\"items\",0,\"tax_rate\"]");
	}

	@Test
	void issuingNumbersTheInvoiceAndPaymentsThroughTheCloudApiMakeItPartiallyPaidThenPaid() {
		JsonNode draft = create(withItems("DRAFT"));
		String id = draft.path("id").asString();
		Map<String, Object> issue = toMap(draft);
		issue.put("status", "ISSUED");

		JsonNode issued = put(id, issue);

		assertThat(issued.path("status").asString()).isEqualTo("ISSUED");
		assertThat(issued.path("reg_number").asString()).isEqualTo("INV-1");
		assertThat(issued.path("issue_date").asString()).isEqualTo("2026-11-21T09:30:00");
		assertThat(issued.path("due_date").asString()).isEqualTo("2026-12-21T12:00:00Z");
		JsonNode cloud = cloudInvoice(issued);
		assertThat(cloud.path("status").asInt()).isEqualTo(3);
		assertThat(cloud.path("invoice_number").asLong()).isEqualTo(1);
		// the patient's owner became the client, and issuing took the payer snapshot
		assertThat(cloud.path("payer_name").asString()).isEqualTo("Anna Virtanen");
		assertThat(cloud.path("reference_number").isString()).isTrue();
		assertThat(cloud.path("total_with_vat").toString()).isEqualTo("135.00");

		pay(issued, "35.00");
		JsonNode partly = get(id);
		assertThat(partly.path("status").asString()).isEqualTo("PARTIALY_PAID");
		assertThat(partly.path("paid_amount").toString()).isEqualTo("35.00");
		assertThat(partly.path("remaining_amount").toString()).isEqualTo("100.00");
		assertThat(cloudInvoice(partly).path("due_sum").toString()).isEqualTo("100.00");
		assertThat(this.api.get("/invoice/?status=PARTIALY_PAID").body().path("total").asInt()).isEqualTo(1);

		pay(issued, "100.00");
		JsonNode paid = get(id);
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		assertThat(paid.path("paid_amount").toString()).isEqualTo("135.00");
		assertThat(paid.path("remaining_amount").toString()).isEqualTo("0.00");
		JsonNode paidCloud = cloudInvoice(paid);
		assertThat(paidCloud.path("due_sum").toString()).isEqualTo("0.00");
		assertThat(paidCloud.path("total_with_vat").toString()).isEqualTo(paid.path("total_amount").toString());
		assertThat(this.api.get("/invoice/?status=PAID").body().path("total").asInt()).isEqualTo(1);
		// what GET answered may be sent back unchanged, status PAID included
		assertThat(put(id, toMap(paid))).isEqualTo(paid);
	}

	@Test
	void anInvoiceCanBeCreatedIssued() {
		JsonNode invoice = create(withItems("ISSUED"));

		assertThat(invoice.path("status").asString()).isEqualTo("ISSUED");
		assertThat(invoice.path("reg_number").asString()).isEqualTo("INV-1");
		assertThat(cloudInvoice(invoice).path("status").asInt()).isEqualTo(3);
	}

	@Test
	void paidStatusesAndPaidAmountsCannotBeAskedFor() {
		Map<String, Object> paid = withItems("PAID");
		ApiResponse refused = this.api.post("/invoice/", paid);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("detail").get(0).path("loc").toString()).isEqualTo("[\"body\",\"status\"]");
		assertThat(refused.body().path("detail").get(0).path("msg").asString()).contains("follows from payments");

		Map<String, Object> prepaid = withItems("DRAFT");
		prepaid.put("paid_amount", 10);
		ApiResponse notPaid = this.api.post("/invoice/", prepaid);
		assertThat(notPaid.status()).isEqualTo(422);
		assertThat(notPaid.body().path("detail").get(0).path("loc").toString()).isEqualTo("[\"body\",\"paid_amount\"]");

		JsonNode issued = create(withItems("ISSUED"));
		String id = issued.path("id").asString();
		for (String status : List.of("PARTIALY_PAID", "PAID", "DRAFT")) {
			ApiResponse response = this.api.put("/invoice/" + id, Map.of("status", status));
			assertThat(response.status()).as(status).isEqualTo(422);
			assertThat(response.body().path("detail").get(0).path("loc").toString()).isEqualTo("[\"body\",\"status\"]");
		}
		ApiResponse paidAmount = this.api.put("/invoice/" + id, Map.of("paid_amount", "135.00"));
		assertThat(paidAmount.status()).isEqualTo(422);
		assertThat(paidAmount.body().path("detail").get(0).path("msg").asString())
			.contains("changes only through payments");
		assertThat(get(id)).isEqualTo(issued);
	}

	@Test
	void anIssuedInvoicesItemsAndAmountsCannotChangeButItsTagsCan() {
		JsonNode issued = create(withItems("ISSUED"));
		String id = issued.path("id").asString();

		ApiResponse items = this.api.put("/invoice/" + id, Map.of("items", List.of(items().get(0))));
		assertThat(items.status()).isEqualTo(422);
		assertThat(items.body().path("detail").get(0).path("loc").toString()).isEqualTo("[\"body\",\"items\"]");
		assertThat(items.body().path("detail").get(0).path("msg").asString()).contains("credit note");
		ApiResponse discount = this.api.put("/invoice/" + id, Map.of("discount_amount", 5));
		assertThat(discount.status()).isEqualTo(422);
		ApiResponse due = this.api.put("/invoice/" + id, Map.of("due_date", "2027-01-01T00:00:00Z"));
		assertThat(due.status()).isEqualTo(422);
		assertThat(get(id)).isEqualTo(issued);

		JsonNode tagged = put(id, Map.of("tags", List.of("insurance", "dog")));
		assertThat(tagged.path("tags").toString()).isEqualTo("[\"dog\",\"insurance\"]");
	}

	@Test
	void voidingAndWritingOffFollowTheirRules() {
		JsonNode draft = create(withItems("DRAFT"));
		JsonNode voided = put(draft.path("id").asString(), Map.of("status", "VOID"));
		assertThat(voided.path("status").asString()).isEqualTo("VOID");
		assertThat(cloudInvoice(voided).path("status").asInt()).isEqualTo(99);
		ApiResponse revive = this.api.put("/invoice/" + draft.path("id").asString(), Map.of("status", "ISSUED"));
		assertThat(revive.status()).isEqualTo(422);

		ApiResponse draftWriteOff = this.api.put("/invoice/" + create(withItems("DRAFT")).path("id").asString(),
				Map.of("status", "WRITTEN_OFF"));
		assertThat(draftWriteOff.status()).isEqualTo(422);

		JsonNode issued = create(withItems("ISSUED"));
		String id = issued.path("id").asString();
		pay(issued, "35.00");
		ApiResponse voidPaid = this.api.put("/invoice/" + id, Map.of("status", "VOID"));
		assertThat(voidPaid.status()).isEqualTo(422);
		assertThat(voidPaid.body().path("detail").get(0).path("msg").asString()).contains("credit note");

		JsonNode writtenOff = put(id, Map.of("status", "WRITTEN_OFF"));
		assertThat(writtenOff.path("status").asString()).isEqualTo("WRITTEN_OFF");
		assertThat(writtenOff.path("paid_amount").toString()).isEqualTo("35.00");
		assertThat(writtenOff.path("remaining_amount").toString()).isEqualTo("0.00");
		assertThat(cloudInvoice(writtenOff).path("due_sum").toString()).isEqualTo("0.00");
		assertThat(this.api.get("/invoice/?status=WRITTEN_OFF").body().path("total").asInt()).isEqualTo(1);
		ApiResponse voidWrittenOff = this.api.put("/invoice/" + id, Map.of("status", "VOID"));
		assertThat(voidWrittenOff.status()).isEqualTo(422);
		assertThat(voidWrittenOff.body().path("detail").get(0).path("msg").asString()).contains("WRITTEN_OFF");

		// an issued invoice with nothing paid is voided and keeps its number
		JsonNode unpaid = create(withItems("ISSUED"));
		JsonNode voidedIssued = put(unpaid.path("id").asString(), Map.of("status", "VOID"));
		assertThat(voidedIssued.path("status").asString()).isEqualTo("VOID");
		assertThat(voidedIssued.path("reg_number").asString()).isEqualTo(unpaid.path("reg_number").asString());
		assertThat(cloudInvoice(voidedIssued).path("status").asInt()).isEqualTo(99);
		assertThat(this.api.get("/invoice/?status=VOID").body().path("total").asInt()).isEqualTo(2);
	}

	@Test
	void draftsCanBeDeletedAndNothingElse() {
		String draft = create(withItems("DRAFT")).path("id").asString();
		ApiResponse deleted = this.api.delete("/invoice/" + draft);
		assertThat(deleted.status()).isEqualTo(204);
		ApiResponse gone = this.api.get("/invoice/" + draft);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.raw()).isEqualTo("{\"detail\":\"Not Found\"}");

		String issued = create(withItems("ISSUED")).path("id").asString();
		ApiResponse refused = this.api.delete("/invoice/" + issued);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("detail").get(0).path("msg").asString()).contains("only a DRAFT");
	}

	@Test
	void theListFiltersSearchesAndSorts() {
		Map<String, Object> tagged = withItems("ISSUED");
		tagged.put("tags", List.of("insurance"));
		JsonNode issued = create(tagged);
		Map<String, Object> plain = withItems("DRAFT");
		plain.remove("patient_id");
		plain.remove("appointment_id");
		plain.put("items", List.of(items().get(1)));
		JsonNode draft = create(plain);
		String issuedId = issued.path("id").asString();
		String draftId = draft.path("id").asString();

		assertThat(ids(list("status=ISSUED"))).containsExactly(issuedId);
		assertThat(ids(list("status=DRAFT"))).containsExactly(draftId);
		assertThat(ids(list("tags=insurance"))).containsExactly(issuedId);
		assertThat(ids(list("tags=insurance&tags=other"))).isEmpty();
		assertThat(ids(list("patient_id=" + this.patient))).containsExactly(issuedId);
		assertThat(ids(list("patient_id=" + UUID.randomUUID()))).isEmpty();
		assertThat(ids(list("appointment_id=" + this.appointment))).containsExactly(issuedId);
		assertThat(ids(list("search=INV-1"))).containsExactly(issuedId);
		assertThat(ids(list("search=virtanen"))).containsExactly(issuedId);
		String patientName = this.tenant.bean(Patients.class)
			.get(this.tenant.caller, this.tenant.patient)
			.details()
			.name();
		assertThat(ids(list("search=" + TestTenant.encode(patientName)))).containsExactly(issuedId);
		assertThat(ids(list("order_by=-total_amount"))).containsExactly(issuedId, draftId);
		assertThat(ids(list("order_by=total_amount"))).containsExactly(draftId, issuedId);

		ApiResponse unknownOrder = this.api.get("/invoice/?order_by=colour");
		assertThat(unknownOrder.status()).isEqualTo(422);
		assertThat(unknownOrder.body().path("detail").get(0).path("loc").toString())
			.isEqualTo("[\"query\",\"order_by\"]");
		ApiResponse badStatus = this.api.get("/invoice/?status=OPEN");
		assertThat(badStatus.status()).isEqualTo(422);
		assertThat(badStatus.body().path("detail").get(0).path("loc").toString()).isEqualTo("[\"query\",\"status\"]");
		ApiResponse badLimit = this.api.get("/invoice/?limit=many");
		assertThat(badLimit.status()).isEqualTo(422);
		assertThat(badLimit.body().path("detail").get(0).path("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
	}

	@Test
	void issuingChecksThePeriodLock() {
		ApiResponse locked = this.api.patch(this.tenant.path("/departments/" + this.tenant.department + "/settings"),
				Map.of("financial_period_lock_date", "2026-11-01"));
		assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
		Map<String, Object> body = withItems("DRAFT");
		body.put("issue_date", "2026-10-31T12:00:00");
		String id = create(body).path("id").asString();

		ApiResponse refused = this.api.put("/invoice/" + id, Map.of("status", "ISSUED"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body().path("detail").get(0).path("type").asString()).isEqualTo("period_locked");
		assertThat(get(id).path("status").asString()).isEqualTo("DRAFT");
		JsonNode issued = put(id, Map.of("status", "ISSUED", "issue_date", "2026-11-02T08:00:00"));
		assertThat(issued.path("reg_number").asString()).isEqualTo("INV-1");
	}

	@Test
	void draftsIssuedAtOnceGetGaplessNumbersAndConcurrentPaymentsAddUp() throws Exception {
		int count = 16;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(create(withItems("DRAFT")).path("id").asString());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiResponse>> issuing = new ArrayList<>();
		for (String id : ids) {
			// each draft is asked to be issued twice at once: one numbers it, the other
			// finds it issued
			for (int twice = 0; twice < 2; twice++) {
				issuing.add(pool.submit(() -> {
					start.await();
					return this.api.put("/invoice/" + id, Map.of("status", "ISSUED"));
				}));
			}
		}
		start.countDown();
		for (Future<ApiResponse> response : issuing) {
			assertThat(response.get().status()).as(response.get().toString()).isEqualTo(200);
		}
		List<String> numbers = new ArrayList<>();
		for (String id : ids) {
			numbers.add(get(id).path("reg_number").asString());
		}
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			expected.add("INV-" + i);
		}
		assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);

		JsonNode invoice = get(ids.get(0));
		List<Future<?>> paying = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			paying.add(pool.submit(() -> pay(invoice, "15.00")));
		}
		for (Future<?> payment : paying) {
			payment.get();
		}
		pool.shutdown();
		JsonNode paid = get(ids.get(0));
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		assertThat(paid.path("paid_amount").toString()).isEqualTo("135.00");
		assertThat(paid.path("remaining_amount").toString()).isEqualTo("0.00");
	}

	@Test
	void anotherTenantsInvoiceIsNotFound() {
		String id = create(withItems("DRAFT")).path("id").asString();
		Api other = newTenant().api;

		assertThat(other.get("/invoice/" + id).status()).isEqualTo(404);
		assertThat(other.put("/invoice/" + id, Map.of("status", "VOID")).status()).isEqualTo(404);
		assertThat(other.delete("/invoice/" + id).status()).isEqualTo(404);
		assertThat(other.get("/invoice/").body().path("total").asInt()).isZero();
		assertThat(get(id).path("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void badInputNamesTheField() {
		Map<String, Object> body = documentRequest();
		body.put("patient_id", UUID.randomUUID().toString());
		body.put("issue_date", "yesterday");
		body.put("items", List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", -1)));

		ApiResponse response = this.api.post("/invoice/", body);

		assertThat(response.status()).isEqualTo(422);
		assertThat(locs(response.body())).contains("[\"body\",\"patient_id\"]", "[\"body\",\"issue_date\"]");
		assertThat(this.api.get("/invoice/not-a-uuid").status()).isEqualTo(422);
		assertThat(this.api.get("/invoice/" + UUID.randomUUID()).raw()).isEqualTo("{\"detail\":\"Not Found\"}");
	}

	@Test
	void anItemIdBeyondSixtyFourBitsNamesTheField() {
		long before = this.api.get("/invoice/").body().path("total").asLong();
		for (String id : List.of("9223372036854775808", "18446744073709551616", "-9223372036854775809")) {
			ApiResponse response = this.api.post("/invoice/", "{\"status\": \"DRAFT\", \"items\": [{\"item_id\": " + id
					+ ", \"description\": \"x\", \"quantity\": 1, \"unit_price\": 1, \"tax_rate\": 10}]}");
			assertThat(response.status()).as(id + " -> " + response).isEqualTo(422);
			assertThat(locs(response.body())).as(id).containsExactly("[\"body\",\"items\",0,\"item_id\"]");
		}
		assertThat(this.api.get("/invoice/").body().path("total").asLong()).isEqualTo(before);
	}

	private JsonNode list(String query) {
		ApiResponse response = this.api.get("/invoice/?" + query);
		assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
		return response.body();
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.path("data").forEach((invoice) -> ids.add(invoice.path("id").asString()));
		return ids;
	}

	private static List<String> keys(JsonNode node) {
		List<String> keys = new ArrayList<>();
		node.propertyNames().forEach(keys::add);
		return keys;
	}

	private static List<String> locs(JsonNode body) {
		List<String> locs = new ArrayList<>();
		body.path("detail").forEach((error) -> locs.add(error.path("loc").toString()));
		return locs;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> toMap(JsonNode node) {
		return JSON.convertValue(node, Map.class);
	}

}
