package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client's money from a consultation to the month after, over real HTTP with a moved
 * clock, as the seed's billing guide tells it: the consultation is invoiced, paid in part
 * by card, in part from a prepayment and the rest in cash; the invoice is then fully
 * refunded, the overpayment paid out by cancelling the card payment and the rest moved to
 * the client's prepayments; the month ends under the automatic period lock, and a late
 * payment dated in the closed month is refused.
 */
class MoneyStoryIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	private Api api;

	@Test
	void aConsultationFromInvoiceToTheClosedMonth() {
		this.clock.set("2026-11-10T08:00:00Z");
		this.tenant = newTenant();
		this.api = this.tenant.api;

		// the department closes each month on the 5th of the next one
		ApiResponse settings = this.api.patch(cloud("settings/department/" + this.tenant.department + "/"),
				Map.of("automatic_financial_period_lock_enabled", true, "automatic_financial_period_lock_monthday", 5));
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		assertThat(settings.get("financial_period_lock_date").asString()).isEqualTo("2026-11-01");

		// a consultation with two charged items becomes a finalized invoice
		ApiResponse consultation = this.api.post(this.tenant.path("/consultations"), Map.of("department_id",
				this.tenant.department, "client_id", this.tenant.client, "patient_id", this.tenant.patient));
		assertThat(consultation.status()).as(consultation.toString()).isEqualTo(201);
		String visit = this.tenant.path("/consultations/" + consultation.id());
		assertThat(this.api.post(visit + "/items", Map.of("item_id", this.tenant.consultationItem, "quantity", 1))
			.status()).isEqualTo(201);
		assertThat(this.api.post(visit + "/items", Map.of("item_id", this.tenant.medicineItem, "quantity", 2)).status())
			.isEqualTo(201);
		ApiResponse finalized = this.api.post(visit + "/finalize", null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(201);
		long invoice = finalized.id();
		assertThat(finalized.get("consultation_id").asLong()).isEqualTo(consultation.id());
		assertThat(finalized.get("invoice_date").asString()).isEqualTo("2026-11-10");
		// 62.00 + 2 x 12.35 + 10 % = 27.17
		assertAmounts(invoice, "89.17", "0.00", "89.17");

		// part payment by card
		this.clock.advance(Duration.ofHours(1));
		ApiResponse card = this.api.post(cloud("invoicepayment/"),
				Map.of("invoice", absolute("invoice/" + invoice + "/"), "payment_type", 0, "paid", "40.00",
						"date_added", "2026-11-10T11:00:00"));
		assertThat(card.status()).as(card.toString()).isEqualTo(201);
		assertThat(card.get("paid").toString()).isEqualTo("40.00");
		assertAmounts(invoice, "89.17", "40.00", "49.17");

		// the client leaves a deposit, and 20.00 of it goes to this invoice
		ApiResponse deposit = this.api.post(cloud("unallocatedpayment/"),
				Map.of("department", absolute("department/" + this.tenant.department + "/"), "client",
						absolute("client/" + this.tenant.client + "/"), "payment_type", 1, "paid", "30.00",
						"description", "Deposit for the follow-up"));
		assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
		assertThat(deposit.get("unused_amount").toString()).isEqualTo("30.00");
		ApiResponse applied = this.api.post(this.tenant.path("/invoices/" + invoice + "/apply-prepayment"),
				Map.of("unallocated_payment_id", deposit.id(), "amount", "20.00"));
		assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
		assertThat(applied.get("payment_type").asInt()).isEqualTo(8);
		assertAmounts(invoice, "89.17", "60.00", "29.17");
		assertThat(prepayment(deposit.id()).path("unused_amount").toString()).isEqualTo("10.00");
		// more than is due from the deposit is refused
		ApiResponse tooMuch = this.api.post(this.tenant.path("/invoices/" + invoice + "/apply-prepayment"),
				Map.of("unallocated_payment_id", deposit.id(), "amount", "10.01"));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.get("code").asString()).isEqualTo("prepayment_insufficient");

		// the rest in cash an hour later: fully paid
		this.clock.advance(Duration.ofHours(1));
		ApiResponse cash = this.api.post(cloud("invoicepayment/"),
				Map.of("invoice", invoice, "payment_type", 1, "paid", "29.17", "date_added", "2026-11-10T12:00:00"));
		assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
		assertAmounts(invoice, "89.17", "89.17", "0.00");
		assertThat(cloudInvoice(invoice).path("date_paid").isNull()).isFalse();
		ApiResponse overpaid = this.api.post(cloud("invoicepayment/"),
				Map.of("invoice", invoice, "payment_type", 1, "paid", "0.01"));
		assertThat(overpaid.status()).isEqualTo(400);
		assertThat(overpaid.get("paid").get(0).asString()).contains("overpayments are not accepted");

		// two days later the whole invoice is refunded: the original is overpaid
		at("2026-11-12T09:00:00Z");
		ApiResponse refund = this.api.post(cloud("invoice/" + invoice + "/full_refund/"),
				Map.of("use_original_invoice_date", false));
		assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
		long note = refund.id();
		assertThat(refund.get("credit_note").asBoolean()).isTrue();
		assertThat(refund.get("invoice_date").asString()).isEqualTo("2026-11-12");
		assertThat(refund.get("credit_note_original_invoice").asString())
			.isEqualTo(absolute("invoice/" + invoice + "/"));
		assertThat(refund.get("total_with_vat").toString()).isEqualTo("-89.17");
		assertThat(refund.get("due_sum").toString()).isEqualTo("0.00");
		assertThat(refund.get("invoice_number").asLong()).isEqualTo(finalized.get("invoice_number").asLong() + 1);
		assertAmounts(note, "-89.17", "-89.17", "0.00");
		assertAmounts(invoice, "89.17", "178.34", "-89.17");
		assertThat(cloudInvoice(invoice).path("related_credit_note").toString()).contains("invoice/" + note + "/");
		assertThat(this.api.post(cloud("invoice/" + invoice + "/full_refund/"), Map.of()).status()).isEqualTo(400);

		// the card payment is paid back by cancelling it
		ApiResponse cancelled = this.api.post(cloud("invoicepayment/" + card.id() + "/cancel_payment/"),
				Map.of("info", "Refunded to the card", "cancel_date", "2026-11-01T10:00:00"));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(201);
		assertThat(cancelled.get("paid").toString()).isEqualTo("-40.00");
		// payment_cancel_set_date is off: dated today, whatever was asked
		assertThat(cancelled.get("date_added").asString()).startsWith("2026-11-12T");
		assertThat(cancelled.get("cancelled_payment").asString())
			.isEqualTo(absolute("invoicepayment/" + card.id() + "/"));
		assertAmounts(invoice, "89.17", "138.34", "-49.17");

		// the rest, 49.17, goes to the client's prepayments
		ApiResponse moved = this.api.post(this.tenant.path("/invoices/" + invoice + "/move-overpayment"), null);
		assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
		assertThat(moved.get("paid").toString()).isEqualTo("49.17");
		assertThat(moved.get("unused_amount").toString()).isEqualTo("49.17");
		assertThat(moved.get("source_invoice_id").asLong()).isEqualTo(invoice);
		assertAmounts(invoice, "89.17", "89.17", "0.00");
		assertThat(this.api.post(this.tenant.path("/invoices/" + invoice + "/pay-out"), Map.of("payment_type", 1))
			.get("code")
			.asString()).isEqualTo("no_overpayment");
		// and what is left of the deposit is refunded in cash
		ApiResponse refunded = this.api.post(cloud("unallocatedpayment/"), Map.of("department", this.tenant.department,
				"client", this.tenant.client, "payment_type", 1, "paid", "-10.00", "refunds", deposit.id()));
		assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
		assertThat(prepayment(deposit.id()).path("fully_used").asBoolean()).isTrue();
		JsonNode balances = this.api.get(cloud("unallocatedpayment/?client__is=" + this.tenant.client)).body();
		assertThat(balances.path("count").asInt()).isEqualTo(3);

		// another visit on the 28th is invoiced and left unpaid over the month end
		at("2026-11-28T09:00:00Z");
		ApiResponse draft = this.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse second = this.api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		long unpaid = second.id();

		// on 4 December November is still open; on the 5th it closes
		at("2026-12-04T09:00:00Z");
		assertThat(this.api.get(cloud("settings/department/" + this.tenant.department + "/"))
			.get("financial_period_lock_date")
			.asString()).isEqualTo("2026-11-01");
		at("2026-12-05T09:00:00Z");
		assertThat(this.api.get(cloud("settings/department/" + this.tenant.department + "/"))
			.get("financial_period_lock_date")
			.asString()).isEqualTo("2026-12-01");
		at("2026-12-07T09:00:00Z");

		// a late payment dated in November is refused, naming the field and the lock date
		ApiResponse late = this.api.post(cloud("invoicepayment/"),
				Map.of("invoice", unpaid, "payment_type", 2, "paid", "62.00", "date_added", "2026-11-30T15:00:00"));
		assertThat(late.status()).as(late.toString()).isEqualTo(400);
		assertThat(late.get("date_added").get(0).asString()).contains("2026-11-30").contains("2026-12-01");
		assertAmounts(unpaid, "62.00", "0.00", "62.00");
		// nor may a credit note be dated in November
		ApiResponse lateRefund = this.api.post(cloud("invoice/" + unpaid + "/full_refund/"),
				Map.of("use_original_invoice_date", true));
		assertThat(lateRefund.status()).isEqualTo(400);
		assertThat(lateRefund.get("use_original_invoice_date").get(0).asString()).contains("2026-12-01");
		// the same payment dated today goes through
		ApiResponse onTime = this.api.post(cloud("invoicepayment/"),
				Map.of("invoice", unpaid, "payment_type", 2, "paid", "62.00", "date_added", "2026-12-07T10:00:00"));
		assertThat(onTime.status()).as(onTime.toString()).isEqualTo(201);
		assertAmounts(unpaid, "62.00", "62.00", "0.00");
		// the first invoice's history is unchanged by the month end
		assertAmounts(invoice, "89.17", "89.17", "0.00");
		assertThat(this.api.get(cloud("invoicepayment/?invoice__is=" + invoice)).get("count").asInt()).isEqualTo(6);

		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

	/**
	 * Moves the clock, and takes a new token: one lives 10 hours.
	 */
	private void at(String instant) {
		this.clock.set(instant);
		this.api = this.tenant.freshApi();
	}

	/**
	 * Checks an invoice's figures in vetbill's own API and in the Cloud API.
	 */
	private void assertAmounts(long id, String total, String paid, String due) {
		ApiResponse own = this.api.get(this.tenant.path("/invoices/" + id));
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.get("total_with_vat").decimalValue()).as("total of " + id).isEqualByComparingTo(total);
		assertThat(own.get("paid_amount").decimalValue()).as("paid of " + id).isEqualByComparingTo(paid);
		assertThat(own.get("due_sum").decimalValue()).as("due of " + id).isEqualByComparingTo(due);
		JsonNode cloud = cloudInvoice(id);
		assertThat(cloud.path("due_sum").toString()).as("Cloud due_sum of " + id)
			.isEqualTo(new BigDecimal(due).setScale(2).toPlainString());
		assertThat(cloud.path("total_with_vat").decimalValue()).isEqualByComparingTo(total);
	}

	private JsonNode cloudInvoice(long id) {
		ApiResponse invoice = this.api.get(cloud("invoice/" + id + "/"));
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(200);
		return invoice.body();
	}

	private JsonNode prepayment(long id) {
		ApiResponse prepayment = this.api.get(cloud("unallocatedpayment/" + id + "/"));
		assertThat(prepayment.status()).as(prepayment.toString()).isEqualTo(200);
		return prepayment.body();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private String absolute(String path) {
		return "http://localhost:" + this.port + cloud(path);
	}

}
