package org.vetbill.invoicing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.audit.AuditEvent;
import org.vetbill.audit.AuditTrail;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.invoicing.domain.ReferenceNumbers;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;
import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;

/**
 * The clinic side of the invoice lifecycle over real HTTP: drafts, rows, figures,
 * discounts, finalization, status changes, voiding, consultations, period lock and the
 * audit log.
 */
class InvoiceLifecycleIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	private ApiResponse createDraft(Object body) {
		ApiResponse response = this.tenant.api.post(this.tenant.path("/invoices"), body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private Map<String, Object> twoRowDraft() {
		return Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
				List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2, "patient_id",
						this.tenant.patient),
						Map.of("item_id", this.tenant.medicineItem, "quantity", "3", "percentage_change", -10)));
	}

	private static String json(JsonNode node, String field) {
		return node.path(field).toString();
	}

	@Test
	void aDraftComputesRowAndInvoiceFiguresAsTheCloudApiNamesThem() {
		ApiResponse draft = createDraft(twoRowDraft());
		JsonNode invoice = draft.body();
		assertThat(invoice.path("status").asInt()).isZero();
		assertThat(invoice.path("invoice_number").isNull()).isTrue();
		assertThat(invoice.path("invoice_prefix").asString()).isEmpty();
		assertThat(invoice.path("document_number").asString()).isEqualTo(String.valueOf(draft.id()));
		assertThat(invoice.path("countersale").asBoolean()).isTrue();
		assertThat(invoice.path("currency").asString()).isEqualTo("EUR");
		JsonNode consultation = invoice.path("rows").get(0);
		assertThat(json(consultation, "quantity")).isEqualTo("2.0");
		assertThat(json(consultation, "price")).isEqualTo("50.00");
		assertThat(json(consultation, "price_with_vat")).isEqualTo("62.00");
		assertThat(json(consultation, "vat_percentage")).isEqualTo("24.0");
		assertThat(json(consultation, "sum")).isEqualTo("100.00");
		assertThat(json(consultation, "sum_vat")).isEqualTo("24.00");
		assertThat(json(consultation, "sum_total")).isEqualTo("124.00");
		assertThat(consultation.path("patient_id").asLong()).isEqualTo(this.tenant.patient);
		JsonNode medicine = invoice.path("rows").get(1);
		// 12.35 x 3 x 0.9 = 33.345 -> 33.35 (half-up); VAT 10 % = 3.335 -> 3.34
		assertThat(json(medicine, "percentage_change")).isEqualTo("-10.0");
		assertThat(json(medicine, "price_with_vat")).isEqualTo("13.585");
		assertThat(json(medicine, "sum")).isEqualTo("33.35");
		assertThat(json(medicine, "sum_vat")).isEqualTo("3.34");
		assertThat(json(medicine, "sum_total")).isEqualTo("36.69");
		assertThat(json(invoice, "total")).isEqualTo("133.35");
		assertThat(json(invoice, "total_vat")).isEqualTo("27.34");
		assertThat(json(invoice, "total_with_vat")).isEqualTo("160.69");
		assertThat(json(invoice, "due_sum")).isEqualTo("160.69");
		assertThat(json(invoice, "paid_amount")).isEqualTo("0.00");
		assertThat(invoice.path("patient_ids").toString()).isEqualTo("[" + this.tenant.patient + "]");
		// accounts and dimensions reach the rows only when the invoice is finalized
		assertThat(consultation.path("account_number").isNull()).isTrue();
	}

	@Test
	void pricesIncludingVatDeriveTheVatFromTheGross() {
		TestTenant gross = newTenant(ReferenceNumberFormat.FINNISH, true);
		ApiResponse draft = gross.api.post(gross.path("/invoices"), Map.of("department_id", gross.department, "rows",
				List.of(Map.of("item_id", gross.consultationItem, "quantity", 1))));
		JsonNode row = draft.body().path("rows").get(0);
		assertThat(json(row, "sum_total")).isEqualTo("50.00");
		assertThat(json(row, "sum_vat")).isEqualTo("9.68");
		assertThat(json(row, "sum")).isEqualTo("40.32");
		assertThat(json(row, "price")).isEqualTo("40.3226");
		assertThat(json(row, "price_with_vat")).isEqualTo("50.00");
		assertThat(draft.body().path("prices_include_vat").asBoolean()).isTrue();
	}

	@Test
	void draftRowsCanBeAddedChangedAndRemoved() {
		long id = createDraft(Map.of("department_id", this.tenant.department, "client_id", this.tenant.client)).id();
		ApiResponse added = this.tenant.api.post(this.tenant.path("/invoices/" + id + "/rows"),
				Map.of("item_id", this.tenant.consultationItem, "quantity", 1));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long rowId = added.body().path("rows").get(0).path("id").asLong();
		this.tenant.api.post(this.tenant.path("/invoices/" + id + "/rows"),
				Map.of("item_id", this.tenant.medicineItem, "quantity", 1));
		ApiResponse changed = this.tenant.api.patch(this.tenant.path("/invoices/" + id + "/rows/" + rowId),
				Map.of("quantity", "1.5", "price", "40.00"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(400);
		assertThat(changed.body().path("errors").get(0).path("field").asString()).isEqualTo("price");
		changed = this.tenant.api.patch(this.tenant.path("/invoices/" + id + "/rows/" + rowId),
				Map.of("quantity", "1.5", "unit_price", "40.00", "name", "Long consultation"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		JsonNode row = changed.body().path("rows").get(0);
		assertThat(json(row, "unit_price")).isEqualTo("40.00");
		assertThat(json(row, "sum")).isEqualTo("60.00");
		assertThat(row.path("name").asString()).isEqualTo("Long consultation");
		// 60.00 + 14.40 and 12.35 + 1.24 (1.235 -> 1.24)
		assertThat(json(changed.body(), "total_with_vat")).isEqualTo("87.99");
		ApiResponse removed = this.tenant.api.delete(this.tenant.path("/invoices/" + id + "/rows/" + rowId));
		assertThat(removed.status()).isEqualTo(200);
		assertThat(removed.body().path("rows").size()).isEqualTo(1);
		assertThat(json(removed.body(), "total_with_vat")).isEqualTo("13.59");
		assertThat(this.tenant.api.delete(this.tenant.path("/invoices/" + id + "/rows/" + rowId)).status())
			.isEqualTo(404);
	}

	@Test
	void aRowGivenAnotherItemTakesItsNameAndPriceUnlessTheChangeGivesThem() {
		ApiResponse draft = createDraft(twoRowDraft());
		String row = this.tenant
			.path("/invoices/" + draft.id() + "/rows/" + draft.body().path("rows").get(0).path("id").asLong());
		JsonNode changed = this.tenant.api.patch(row, Map.of("item_id", this.tenant.medicineItem)).body();
		assertThat(changed.path("rows").get(0).path("name").asString()).isEqualTo("Medicine");
		assertThat(json(changed.path("rows").get(0), "vat_percentage")).isEqualTo("10.0");
		// 12.35 x 2 = 24.70, VAT 10 % 2.47
		assertThat(json(changed.path("rows").get(0), "unit_price")).isEqualTo("12.35");
		assertThat(json(changed.path("rows").get(0), "sum_total")).isEqualTo("27.17");

		changed = this.tenant.api
			.patch(row, Map.of("item_id", this.tenant.consultationItem, "name", "Follow-up", "unit_price", "30"))
			.body();
		assertThat(changed.path("rows").get(0).path("name").asString()).isEqualTo("Follow-up");
		assertThat(json(changed.path("rows").get(0), "sum_total")).isEqualTo("74.40");
	}

	@Test
	void anInvoiceDiscountIsSpreadOverTheRowsToTheCent() {

		long id = createDraft(twoRowDraft()).id();
		ApiResponse discounted = this.tenant.api.patch(this.tenant.path("/invoices/" + id),
				Map.of("discount_amount", "10.00"));
		assertThat(discounted.status()).as(discounted.toString()).isEqualTo(200);
		JsonNode invoice = discounted.body();
		// 10.00 over gross 124.00 and 36.69: 7.716.. and 2.283.., the cent left to the
		// larger remainder
		assertThat(json(invoice.path("rows").get(0), "discount_amount")).isEqualTo("7.72");
		assertThat(json(invoice.path("rows").get(1), "discount_amount")).isEqualTo("2.28");
		assertThat(json(invoice.path("rows").get(0), "sum_total")).isEqualTo("116.28");
		assertThat(json(invoice.path("rows").get(0), "sum_vat")).isEqualTo("22.51");
		assertThat(json(invoice.path("rows").get(1), "sum_total")).isEqualTo("34.41");
		assertThat(json(invoice.path("rows").get(1), "sum_vat")).isEqualTo("3.13");
		assertThat(json(invoice, "total_with_vat")).isEqualTo("150.69");
		assertThat(json(invoice, "total_vat")).isEqualTo("25.64");
		assertThat(json(invoice, "total")).isEqualTo("125.05");
		ApiResponse percent = this.tenant.api.patch(this.tenant.path("/invoices/" + id),
				Map.of("discount_percent", 10));
		assertThat(percent.status()).as(percent.toString()).isEqualTo(400);
		assertThat(percent.body().path("errors").get(0).path("field").asString()).isEqualTo("discount_amount");
		java.util.Map<String, Object> switchToPercent = new java.util.HashMap<>();
		switchToPercent.put("discount_percent", 10);
		switchToPercent.put("discount_amount", null);
		percent = this.tenant.api.patch(this.tenant.path("/invoices/" + id), switchToPercent);
		assertThat(percent.status()).as(percent.toString()).isEqualTo(200);
		assertThat(json(percent.body(), "discount_amount")).isEqualTo("16.07");
		assertThat(json(percent.body(), "total_with_vat")).isEqualTo("144.62");
		java.util.Map<String, Object> tooMuch = new java.util.HashMap<>();
		tooMuch.put("discount_percent", null);
		tooMuch.put("discount_amount", "500.00");
		ApiResponse refused = this.tenant.api.patch(this.tenant.path("/invoices/" + id), tooMuch);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.get("code").asString()).isEqualTo("discount_exceeds_total");
		assertThat(refused.get("field").asString()).isEqualTo("discount_amount");
	}

	@Test
	void finalizingNumbersDatesAndSnapshotsTheInvoice() {
		long id = createDraft(twoRowDraft()).id();
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		JsonNode invoice = finalized.body();
		assertThat(invoice.path("status").asInt()).isEqualTo(3);
		assertThat(invoice.path("invoice_number").asLong()).isEqualTo(1);
		assertThat(invoice.path("invoice_prefix").asString()).isEqualTo("INV");
		assertThat(invoice.path("document_number").asString()).isEqualTo("INV-1");
		assertThat(invoice.path("reference_number").asString())
			.isEqualTo(ReferenceNumbers.forInvoice(ReferenceNumberFormat.FINNISH, this.tenant.department, 1))
			.satisfies((reference) -> assertThat(ReferenceNumbers.isValidFinnish(reference)).isTrue());
		assertThat(invoice.path("invoice_date").asString()).isEqualTo("2026-11-21");
		assertThat(invoice.path("invoice_due_date").asString()).isEqualTo("2026-12-12");
		assertThat(invoice.path("payer").toString()).isEqualTo("{\"name\":\"Anna Virtanen\",\"organization_name\":null,"
				+ "\"vat_number\":null,\"register_number\":null,\"country_code\":\"FI\","
				+ "\"street_address\":\"Mannerheimintie 1\",\"street_address_2\":\"B 2\",\"zip_code\":\"00100\","
				+ "\"city\":\"Helsinki\",\"state\":null}");
		JsonNode consultation = invoice.path("rows").get(0);
		assertThat(consultation.path("account_number").asString()).isEqualTo("3000");
		assertThat(consultation.path("internal_account_number").asString()).isEqualTo("9000");
		assertThat(consultation.path("reporting_dimension_1").asString()).isEqualTo("VET");
		assertThat(consultation.path("reporting_dimension_2").asString()).isEqualTo("D2");
		assertThat(consultation.path("reporting_dimension_3").asString()).isEqualTo("D3");
		assertThat(consultation.path("internal_reporting_dimension_1").asString()).isEqualTo("I1");
		assertThat(consultation.path("internal_reporting_dimension_2").asString()).isEqualTo("I2");
		JsonNode medicine = invoice.path("rows").get(1);
		assertThat(medicine.path("account_number").asString()).isEqualTo("3100");
		assertThat(medicine.path("reporting_dimension_3").isNull()).isTrue();
		assertThat(json(invoice, "total_with_vat")).isEqualTo("160.69");
		long second = createDraft(twoRowDraft()).id();
		assertThat(this.tenant.api.post(this.tenant.path("/invoices/" + second + "/finalize"), null)
			.get("invoice_number")
			.asLong()).isEqualTo(2);
	}

	@Test
	void aFinalizedInvoiceNoLongerChanges() {
		long id = createDraft(twoRowDraft()).id();
		this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null);
		ApiResponse edit = this.tenant.api.patch(this.tenant.path("/invoices/" + id), Map.of("remarks", "late"));
		assertThat(edit.status()).isEqualTo(422);
		assertThat(edit.get("code").asString()).isEqualTo("invoice_not_editable");
		assertThat(edit.get("detail").asString()).contains("credit note");
		assertThat(this.tenant.api
			.post(this.tenant.path("/invoices/" + id + "/rows"),
					Map.of("item_id", this.tenant.medicineItem, "quantity", 1))
			.status()).isEqualTo(422);
		assertThat(this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null).get("code").asString())
			.isEqualTo("invoice_not_editable");
		// the payer snapshot does not follow the client
		ApiResponse renamed = this.tenant.api.patch(this.tenant.path("/clients/" + this.tenant.client),
				Map.of("lastname", "Korhonen", "city", "Espoo"));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		JsonNode invoice = this.tenant.api.get(this.tenant.path("/invoices/" + id)).body();
		assertThat(invoice.path("payer").path("name").asString()).isEqualTo("Anna Virtanen");
		assertThat(invoice.path("payer").path("city").asString()).isEqualTo("Helsinki");
	}

	@Test
	void rfReferenceNumbersFollowIso11649() {
		TestTenant rf = newTenant(ReferenceNumberFormat.RF, false);
		long id = rf.api
			.post(rf.path("/invoices"), Map.of("department_id", rf.department, "rows",
					List.of(Map.of("item_id", rf.medicineItem, "quantity", 1))))
			.id();
		String reference = rf.api.post(rf.path("/invoices/" + id + "/finalize"), null)
			.get("reference_number")
			.asString();
		assertThat(reference).startsWith("RF");
		assertThat(ReferenceNumbers.isValidRf(reference)).isTrue();
		TestTenant none = newTenant(ReferenceNumberFormat.NONE, false);
		long plain = none.api
			.post(none.path("/invoices"), Map.of("department_id", none.department, "rows",
					List.of(Map.of("item_id", none.medicineItem, "quantity", 1))))
			.id();
		assertThat(none.api.post(none.path("/invoices/" + plain + "/finalize"), null).get("reference_number").isNull())
			.isTrue();
	}

	@Test
	void aCountersaleWithoutClientHasNoPayerAndTheOrganizationsTerms() {
		long id = createDraft(Map.of("department_id", this.tenant.department, "rows",
				List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 2))))
			.id();
		JsonNode invoice = this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null).body();
		assertThat(invoice.path("client_id").isNull()).isTrue();
		assertThat(invoice.path("payer").path("name").isNull()).isTrue();
		assertThat(invoice.path("invoice_due_date").asString()).isEqualTo("2026-12-05");
		ApiResponse withPatient = this.tenant.api
			.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department, "rows", List
				.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1, "patient_id", this.tenant.patient))));
		assertThat(withPatient.status()).isEqualTo(400);
		assertThat(withPatient.body().path("errors").get(0).path("field").asString()).isEqualTo("rows[0].patient_id");
	}

	@Test
	void finalizationChecksTheDateAgainstThePeriodLockWithoutUsingANumber() {
		ApiResponse locked = this.tenant.api.patch(
				this.tenant.path("/departments/" + this.tenant.department + "/settings"),
				Map.of("financial_period_lock_date", "2026-11-01"));
		assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
		long id = createDraft(twoRowDraft()).id();
		ApiResponse refused = this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"),
				Map.of("invoice_date", "2026-10-31"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.get("code").asString()).isEqualTo("period_locked");
		assertThat(refused.get("field").asString()).isEqualTo("invoice_date");
		assertThat(refused.get("detail").asString()).contains("2026-10-31").contains("2026-11-01");
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"),
				Map.of("invoice_date", "2026-11-01"));
		assertThat(finalized.status()).isEqualTo(200);
		assertThat(finalized.get("invoice_number").asLong()).isEqualTo(1);
	}

	@Test
	void theAutomaticLockRefusesAManualDateAndAdvancesWithTheClock() {
		String settings = this.tenant.path("/departments/" + this.tenant.department + "/settings");
		ApiResponse automatic = this.tenant.api.patch(settings,
				Map.of("automatic_financial_period_lock_enabled", true, "automatic_financial_period_lock_monthday", 5));
		assertThat(automatic.status()).as(automatic.toString()).isEqualTo(200);
		assertThat(automatic.get("effective_financial_period_lock_date").asString()).isEqualTo("2026-11-01");
		ApiResponse manual = this.tenant.api.patch(settings, Map.of("financial_period_lock_date", "2026-06-01"));
		assertThat(manual.status()).isEqualTo(422);
		assertThat(manual.get("field").asString()).isEqualTo("financial_period_lock_date");
		// 23:00 on 4 December in Helsinki
		this.clock.set("2026-12-04T21:00:00Z");
		// tokens live 10 hours: the old one has expired
		assertThat(this.tenant.api.get(settings).status()).isEqualTo(401);
		Api api = this.tenant.freshApi();
		assertThat(api.get(settings).get("effective_financial_period_lock_date").asString()).isEqualTo("2026-11-01");
		// 00:30 on 5 December in Helsinki, still 4 December in UTC
		this.clock.set("2026-12-04T22:30:00Z");

		assertThat(api.get(settings).get("effective_financial_period_lock_date").asString()).isEqualTo("2026-12-01");
		long id = api.post(this.tenant.path("/invoices"), twoRowDraft()).id();
		assertThat(api.post(this.tenant.path("/invoices/" + id + "/finalize"), Map.of("invoice_date", "2026-11-30"))
			.get("code")
			.asString()).isEqualTo("period_locked");
		ApiResponse missingDay = api.patch(settings, Map.of("automatic_financial_period_lock_monthday", Map.of()));
		assertThat(missingDay.status()).isEqualTo(400);
	}

	@Test
	void statusesMoveAmongDraftsAndBetweenThreeAndFour() {
		long id = createDraft(twoRowDraft()).id();
		String path = this.tenant.path("/invoices/" + id);
		assertThat(this.tenant.api.patch(path, Map.of("status", 1)).get("status").asInt()).isEqualTo(1);
		ApiResponse open = this.tenant.api.patch(path, Map.of("status", 2));
		assertThat(open.get("status").asInt()).isEqualTo(2);
		java.util.Map<String, Object> noStatus = new java.util.HashMap<>();
		noStatus.put("status", null);
		ApiResponse missing = this.tenant.api.patch(path, noStatus);
		assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
		assertThat(missing.body().path("errors").get(0).path("field").asString()).isEqualTo("status");
		// a patch that changes nothing changes nothing, not even the version
		ApiResponse same = this.tenant.api.patch(path, Map.of("status", 2));
		assertThat(same.get("version").asInt()).isEqualTo(open.get("version").asInt());
		assertThat(same.get("modified").asString()).isEqualTo(open.get("modified").asString());
		ApiResponse finalize = this.tenant.api.patch(path, Map.of("status", 3));

		assertThat(finalize.status()).isEqualTo(422);
		assertThat(finalize.get("code").asString()).isEqualTo("use_finalize");
		assertThat(this.tenant.api.patch(path, Map.of("status", 7)).status()).isEqualTo(400);
		this.tenant.api.post(path + "/finalize", Map.of("status", 4));
		assertThat(this.tenant.api.get(path).get("status").asInt()).isEqualTo(4);
		assertThat(this.tenant.api.patch(path, Map.of("status", 3)).get("status").asInt()).isEqualTo(3);
		assertThat(this.tenant.api.patch(path, Map.of("status", 0)).get("code").asString())
			.isEqualTo("invalid_status_change");
	}

	@Test
	void voidingFollowsItsRules() {
		long draft = createDraft(twoRowDraft()).id();
		ApiResponse voidedDraft = this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/void"),
				Map.of("reason", "entered twice"));
		assertThat(voidedDraft.status()).as(voidedDraft.toString()).isEqualTo(200);
		assertThat(voidedDraft.get("status").asInt()).isEqualTo(99);
		assertThat(voidedDraft.get("invoice_number").isNull()).isTrue();
		assertThat(voidedDraft.get("void_reason").asString()).isEqualTo("entered twice");
		assertThat(this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/void"), null).get("code").asString())
			.isEqualTo("invoice_voided");

		long issued = createDraft(twoRowDraft()).id();
		this.tenant.api.post(this.tenant.path("/invoices/" + issued + "/finalize"), null);
		ApiResponse voided = this.tenant.api.post(this.tenant.path("/invoices/" + issued + "/void"), null);
		assertThat(voided.get("status").asInt()).isEqualTo(99);
		assertThat(voided.get("invoice_number").asLong()).isEqualTo(1);

		long old = createDraft(twoRowDraft()).id();
		this.tenant.api.post(this.tenant.path("/invoices/" + old + "/finalize"), Map.of("invoice_date", "2026-10-15"));
		this.tenant.api.patch(this.tenant.path("/departments/" + this.tenant.department + "/settings"),
				Map.of("financial_period_lock_date", "2026-11-01"));
		ApiResponse locked = this.tenant.api.post(this.tenant.path("/invoices/" + old + "/void"), null);
		assertThat(locked.status()).isEqualTo(422);
		assertThat(locked.get("code").asString()).isEqualTo("period_locked");
		assertThat(locked.get("detail").asString()).contains("credit note");
	}

	@Test
	void finalizingAConsultationInvoicesItsChargedItems() {
		ApiResponse consultation = this.tenant.api.post(this.tenant.path("/consultations"), Map.of("department_id",
				this.tenant.department, "client_id", this.tenant.client, "patient_id", this.tenant.patient));
		assertThat(consultation.status()).as(consultation.toString()).isEqualTo(201);
		String path = this.tenant.path("/consultations/" + consultation.id());
		assertThat(this.tenant.api.post(path + "/finalize", null).get("code").asString())
			.isEqualTo("consultation_empty");
		this.tenant.api.post(path + "/items", Map.of("item_id", this.tenant.consultationItem, "quantity", 1));
		ApiResponse items = this.tenant.api.post(path + "/items",
				Map.of("item_id", this.tenant.medicineItem, "quantity", 2, "unit_price", "10.00"));
		assertThat(items.body().path("items").size()).isEqualTo(2);
		ApiResponse invoice = this.tenant.api.post(path + "/finalize", null);
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
		assertThat(invoice.get("consultation_id").asLong()).isEqualTo(consultation.id());
		assertThat(invoice.get("countersale").asBoolean()).isFalse();
		assertThat(invoice.get("status").asInt()).isEqualTo(3);
		assertThat(invoice.get("invoice_number").asLong()).isEqualTo(1);
		JsonNode rows = invoice.body().path("rows");
		assertThat(rows.size()).isEqualTo(2);
		assertThat(rows.get(0).path("consultation_item_id").asLong())
			.isEqualTo(items.body().path("items").get(0).path("id").asLong());
		assertThat(rows.get(0).path("patient_id").asLong()).isEqualTo(this.tenant.patient);
		assertThat(json(rows.get(1), "sum")).isEqualTo("20.00");
		assertThat(json(invoice.body(), "total_with_vat")).isEqualTo("84.00");
		assertThat(this.tenant.api.get(path).get("status").asInt()).isEqualTo(10);
		assertThat(this.tenant.api.post(path + "/finalize", null).get("code").asString())
			.isEqualTo("consultation_finalized");
		assertThat(this.tenant.api.post(path + "/items", Map.of("item_id", this.tenant.medicineItem, "quantity", 1))
			.status()).isEqualTo(422);
	}

	@Test
	void createdStaysAndModifiedFollowsEveryVisibleChange() {
		ApiResponse draft = createDraft(twoRowDraft());
		String created = draft.get("created").asString();
		String modified = draft.get("modified").asString();
		String untouchedRowModified = draft.body().path("rows").get(1).path("modified").asString();
		long rowId = draft.body().path("rows").get(0).path("id").asLong();
		this.clock.advance(Duration.ofMinutes(5));
		JsonNode changed = this.tenant.api
			.patch(this.tenant.path("/invoices/" + draft.id() + "/rows/" + rowId), Map.of("quantity", 3))
			.body();
		assertThat(changed.path("created").asString()).isEqualTo(created);
		assertThat(changed.path("modified").asString()).isNotEqualTo(modified).isEqualTo("2026-11-21T10:05:00Z");
		assertThat(changed.path("rows").get(0).path("modified").asString()).isEqualTo("2026-11-21T10:05:00Z");
		assertThat(changed.path("rows").get(1).path("modified").asString()).isEqualTo(untouchedRowModified);
		this.clock.advance(Duration.ofMinutes(5));
		ApiResponse refused = this.tenant.api.patch(this.tenant.path("/invoices/" + draft.id() + "/rows/" + rowId),
				Map.of("quantity", -1));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(this.tenant.api.get(this.tenant.path("/invoices/" + draft.id())).get("modified").asString())
			.isEqualTo("2026-11-21T10:05:00Z");
	}

	@Test
	void everyStateChangeIsInTheAuditLog() {
		ApiResponse draft = createDraft(twoRowDraft());
		long id = draft.id();
		long rowId = draft.body().path("rows").get(0).path("id").asLong();
		this.tenant.api.patch(this.tenant.path("/invoices/" + id + "/rows/" + rowId), Map.of("quantity", 3));
		this.tenant.api.post(this.tenant.path("/invoices/" + id + "/rows"),
				Map.of("item_id", this.tenant.medicineItem, "quantity", 1));
		this.tenant.api.delete(this.tenant.path("/invoices/" + id + "/rows/" + rowId));
		this.tenant.api.patch(this.tenant.path("/invoices/" + id), Map.of("remarks", "checked"));
		this.tenant.api.post(this.tenant.path("/invoices/" + id + "/finalize"), null);
		this.tenant.api.post(this.tenant.path("/invoices/" + id + "/void"), null);
		List<AuditEvent> events = this.tenant.bean(AuditTrail.class).of(this.tenant.organizationId, "invoice", id);
		assertThat(events).extracting(AuditEvent::action)
			.containsExactly("invoice.created", "invoice.row_changed", "invoice.row_added", "invoice.row_removed",
					"invoice.updated", "invoice.finalized", "invoice.voided");
		assertThat(events).extracting(AuditEvent::actor).containsOnly("client:admin");
		assertThat(events.get(1).details()).contains("\"before\"").contains("\"after\"");
	}

	@Test
	void badInputNamesTheFieldAndWritesNothing() {
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		int invoices = dsl.fetchCount(INVOICE, INVOICE.ORGANIZATION_ID.eq(this.tenant.organizationId));
		int audited = dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId));
		Map<String, String> cases = Map.of(
				"{\"department_id\": "
						+ this.tenant.department + ", \"rows\": [{\"item_id\": 999999, \"quantity\": 1}]}",
				"rows[0].item_id",
				"{\"department_id\": " + this.tenant.department + ", \"rows\": [{\"item_id\": "
						+ this.tenant.medicineItem + ", \"quantity\": \"abc\"}]}",
				"rows[0].quantity",
				"{\"department_id\": " + this.tenant.department + ", \"rows\": [{\"item_id\": "
						+ this.tenant.medicineItem + ", \"quantity\": 1.0005}]}",
				"rows[0].quantity", "{\"department_id\": 999999}", "department_id",
				"{\"department_id\": " + this.tenant.department + ", \"colour\": \"red\"}", "colour", "{\"rows\": []}",
				"department_id", "{\"department_id\": " + this.tenant.department + ", ", "body",
				"{\"department_id\": " + this.tenant.department + ", \"discount_amount\": \"1.005\"}",
				"discount_amount");
		cases.forEach((body, field) -> {
			ApiResponse response = this.tenant.api.post(this.tenant.path("/invoices"), body);
			assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
			assertThat(response.header("Content-Type")).hasValue("application/problem+json");
			assertThat(response.get("code").asString()).isEqualTo("invalid_input");
			assertThat(response.body().path("errors").get(0).path("field").asString()).as(body).isEqualTo(field);
		});
		assertThat(dsl.fetchCount(INVOICE, INVOICE.ORGANIZATION_ID.eq(this.tenant.organizationId))).isEqualTo(invoices);
		assertThat(dsl.fetchCount(INVOICE_ROW, INVOICE_ROW.ORGANIZATION_ID.eq(this.tenant.organizationId))).isZero();
		assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId)))
			.isEqualTo(audited);
	}

	@Test
	void anotherTenantsInvoiceIsNotFound() {
		long id = createDraft(twoRowDraft()).id();
		TestTenant other = newTenant();
		ApiResponse viaOwnPath = other.api.get(other.path("/invoices/" + id));
		assertThat(viaOwnPath.status()).isEqualTo(404);
		ApiResponse viaForeignPath = other.api.get(this.tenant.path("/invoices/" + id));
		assertThat(viaForeignPath.status()).isEqualTo(404);
		assertThat(viaForeignPath.raw()).doesNotContain("Virtanen");
		assertThat(other.api.post(this.tenant.path("/invoices/" + id + "/void"), null).status()).isEqualTo(404);
		assertThat(this.tenant.api.get(this.tenant.path("/invoices/" + id)).get("status").asInt()).isZero();
	}

	@Test
	void listsPageByIdAndFilter() {
		for (int i = 0; i < 3; i++) {
			createDraft(twoRowDraft());
		}
		long finalized = createDraft(twoRowDraft()).id();
		this.tenant.api.post(this.tenant.path("/invoices/" + finalized + "/finalize"), null);
		ApiResponse first = this.tenant.api.get(this.tenant.path("/invoices?limit=2"));
		assertThat(first.body().path("items").size()).isEqualTo(2);
		long next = first.body().path("next_after").asLong();
		ApiResponse second = this.tenant.api.get(this.tenant.path("/invoices?limit=2&after=" + next));
		assertThat(second.body().path("items").size()).isEqualTo(2);
		assertThat(second.body().path("next_after").isNull()).isTrue();
		ApiResponse onlyFinalized = this.tenant.api.get(this.tenant.path("/invoices?status=3"));
		assertThat(onlyFinalized.body().path("items").size()).isEqualTo(1);
		assertThat(onlyFinalized.body().path("items").get(0).path("rows").size()).isEqualTo(2);
		assertThat(this.tenant.api.get(this.tenant.path("/invoices?limit=0")).status()).isEqualTo(400);
		assertThat(this.tenant.api.get(this.tenant.path("/invoices?status=abc")).status()).isEqualTo(400);
	}

}
