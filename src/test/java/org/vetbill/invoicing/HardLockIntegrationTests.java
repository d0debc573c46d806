package org.vetbill.invoicing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.MoneyIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * The organization's hard lock date: set through vetbill's own API by a settings user,
 * only ever moved forward, and no finalization, payment, cancellation, credit note,
 * voiding, write-off or prepayment dated before it, whoever asks (the tenant's client
 * holds every permission). Unlike the period lock nothing about it can be turned off.
 */
class HardLockIntegrationTests extends MoneyIntegrationTest {

	@Test
	void theHardLockOnlyMovesForwardAndOnlyForSettingsUsers() {
		assertThat(this.tenant.api.get(this.tenant.path("/organization")).get("hard_lock_date").isNull()).isTrue();
		ApiResponse billing = this.tenant.apiWith("read", "billing")
			.put(this.tenant.path("/organization/hard-lock"), Map.of("hard_lock_date", "2026-11-01"));
		assertThat(billing.status()).isEqualTo(403);

		ApiResponse moved = hardLock("2026-11-01");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.get("hard_lock_date").asString()).isEqualTo("2026-11-01");
		assertThat(this.tenant.api.get(this.tenant.path("/organization")).get("hard_lock_date").asString())
			.isEqualTo("2026-11-01");

		ApiResponse back = hardLock("2026-10-31");
		assertThat(back.status()).as(back.toString()).isEqualTo(400);
		assertThat(back.get("errors").get(0).get("field").asString()).isEqualTo("hard_lock_date");
		assertThat(back.get("errors").get(0).get("message").asString())
			.isEqualTo("cannot move back from 2026-11-01 to 2026-10-31: the hard lock date only moves forward");
		ApiResponse cleared = this.tenant.api.put(this.tenant.path("/organization/hard-lock"),
				java.util.Collections.singletonMap("hard_lock_date", null));
		assertThat(cleared.status()).isEqualTo(400);
		assertThat(cleared.get("errors").get(0).get("field").asString()).isEqualTo("hard_lock_date");
		ApiResponse ahead = hardLock("2026-11-22");
		assertThat(ahead.status()).isEqualTo(400);
		assertThat(ahead.get("errors").get(0).get("field").asString()).isEqualTo("hard_lock_date");
		assertThat(this.tenant.api.get(this.tenant.path("/organization")).get("hard_lock_date").asString())
			.isEqualTo("2026-11-01");

