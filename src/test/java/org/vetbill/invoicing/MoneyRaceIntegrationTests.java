package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vetbill.audit.AuditVerification;
import org.vetbill.audit.ChainReport;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.MoneyIntegrationTest;
import org.vetbill.support.LedgerInvariants;
import tools.jackson.databind.JsonNode;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;
import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * Money movements racing each other over real HTTP: every request of a race runs on a
 * thread of its own, all released at once, and the ledger is checked over the whole
 * database afterwards. No race may overpay an invoice, cancel a payment twice, overdraw a
 * prepayment, credit a row twice, or record an idempotent request twice; and the audit
 * events of every race form one intact chain.
 */
class MoneyRaceIntegrationTests extends MoneyIntegrationTest {

	@AfterEach
	void theAuditChainHolds() {
		// every race's audit events form one intact chain, one position each
		ChainReport chain = this.context.getBean(AuditVerification.class).verify(this.tenant.organizationId);
		assertThat(chain.brokenLink()).isNull();
		assertThat(chain.records())
			.isEqualTo(this.dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId)));
	}

	@Test
	void fiftyPaymentsRacingOnOneInvoiceNeverOverpayIt() throws Exception {
		JsonNode invoice = finalizedInvoice(Map.of("item_id", this.tenant.consultationItem, "quantity", 2),
				Map.of("item_id", this.tenant.medicineItem, "quantity", 3));
		long id = invoice.path("id").asLong();
		BigDecimal total = invoice.path("total_with_vat").decimalValue();
		assertThat(total).isEqualByComparingTo("164.76");
		// 50 x 8.23 = 411.50: far more than is due, and 20 of them leave 0.16 that no
		// 8.23 fits
		BigDecimal amount = total.divide(BigDecimal.valueOf(20), 2, RoundingMode.DOWN);
		List<ApiResponse> responses = race(50, (i) -> this.tenant.api.post(cloud("invoicepayment/"),
				Map.of("invoice", id, "payment_type", 1, "paid", amount.toPlainString())));

		List<ApiResponse> created = withStatus(responses, 201);
		List<ApiResponse> refused = withStatus(responses, 400);
		assertThat(created.size() + refused.size()).as(responses.toString()).isEqualTo(50);
		assertThat(created).hasSize(20);
		assertThat(refused)
			.allSatisfy((response) -> assertThat(response.get("paid").get(0).asString()).contains("is more than the")
				.contains("still due on invoice " + id));
		JsonNode after = invoice(id);
		BigDecimal paid = after.path("paid_amount").decimalValue();
		assertThat(paid).isLessThanOrEqualTo(total)
			.isEqualByComparingTo(amount.multiply(BigDecimal.valueOf(created.size())))
			.isEqualByComparingTo("164.60");
		assertThat(after.path("due_sum").decimalValue()).isEqualByComparingTo("0.16");
		assertThat(after.path("payment_ids")).hasSize(20);
		assertThat(this.tenant.api.get(cloud("invoicepayment/?invoice__is=" + id)).get("count").asInt()).isEqualTo(20);
	}

	@Test
	void twentyCancellationsOfOnePaymentCancelItOnce() throws Exception {
		long id = finalizedInvoice(Map.of("item_id", this.tenant.consultationItem, "quantity", 1)).path("id").asLong();
		ApiResponse payment = this.tenant.api.post(cloud("invoicepayment/"),
				Map.of("invoice", id, "payment_type", 0, "paid", "62.00"));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		ApiResponse second = this.tenant.api.post(cloud("invoicepayment/"),
				Map.of("invoice", id, "payment_type", 1, "paid", "0.00"));
		assertThat(second.status()).isEqualTo(400);
		assertThat(invoice(id).path("due_sum").decimalValue()).isEqualByComparingTo("0.00");

		List<ApiResponse> responses = race(20,
				(i) -> this.tenant.api.post(cloud("invoicepayment/" + payment.id() + "/cancel_payment/"),
						Map.of("info", "Wrong payment method used (" + i + ")", "cancel_date", "2026-11-21T12:00:00")));

		List<ApiResponse> created = withStatus(responses, 201);
		List<ApiResponse> refused = withStatus(responses, 400);
		assertThat(created).as(responses.toString()).hasSize(1);
		assertThat(refused).hasSize(19)
			.allSatisfy((response) -> assertThat(response.get("non_field_errors").get(0).asString())
				.contains("was already cancelled by payment " + created.get(0).id()));
		assertThat(created.get(0).get("paid").decimalValue()).isEqualByComparingTo("-62.00");
		JsonNode after = invoice(id);
		assertThat(after.path("paid_amount").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(after.path("due_sum").decimalValue()).isEqualByComparingTo("62.00");
		assertThat(after.path("date_paid").isNull()).isTrue();
		assertThat(this.tenant.api.get(cloud("invoicepayment/" + payment.id() + "/")).get("cancelled").asBoolean())
			.isTrue();
		ApiResponse cancelTheCancellation = this.tenant.api.post(
				cloud("invoicepayment/" + created.get(0).id() + "/cancel_payment/"),
				Map.of("info", "again", "cancel_date", "2026-11-21T12:00:00"));
		assertThat(cancelTheCancellation.status()).isEqualTo(400);
		assertThat(cancelTheCancellation.raw()).contains("is itself the cancellation of payment " + payment.id());
	}

	@Test
	void twentyRefundsRacingOnOnePrepaymentNeverOverdrawIt() throws Exception {
		long prepayment = prepayment("500.00");
		List<ApiResponse> responses = race(20,
				(i) -> this.tenant.api.post(cloud("unallocatedpayment/"), Map.of("department", this.tenant.department,
						"client", this.tenant.client, "payment_type", 1, "paid", "-30.00", "refunds", prepayment)));

		List<ApiResponse> created = withStatus(responses, 201);
		List<ApiResponse> refused = withStatus(responses, 400);
		assertThat(created.size() + refused.size()).as(responses.toString()).isEqualTo(20);
		assertThat(created).hasSize(16);
		assertThat(refused).allSatisfy((response) -> assertThat(response.get("paid").get(0).asString())
			.contains("is more than the unused amount"));
		JsonNode after = this.tenant.api.get(cloud("unallocatedpayment/" + prepayment + "/")).body();
		BigDecimal unused = after.path("unused_amount").decimalValue();
		assertThat(unused).isEqualByComparingTo("20.00");
		assertThat(new BigDecimal("30.00").multiply(BigDecimal.valueOf(created.size())))
			.isEqualByComparingTo(new BigDecimal("500.00").subtract(unused));
		assertThat(after.path("fully_used").asBoolean()).isFalse();
		assertThat(this.tenant.api.get(cloud("unallocatedpayment/?refunds__is=" + prepayment)).get("count").asInt())
			.isEqualTo(16);
	}

	@Test
	void twoPartialRefundsOfTheSameRowAtOnceMakeOneCreditNote() throws Exception {
		List<Long> invoices = new ArrayList<>();
		List<Long> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			JsonNode invoice = finalizedInvoice(Map.of("item_id", this.tenant.consultationItem, "quantity", 2),
					Map.of("item_id", this.tenant.medicineItem, "quantity", 3));
			invoices.add(invoice.path("id").asLong());
			rows.add(invoice.path("rows").get(0).path("id").asLong());
		}
		// two refunds of the first row of each of five invoices, all ten at once
		List<ApiResponse> responses = race(10,
				(i) -> this.tenant.api.post(cloud("invoice/" + invoices.get(i / 2) + "/partial_refund/"),
						Map.of("invoice_rows",
								List.of(Map.of("invoice_row", absolute("invoicerow/" + rows.get(i / 2)))),
								"use_original_invoice_date", false)));

		for (int i = 0; i < 5; i++) {
			List<ApiResponse> pair = List.of(responses.get(2 * i), responses.get(2 * i + 1));
			assertThat(withStatus(pair, 201)).as(pair.toString()).hasSize(1);
			ApiResponse refused = withStatus(pair, 400).get(0);
			assertThat(refused.get("invoice_rows[0].invoice_row").get(0).asString())
				.isEqualTo("Row " + rows.get(i) + " is already credited.");
			JsonNode note = withStatus(pair, 201).get(0).body();
			assertThat(note.path("credit_note").asBoolean()).isTrue();
			assertThat(note.path("total_with_vat").decimalValue()).isEqualByComparingTo("-124.00");
			JsonNode original = invoice(invoices.get(i));
			assertThat(original.path("related_credit_note_ids")).hasSize(1);
			assertThat(original.path("due_sum").decimalValue()).isEqualByComparingTo("40.76");
		}
		// the other row is still there to credit, and only once
		ApiResponse full = this.tenant.api.post(cloud("invoice/" + invoices.get(0) + "/full_refund/"), Map.of());
		assertThat(full.status()).as(full.toString()).isEqualTo(201);
		assertThat(full.get("total_with_vat").decimalValue()).isEqualByComparingTo("-40.76");
		assertThat(this.tenant.api.post(cloud("invoice/" + invoices.get(0) + "/full_refund/"), Map.of()).status())
			.isEqualTo(400);
		assertThat(invoice(invoices.get(0)).path("due_sum").decimalValue()).isEqualByComparingTo("0.00");
	}

	@Test
	void applyingOnePrepaymentToManyInvoicesWhileItIsRefundedNeverOverdrawsIt() throws Exception {
		long prepayment = prepayment("200.00");
		List<Long> invoices = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			invoices.add(finalizedInvoice(Map.of("item_id", this.tenant.consultationItem, "quantity", 1)).path("id")
				.asLong());
		}
		// 8 uses of 30.00 on 8 invoices and 8 refunds of 30.00, all at once: 16 x 30 =
		// 480 of 200
		List<ApiResponse> responses = race(16, (i) -> (i % 2 == 0)
				? this.tenant.api.post(this.tenant.path("/invoices/" + invoices.get(i / 2) + "/apply-prepayment"),
						Map.of("unallocated_payment_id", prepayment, "amount", "30.00"))
				: this.tenant.api.post(cloud("unallocatedpayment/"), Map.of("department", this.tenant.department,
						"client", this.tenant.client, "payment_type", 1, "paid", "-30.00", "refunds", prepayment)));

		List<ApiResponse> applied = new ArrayList<>();
		List<ApiResponse> refunded = new ArrayList<>();
		for (int i = 0; i < responses.size(); i++) {
			ApiResponse response = responses.get(i);
			if (i % 2 == 0) {
				assertThat(response.status()).as(response.toString()).isIn(201, 422);
				if (response.status() == 201) {
					applied.add(response);
				}
				else {
					assertThat(response.get("code").asString()).isEqualTo("prepayment_insufficient");
				}
			}
			else {
				assertThat(response.status()).as(response.toString()).isIn(201, 400);
				if (response.status() == 201) {
					refunded.add(response);
				}
			}
		}
		assertThat(applied.size() + refunded.size()).isEqualTo(6);
		JsonNode after = this.tenant.api.get(cloud("unallocatedpayment/" + prepayment + "/")).body();
		assertThat(after.path("unused_amount").decimalValue()).isEqualByComparingTo("20.00");
		BigDecimal uses = BigDecimal.ZERO;
		for (JsonNode use : this.tenant.api.get(cloud("invoicepayment/?unallocated_payment__is=" + prepayment))
			.get("results")) {
			assertThat(use.path("payment_type").asInt()).isEqualTo(8);
			uses = uses.add(use.path("paid").decimalValue());
		}
		assertThat(uses).isEqualByComparingTo(new BigDecimal("30.00").multiply(BigDecimal.valueOf(applied.size())));
		assertThat(uses).isLessThanOrEqualTo(new BigDecimal("200.00"));
		for (ApiResponse use : applied) {
			assertThat(invoice(use.get("invoice_id").asLong()).path("due_sum").decimalValue())
				.isEqualByComparingTo("32.00");
		}
		// cancelling a use gives it back, once
		if (!applied.isEmpty()) {
			long use = applied.get(0).id();
			List<ApiResponse> cancels = race(5,
					(i) -> this.tenant.api.post(this.tenant.path("/payments/" + use + "/cancel"),
							Map.of("info", "applied to the wrong invoice")));
			assertThat(withStatus(cancels, 201)).as(cancels.toString()).hasSize(1);
			assertThat(withStatus(cancels, 422)).hasSize(4);
			assertThat(this.tenant.api.get(cloud("unallocatedpayment/" + prepayment + "/"))
				.get("unused_amount")
				.decimalValue()).isEqualByComparingTo("50.00");
		}
	}

	@Test
	void twentyIdenticalRequestsWithOneIdempotencyKeyRecordOnePayment() throws Exception {
		long id = finalizedInvoice(Map.of("item_id", this.tenant.consultationItem, "quantity", 1)).path("id").asLong();
		String key = "race-" + UUID.randomUUID();
		Map<String, Object> body = Map.of("invoice", id, "payment_type", 1, "paid", "10.00");
		List<ApiResponse> responses = race(20,
				(i) -> this.tenant.api.post(cloud("invoicepayment/"), body, "Idempotency-Key", key));

		List<ApiResponse> created = withStatus(responses, 201);
		List<ApiResponse> busy = withStatus(responses, 409);
		assertThat(created.size() + busy.size()).as(responses.toString()).isEqualTo(20);
		assertThat(created).isNotEmpty();
		// every 201 is the one answer, replayed
		assertThat(created).extracting(ApiResponse::raw).containsOnly(created.get(0).raw());
		assertThat(created.stream().filter((response) -> response.header("Idempotent-Replayed").isEmpty())).hasSize(1);
		// a request that found the key claimed by one still running is told to retry
		assertThat(busy).allSatisfy((response) -> assertThat(response.get("detail").asString())
			.isEqualTo("A request with this Idempotency-Key is being processed; retry it in a moment."));
		JsonNode after = invoice(id);
		assertThat(after.path("payment_ids")).hasSize(1);
		assertThat(after.path("paid_amount").decimalValue()).isEqualByComparingTo("10.00");
		ApiResponse retry = this.tenant.api.post(cloud("invoicepayment/"), body, "Idempotency-Key", key);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.raw()).isEqualTo(created.get(0).raw());
		assertThat(retry.header("Idempotent-Replayed")).contains("true");
		ApiResponse reused = this.tenant.api.post(cloud("invoicepayment/"),
				Map.of("invoice", id, "payment_type", 1, "paid", "11.00"), "Idempotency-Key", key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(invoice(id).path("payment_ids")).hasSize(1);
	}

	@Test
	void theLedgerCheckFindsACorruptedBalance() {
		long id = finalizedInvoice(Map.of("item_id", this.tenant.consultationItem, "quantity", 1)).path("id").asLong();
		long prepayment = prepayment("100.00");
		DSLContext dsl = this.context.getBean(DSLContext.class);
		List<String> found = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class))
			.execute((status) -> {
				status.setRollbackOnly();
				dsl.update(INVOICE).set(INVOICE.PAID_AMOUNT, new BigDecimal("1.00")).where(INVOICE.ID.eq(id)).execute();
				dsl.update(UNALLOCATED_PAYMENT)
					.set(UNALLOCATED_PAYMENT.UNUSED_AMOUNT, new BigDecimal("99.00"))
					.where(UNALLOCATED_PAYMENT.ID.eq(prepayment))
					.execute();
				return LedgerInvariants.violations(dsl);
			});
		assertThat(found).anySatisfy((violation) -> assertThat(violation)
			.startsWith("invoice " + id + " (organization " + this.tenant.organizationId + "): paid_amount 1.00"));
		assertThat(found).anySatisfy((violation) -> assertThat(violation)
			.startsWith("unallocated payment " + prepayment + " (organization " + this.tenant.organizationId + ")")
			.contains("paid 100.00")
			.contains(", but it is 99.00"));
		assertThat(found).hasSize(2);
	}

	/**
	 * Sends {@code count} requests at once, each on a thread of its own, released
	 * together when every thread is ready.
	 * @param count the number of requests
	 * @param request the request with the given index
	 * @return the responses, in the order of their indexes
	 */
	private static List<ApiResponse> race(int count, IntFunction<ApiResponse> request) throws Exception {
		CountDownLatch ready = new CountDownLatch(count);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Future<ApiResponse>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					start.await();
					return request.apply(index);
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			start.countDown();
			List<ApiResponse> responses = new ArrayList<>();
			for (Future<ApiResponse> future : futures) {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<ApiResponse> withStatus(List<ApiResponse> responses, int status) {
		return responses.stream().filter((response) -> response.status() == status).toList();
	}

	@SafeVarargs
	private JsonNode finalizedInvoice(Map<String, Object>... rows) {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"), Map.of("department_id",
				this.tenant.department, "client_id", this.tenant.client, "rows", List.of(rows)));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return finalized.body();
	}

	private long prepayment(String amount) {
		ApiResponse prepayment = this.tenant.api.post(cloud("unallocatedpayment/"),
				Map.of("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid",
						amount, "description", "Deposit"));
		assertThat(prepayment.status()).as(prepayment.toString()).isEqualTo(201);
		assertThat(prepayment.get("unused_amount").decimalValue()).isEqualByComparingTo(amount);
		return prepayment.id();
	}

	private JsonNode invoice(long id) {
		ApiResponse invoice = this.tenant.api.get(this.tenant.path("/invoices/" + id));
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(200);
		return invoice.body();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private String absolute(String path) {
		return "http://localhost:" + this.port + cloud(path);
	}

}
