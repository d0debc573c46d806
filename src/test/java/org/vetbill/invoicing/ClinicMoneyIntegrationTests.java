package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vetbill.audit.AuditEvent;
import org.vetbill.audit.AuditTrail;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.MoneyIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic side of money in vetbill's own API: payments at the desk, prepayments
 * applied to invoices (type 8), overpayments paid out or moved to the client's
 * prepayments, and write-offs as their own ledger event.
 */
class ClinicMoneyIntegrationTests extends MoneyIntegrationTest {

	private JsonView invoiceView(long id) {
		return new JsonView(this.tenant.api.get(this.tenant.path("/invoices/" + id)));
	}

	private ApiResponse post(String path, Object body) {
		return this.tenant.api.post(this.tenant.path(path), body);
	}

	private ApiResponse pay(long invoice, String amount) {
		ApiResponse payment = post("/invoices/" + invoice + "/payments", Map.of("payment_type", 0, "paid", amount));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		return payment;
	}

	private long prepayment(String amount) {
		ApiResponse prepayment = this.tenant.api.post("/" + this.tenant.provetId + "/api/0.1/unallocatedpayment/", Map
			.of("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid", amount));
		assertThat(prepayment.status()).as(prepayment.toString()).isEqualTo(201);
		return prepayment.id();
	}

	private BigDecimal unused(long prepayment) {
		return this.tenant.api.get("/" + this.tenant.provetId + "/api/0.1/unallocatedpayment/" + prepayment + "/")
			.get("unused_amount")
			.decimalValue();
	}

	@Test
	void aPaymentAtTheDeskShowsOnTheInvoice() {
		long invoice = this.tenant.finalizedInvoice();
		ApiResponse payment = pay(invoice, "37.59");
		assertThat(payment.get("payment_type").asInt()).isZero();
		assertThat(payment.get("paid").toString()).isEqualTo("37.59");
		assertThat(payment.get("invoice_id").asLong()).isEqualTo(invoice);
		JsonView after = invoiceView(invoice);
		assertThat(after.decimal("paid_amount")).isEqualByComparingTo("37.59");
		assertThat(after.decimal("due_sum")).isEqualByComparingTo("100.00");
		assertThat(after.body().get("payment_ids").get(0).asLong()).isEqualTo(payment.id());
		assertThat(this.tenant.api.get(this.tenant.path("/invoices/" + invoice + "/payments")).body().size())
			.isEqualTo(1);
	}

	@Test
	void anInvoiceThatEverHadAPaymentIsCorrectedWithACreditNoteNotVoided() {
		long invoice = this.tenant.finalizedInvoice();
		ApiResponse payment = pay(invoice, "10.00");
		assertThat(post("/payments/" + payment.id() + "/cancel", Map.of("info", "wrong card")).status()).isEqualTo(201);
		assertThat(invoiceView(invoice).decimal("paid_amount")).isEqualByComparingTo("0.00");
		ApiResponse voided = post("/invoices/" + invoice + "/void", Map.of("reason", "wrong client"));
		assertThat(voided.status()).isEqualTo(422);
		assertThat(voided.get("code").asString()).isEqualTo("invoice_has_payments");
		assertThat(voided.get("detail").asString()).contains("correct it with a credit note");
	}

	@Test
	void aPrepaymentAppliedToAnInvoiceIsATypeEightPaymentAndItsCancellationGivesTheAmountBack() {
		long invoice = this.tenant.finalizedInvoice();
		long prepayment = prepayment("500.00");
		ApiResponse applied = post("/invoices/" + invoice + "/apply-prepayment",
				Map.of("unallocated_payment_id", prepayment, "amount", "100.00"));
		assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
		assertThat(applied.get("payment_type").asInt()).isEqualTo(8);
		assertThat(applied.get("unallocated_payment_id").asLong()).isEqualTo(prepayment);
		assertThat(unused(prepayment)).isEqualByComparingTo("400.00");
		assertThat(invoiceView(invoice).decimal("due_sum")).isEqualByComparingTo("37.59");

		ApiResponse rest = post("/invoices/" + invoice + "/apply-prepayment",
				Map.of("unallocated_payment_id", prepayment));
		assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
		assertThat(rest.get("paid").decimalValue()).isEqualByComparingTo("37.59");
		assertThat(unused(prepayment)).isEqualByComparingTo("362.41");
		assertThat(invoiceView(invoice).body().get("date_paid").isNull()).isFalse();

		ApiResponse cancelled = post("/payments/" + applied.id() + "/cancel", Map.of("info", "applied by mistake"));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(201);
		assertThat(cancelled.get("paid").decimalValue()).isEqualByComparingTo("-100.00");
		assertThat(cancelled.get("unallocated_payment_id").asLong()).isEqualTo(prepayment);
		assertThat(unused(prepayment)).isEqualByComparingTo("462.41");
		JsonView after = invoiceView(invoice);
		assertThat(after.decimal("due_sum")).isEqualByComparingTo("100.00");
		assertThat(after.body().get("date_paid").isNull()).isTrue();
	}