		assertThat(hardLock("2026-11-21").get("hard_lock_date").asString()).isEqualTo("2026-11-21");
		// not a field of the Cloud API's department settings (the real API has none)
		ApiResponse cloud = this.tenant.api
			.get("/" + this.tenant.provetId + "/api/0.1/settings/department/" + this.tenant.department + "/");
		assertThat(cloud.raw()).doesNotContain("hard_lock");
	}

	@Test
	void nothingIsFinalizedPaidCancelledCreditedOrVoidedBeforeIt() {
		ApiResponse settings = this.tenant.api.patch(
				this.tenant.path("/departments/" + this.tenant.department + "/settings"),
				Map.of("payment_cancel_set_date", true));
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		long paidInOctober = invoice("2026-10-15");
		ApiResponse payment = post("/invoices/" + paidInOctober + "/payments",
				Map.of("payment_type", 0, "paid", "10.00", "date_added", "2026-10-20T10:00:00Z"));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		long unpaidInOctober = invoice("2026-10-16");
		long draft = draft();
		assertThat(hardLock("2026-11-01").status()).isEqualTo(200);
		int payments = this.dsl.fetchCount(INVOICE_PAYMENT);

		assertHardLocked(this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/finalize"),
				Map.of("invoice_date", "2026-10-31")), "invoice_date", "2026-10-31");
		assertHardLocked(
				post("/invoices/" + paidInOctober + "/payments",
						Map.of("payment_type", 0, "paid", "1.00", "date_added", "2026-10-31T10:00:00Z")),
				"date_added", "2026-10-31");
		assertHardLocked(
				post("/payments/" + payment.id() + "/cancel",
						Map.of("info", "wrong card", "cancel_date", "2026-10-31T12:00:00Z")),
				"cancel_date", "2026-10-31");
		assertHardLocked(
				post("/invoices/" + paidInOctober + "/credit-notes", Map.of("use_original_invoice_date", true)),
				"use_original_invoice_date", "2026-10-15");
		assertHardLocked(post("/invoices/" + unpaidInOctober + "/void", Map.of("reason", "typo")), "invoice_date",
				"2026-10-16");
		assertThat(this.dsl.fetchCount(INVOICE_PAYMENT)).isEqualTo(payments);

		// in the open period everything still works
		assertThat(this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/finalize"), null).status())
			.isEqualTo(200);
		assertThat(post("/invoices/" + paidInOctober + "/payments", Map.of("payment_type", 0, "paid", "1.00")).status())
			.isEqualTo(201);
		assertThat(post("/payments/" + payment.id() + "/cancel", Map.of("info", "wrong card")).status()).isEqualTo(201);
		assertThat(post("/invoices/" + unpaidInOctober + "/credit-notes", Map.of()).status()).isEqualTo(201);
	}

	@Test
	void writeOffsAndPrepaymentsDatedBeforeItAreRefused() {
		long invoice = invoice("2026-11-21");
		long prepayment = prepayment("50.00");
		assertThat(hardLock("2026-11-21").status()).isEqualTo(200);
		int payments = this.dsl.fetchCount(INVOICE_PAYMENT);
		int prepayments = this.dsl.fetchCount(UNALLOCATED_PAYMENT);
		// the server's clock a day behind: what is dated today is now before the lock
		this.clock.set("2026-11-20T10:00:00Z");

		assertHardLocked(post("/invoices/" + invoice + "/write-off", Map.of("reason", "bad debt")), "date",
				"2026-11-20");
		assertHardLocked(
				post("/invoices/" + invoice + "/apply-prepayment", Map.of("unallocated_payment_id", prepayment)),
				"date", "2026-11-20");
		ApiResponse received = this.tenant.api.post("/" + this.tenant.provetId + "/api/0.1/unallocatedpayment/",
				Map.of("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid",
						"20.00"));
		assertThat(received.status()).as(received.toString()).isEqualTo(400);
		assertThat(received.raw()).contains("is before the hard lock date 2026-11-21 of the organization");
		assertThat(this.dsl.fetchCount(INVOICE_PAYMENT)).isEqualTo(payments);
		assertThat(this.dsl.fetchCount(UNALLOCATED_PAYMENT)).isEqualTo(prepayments);

		this.clock.set("2026-11-21T10:00:00Z");
		assertThat(post("/invoices/" + invoice + "/write-off", Map.of("reason", "bad debt")).status()).isEqualTo(200);
	}

	private static void assertHardLocked(ApiResponse response, String field, String date) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.get("code").asString()).isEqualTo("hard_locked");
		assertThat(response.get("field").asString()).isEqualTo(field);
		assertThat(response.get("detail").asString()).startsWith(field + " " + date + " is before the hard lock date");
	}

	private ApiResponse hardLock(String date) {
		return this.tenant.api.put(this.tenant.path("/organization/hard-lock"), Map.of("hard_lock_date", date));
	}

	private long draft() {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2),
								Map.of("item_id", this.tenant.medicineItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		return draft.id();
	}

	private long invoice(String date) {
		long draft = draft();
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/finalize"),
				Map.of("invoice_date", date));
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft;
	}

	private long prepayment(String amount) {
		ApiResponse prepayment = this.tenant.api.post("/" + this.tenant.provetId + "/api/0.1/unallocatedpayment/", Map
			.of("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid", amount));
		assertThat(prepayment.status()).as(prepayment.toString()).isEqualTo(201);
		return prepayment.id();
	}

	private ApiResponse post(String path, Object body) {
		return this.tenant.api.post(this.tenant.path(path), body);
	}

}