	@Test
	void aPrepaymentIsAppliedOnlyWithinItsBalanceToItsClientsFinalizedInvoices() {
		long invoice = this.tenant.finalizedInvoice();
		long prepayment = prepayment("50.00");
		ApiResponse tooMuch = post("/invoices/" + invoice + "/apply-prepayment",
				Map.of("unallocated_payment_id", prepayment, "amount", "60.00"));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.get("code").asString()).isEqualTo("prepayment_insufficient");
		assertThat(tooMuch.get("field").asString()).isEqualTo("amount");
		assertThat(tooMuch.get("detail").asString())
			.isEqualTo("amount 60.00 is more than the unused amount 50.00 of unallocated payment " + prepayment);

		ApiResponse draft = post("/invoices", Map.of("department_id", this.tenant.department, "client_id",
				this.tenant.client, "rows", List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1))));
		ApiResponse onDraft = post("/invoices/" + draft.id() + "/apply-prepayment",
				Map.of("unallocated_payment_id", prepayment));
		assertThat(onDraft.status()).isEqualTo(422);
		assertThat(onDraft.get("code").asString()).isEqualTo("invoice_not_payable");

		ApiResponse anonymous = post("/invoices", Map.of("department_id", this.tenant.department, "rows",
				List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1))));
		post("/invoices/" + anonymous.id() + "/finalize", Map.of());
		ApiResponse otherClient = post("/invoices/" + anonymous.id() + "/apply-prepayment",
				Map.of("unallocated_payment_id", prepayment));
		assertThat(otherClient.status()).isEqualTo(400);
		assertThat(otherClient.body().get("errors").get(0).get("field").asString()).isEqualTo("unallocated_payment_id");
		assertThat(unused(prepayment)).isEqualByComparingTo("50.00");
	}

	@Test
	void anOverpaymentIsMovedToTheClientsPrepaymentsOrPaidOut() {
		long invoice = this.tenant.finalizedInvoice();
		pay(invoice, "137.59");
		ApiResponse refund = post("/invoices/" + invoice + "/credit-notes",
				Map.of("row_ids", List.of(invoiceView(invoice).body().get("rows").get(1).get("id").asLong())));
		assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
		assertThat(refund.get("total_with_vat").decimalValue()).isEqualByComparingTo("-13.59");
		assertThat(invoiceView(invoice).decimal("due_sum")).isEqualByComparingTo("-13.59");

		ApiResponse moved = this.tenant.api.post(this.tenant.path("/invoices/" + invoice + "/move-overpayment"), null);
		assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
		assertThat(moved.get("paid").decimalValue()).isEqualByComparingTo("13.59");
		assertThat(moved.get("unused_amount").decimalValue()).isEqualByComparingTo("13.59");
		assertThat(moved.get("client_id").asLong()).isEqualTo(this.tenant.client);
		assertThat(moved.get("source_invoice_id").asLong()).isEqualTo(invoice);
		assertThat(invoiceView(invoice).decimal("due_sum")).isEqualByComparingTo("0.00");

		ApiResponse again = this.tenant.api.post(this.tenant.path("/invoices/" + invoice + "/move-overpayment"), null);
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.get("code").asString()).isEqualTo("no_overpayment");

		long movePayment = invoiceView(invoice).body().get("payment_ids").get(2).asLong();
		ApiResponse cancelMove = post("/payments/" + movePayment + "/cancel", Map.of("info", "undo"));
		assertThat(cancelMove.status()).isEqualTo(422);
		assertThat(cancelMove.get("code").asString()).isEqualTo("overpayment_move_not_cancellable");

		long second = this.tenant.finalizedInvoice();
		pay(second, "137.59");
		post("/invoices/" + second + "/credit-notes", Map.of());
		ApiResponse payout = post("/invoices/" + second + "/pay-out", Map.of("payment_type", 1, "info", "cash back"));
		assertThat(payout.status()).as(payout.toString()).isEqualTo(201);
		assertThat(payout.get("paid").decimalValue()).isEqualByComparingTo("-137.59");
		assertThat(payout.get("payment_type").asInt()).isEqualTo(1);
		assertThat(invoiceView(second).decimal("due_sum")).isEqualByComparingTo("0.00");
	}

	@Test
	void aRowToCreditWithoutAnIdIsRefusedNamingIt() {
		long invoice = this.tenant.finalizedInvoice();
		ApiResponse refund = this.tenant.api.post(this.tenant.path("/invoices/" + invoice + "/credit-notes"),
				"{\"row_ids\": [null]}");
		assertThat(refund.status()).as(refund.toString()).isEqualTo(400);
		assertThat(refund.raw()).contains(
				"\"field\":\"row_ids[0]\",\"message\":\"A row to credit is named by its id: this entry has none.\"");
		assertThat(invoiceView(invoice).body().get("related_credit_note_ids")).as("no credit note").isEmpty();
	}

	@Test
	void aWriteOffIsItsOwnLedgerEventAndLeavesTotalsAndPaymentsAsTheyAre() {
		long invoice = this.tenant.finalizedInvoice();
		pay(invoice, "37.59");
		ApiResponse written = post("/invoices/" + invoice + "/write-off", Map.of("reason", "client moved abroad"));
		assertThat(written.status()).as(written.toString()).isEqualTo(200);
		assertThat(written.get("total_with_vat").decimalValue()).isEqualByComparingTo("137.59");
		assertThat(written.get("paid_amount").decimalValue()).isEqualByComparingTo("37.59");
		assertThat(written.get("written_off_amount").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(written.get("due_sum").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(written.get("date_paid").isNull()).isTrue();
		assertThat(this.tenant.api.get("/" + this.tenant.provetId + "/api/0.1/invoice/" + invoice + "/")
			.get("due_sum")
			.toString()).isEqualTo("0.00");
		List<AuditEvent> trail = this.tenant.bean(AuditTrail.class).of(this.tenant.organizationId, "invoice", invoice);
		assertThat(trail).extracting(AuditEvent::action).contains("invoice.written_off");

		ApiResponse payment = post("/invoices/" + invoice + "/payments", Map.of("payment_type", 0, "paid", "1.00"));
		assertThat(payment.status()).isEqualTo(422);
		assertThat(payment.get("code").asString()).isEqualTo("overpayment");
		ApiResponse twice = post("/invoices/" + invoice + "/write-off", Map.of("reason", "again"));
		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.get("code").asString()).isEqualTo("nothing_due");
		ApiResponse noReason = post("/invoices/" + this.tenant.finalizedInvoice() + "/write-off", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
	}

	@Test
	void moneyCannotMoveBeforeTheLockDate() {
		long invoice = this.tenant.finalizedInvoice();
		ApiResponse locked = this.tenant.api.patch(
				"/" + this.tenant.provetId + "/api/0.1/settings/department/" + this.tenant.department + "/",
				Map.of("financial_period_lock_date", "2026-12-01"));
		assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
		ApiResponse payment = post("/invoices/" + invoice + "/payments",
				Map.of("payment_type", 0, "paid", "1.00", "date_added", "2026-11-21T10:00:00Z"));
		assertThat(payment.status()).isEqualTo(422);
		assertThat(payment.get("field").asString()).isEqualTo("date_added");
		assertThat(payment.get("detail").asString())
			.isEqualTo("date_added 2026-11-21 is before the financial period lock date 2026-12-01 of the department");
		ApiResponse writeOff = post("/invoices/" + invoice + "/write-off", Map.of("reason", "x"));
		assertThat(writeOff.status()).isEqualTo(422);
		assertThat(writeOff.get("code").asString()).isEqualTo("period_locked");
	}

	/** A response of vetbill's own API, read by field. */
	private record JsonView(ApiResponse response) {

		tools.jackson.databind.JsonNode body() {
			assertThat(this.response.status()).as(this.response.toString()).isEqualTo(200);
			return this.response.body();
		}

		BigDecimal decimal(String field) {
			return body().get(field).decimalValue();
		}

	}

}
