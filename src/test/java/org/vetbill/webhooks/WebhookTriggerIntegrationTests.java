package org.vetbill.webhooks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.payments.PaymentCommands;
import org.vetbill.payments.Payments;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.support.ApiResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which action fires which trigger, with real API calls making the changes: every trigger
 * reaches a receiver from a real action; the queue shows exactly what each money
 * movement, credit note, prepayment change, invoice change and settings change queued;
 * department-scoped webhooks hear only their department; and a refused or rolled-back
 * change queues nothing.
 */
class WebhookTriggerIntegrationTests extends WebhookIntegrationTest {

	private static final int[] TRIGGERS = { 9, 10, 11, 12, 23, 45, 63 };

	private long seen;

	/** One organization-wide JSON webhook per trigger, posting to {@code /t<trigger>}. */
	private void subscribeToEveryTrigger() {
		for (int trigger : TRIGGERS) {
			webhook(trigger, "/t" + trigger, 2, null);
		}
	}

	/**
	 * The events queued since the last call, as {@code "<trigger> <object_type> <id>"}.
	 */
	private List<String> fired() {
		List<String> events = new ArrayList<>();
		for (JsonNode entry : queue("id__gt=" + this.seen)) {
			events.add(entry.path("trigger").asInt() + " " + entry.path("object_type").asString() + " "
					+ entry.path("object_id").asLong());
			this.seen = Math.max(this.seen, entry.path("id").asLong());
		}
		return events;
	}

	/** The id part of a form body. */
	private static String idOf(Receiver.Received received) {
		return received.body().substring(0, received.body().indexOf('&'));
	}

	private List<String> bodies(String path, int count) {
		return this.receiver.await(path, count).stream().map(Receiver.Received::body).toList();
	}

	private JsonNode post(String path, Object body) {
		return created(this.tenant.api.post(this.tenant.path(path), body));
	}

	private JsonNode patch(String path, Object body) {
		return ok(this.tenant.api.patch(this.tenant.path(path), body));
	}

	private JsonNode cloudPost(String path, Object body) {
		return created(this.tenant.api.post(cloud(path), body));
	}

	private long pay(long invoice, String amount) {
		return cloudPost("invoicepayment/",
				Map.of("invoice", absolute("invoice/" + invoice + "/"), "payment_type", 1, "paid", amount))
			.path("id")
			.asLong();
	}

	@Test
	void everyTriggerReachesItsReceiverFromARealAction() {
		this.clock.set(CHANGED);
		subscribeToEveryTrigger();
		long draft = draft();
		JsonNode withRow = post("/invoices/" + draft + "/rows",
				Map.of("item_id", this.tenant.medicineItem, "quantity", 1));
		long row = withRow.path("rows").get(2).path("id").asLong();
		ok(this.tenant.api.delete(this.tenant.path("/invoices/" + draft + "/rows/" + row)));
		ok(this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/finalize"), null));
		long payment = pay(draft, "10.00");
		long prepayment = prepayment(this.tenant.department);
		long consultation = post("/consultations", Map.of("department_id", this.tenant.department, "client_id",
				this.tenant.client, "patient_id", this.tenant.patient))
			.path("id")
			.asLong();
		post("/consultations/" + consultation + "/items",
				Map.of("item_id", this.tenant.consultationItem, "quantity", 1));
		long consulted = created(
				this.tenant.api.post(this.tenant.path("/consultations/" + consultation + "/finalize"), null))
			.path("id")
			.asLong();
		ok(this.tenant.api.patch(cloud("settings/department/" + this.tenant.department + "/"),
				Map.of("payment_cancel_set_date", true)));

		String invoice = jsonBody("invoice_id", draft);
		assertThat(bodies("/t10", 3)).containsExactly(invoice, invoice, invoice);
		assertThat(bodies("/t23", 1)).containsExactly(jsonBody("invoicerow_id", row));
		assertThat(bodies("/t9", 3)).containsExactlyInAnyOrder(invoice, invoice, jsonBody("invoice_id", consulted));
		assertThat(bodies("/t11", 1)).containsExactly(jsonBody("invoicepayment_id", payment));
		assertThat(bodies("/t12", 1)).containsExactly(jsonBody("unallocatedpayment_id", prepayment));
		assertThat(bodies("/t45", 1)).containsExactly(jsonBody("consultation_id", consultation));
		assertThat(bodies("/t63", 1)).containsExactly(jsonBody("department_id", this.tenant.department));
		assertThat(fired()).hasSize(11);
		for (JsonNode entry : queue("")) {
			awaitState(entry.path("id").asLong(), "delivered");
		}
		for (int trigger : TRIGGERS) {
			assertThat(this.receiver.requests("/t" + trigger)).hasSize((trigger == 9 || trigger == 10) ? 3 : 1);
		}
	}

	@Test
	void theQueueShowsWhatEachActionFired() {
		subscribeToEveryTrigger();
		// drafts: created, changed, a row changed, voided; a finalized invoice between 3
		// and 4
		long draft = draft();
		assertThat(fired()).containsExactly("10 invoice " + draft);
		patch("/invoices/" + draft, Map.of("remarks", "call first"));
		assertThat(fired()).containsExactly("10 invoice " + draft);
		long row = ok(this.tenant.api.get(this.tenant.path("/invoices/" + draft))).path("rows")
			.get(0)
			.path("id")
			.asLong();
		patch("/invoices/" + draft + "/rows/" + row, Map.of("quantity", 3));
		assertThat(fired()).containsExactly("10 invoice " + draft);
		ok(this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/void"), Map.of("reason", "duplicate")));
		assertThat(fired()).containsExactly("10 invoice " + draft);
		long invoice = invoice();
		assertThat(fired()).containsExactly("10 invoice " + invoice, "9 invoice " + invoice);
		patch("/invoices/" + invoice, Map.of("status", 4));
		assertThat(fired()).containsExactly("9 invoice " + invoice);
		patch("/invoices/" + invoice, Map.of("status", 3));
		assertThat(fired()).containsExactly("9 invoice " + invoice);
		long unpaid = invoice();
		fired();
		ok(this.tenant.api.post(this.tenant.path("/invoices/" + unpaid + "/void"), Map.of("reason", "wrong client")));
		assertThat(fired()).containsExactly("9 invoice " + unpaid);

		// a payment and its cancellation: the cancellation and the cancelled original
		long payment = pay(invoice, "37.59");
		assertThat(fired()).containsExactlyInAnyOrder("11 invoicepayment " + payment, "9 invoice " + invoice);
		long cancellation = cloudPost("invoicepayment/" + payment + "/cancel_payment/",
				Map.of("info", "wrong card", "cancel_date", "2026-11-20T09:00:00"))
			.path("id")
			.asLong();
		assertThat(fired()).containsExactlyInAnyOrder("11 invoicepayment " + cancellation,
				"11 invoicepayment " + payment, "9 invoice " + invoice);

		// a credit note of a paid invoice: the note, the original and the type-12 pair
		pay(invoice, "137.59");
		fired();
		long rowToCredit = ok(this.tenant.api.get(cloud("invoice/" + invoice + "/"))).path("invoice_row")
			.get(1)
			.asString()
			.replaceAll(".*/(\\d+)/$", "$1")
			.transform(Long::parseLong);
		long note = cloudPost("invoice/" + invoice + "/partial_refund/",
				Map.of("invoice_rows", List.of(Map.of("invoice_row", rowToCredit))))
			.path("id")
			.asLong();
		List<Long> pair = new ArrayList<>();
		ok(this.tenant.api.get(cloud("invoicepayment/?payment_type=12"))).path("results")
			.forEach((p) -> pair.add(p.path("id").asLong()));
		assertThat(pair).hasSize(2);
		assertThat(fired()).containsExactlyInAnyOrder("9 invoice " + note, "9 invoice " + invoice,
				"11 invoicepayment " + pair.get(0), "11 invoicepayment " + pair.get(1));

		// the overpayment it left moved to the client's prepayments
		long moved = post("/invoices/" + invoice + "/move-overpayment", null).path("id").asLong();
		JsonNode payments = ok(this.tenant.api.get(this.tenant.path("/invoices/" + invoice))).path("payment_ids");
		long movePayment = payments.get(payments.size() - 1).asLong();
		assertThat(fired()).containsExactlyInAnyOrder("12 unallocatedpayment " + moved,
				"11 invoicepayment " + movePayment, "9 invoice " + invoice);

		// a prepayment: created, its external_info, a refund, applied, the use cancelled
		long prepayment = prepayment(this.tenant.department);
		assertThat(fired()).containsExactly("12 unallocatedpayment " + prepayment);
		ok(this.tenant.api.patch(cloud("unallocatedpayment/" + prepayment + "/external_info/"),
				Map.of("external_id", "ERP-1")));
		assertThat(fired()).containsExactly("12 unallocatedpayment " + prepayment);
		long refund = cloudPost("unallocatedpayment/", Map.of("department", this.tenant.department, "client",
				this.tenant.client, "payment_type", 1, "paid", "-5.00", "refunds", prepayment))
			.path("id")
			.asLong();
		assertThat(fired()).containsExactlyInAnyOrder("12 unallocatedpayment " + refund,
				"12 unallocatedpayment " + prepayment);
		long other = invoice();
		fired();
		long use = post("/invoices/" + other + "/apply-prepayment",
				Map.of("unallocated_payment_id", prepayment, "amount", "20.00"))
			.path("id")
			.asLong();
		assertThat(fired()).containsExactlyInAnyOrder("11 invoicepayment " + use, "9 invoice " + other,
				"12 unallocatedpayment " + prepayment);
		long useCancelled = post("/payments/" + use + "/cancel", Map.of("info", "applied by mistake")).path("id")
			.asLong();
		assertThat(fired()).containsExactlyInAnyOrder("11 invoicepayment " + useCancelled, "11 invoicepayment " + use,
				"9 invoice " + other, "12 unallocatedpayment " + prepayment);
		long unused = prepayment(this.tenant.department);
		fired();
		ok(this.tenant.api.post(cloud("unallocatedpayment/" + unused + "/cancel/"), null));
		assertThat(fired()).containsExactly("12 unallocatedpayment " + unused);

		// a payout of an overpayment, a write-off
		pay(other, "137.59");
		cloudPost("invoice/" + other + "/full_refund/", Map.of());
		fired();
		long payout = post("/invoices/" + other + "/pay-out", Map.of("payment_type", 1)).path("id").asLong();
		assertThat(fired()).containsExactlyInAnyOrder("11 invoicepayment " + payout, "9 invoice " + other);
		long bad = invoice();
		fired();
		ok(this.tenant.api.post(this.tenant.path("/invoices/" + bad + "/write-off"), Map.of("reason", "gone")));
		assertThat(fired()).containsExactly("9 invoice " + bad);

		// departments: a new one has settings; a change of them
		long branch = post("/departments", Map.of("name", "Branch", "invoice_prefix", "BR")).path("id").asLong();
		assertThat(fired()).containsExactly("63 department " + branch);
		patch("/departments/" + branch + "/settings", Map.of("payment_cancel_set_date", true));
		assertThat(fired()).containsExactly("63 department " + branch);
		patch("/departments/" + branch, Map.of("name", "Branch office"));
		assertThat(fired()).as("the department's name is not one of its settings").isEmpty();
	}

	@Test
	void aDepartmentsWebhookHearsOnlyItsDepartmentAndAnOrganizationWideOneHearsAll() {
		long branch = this.tenant.bean(Departments.class)
			.create(this.tenant.caller, new DepartmentDetails("Branch", "BR", false))
			.id();
		long main = webhook(12, "/main", 1, this.tenant.department).path("id").asLong();
		long other = webhook(12, "/branch", 1, branch).path("id").asLong();
		long all = webhook(12, "/all", 1, null).path("id").asLong();
		long here = prepayment(this.tenant.department);
		long there = prepayment(branch);
		// refunded at the branch: the refund belongs to the branch, the prepayment to
		// main
		long refund = cloudPost("unallocatedpayment/", Map.of("department", branch, "client", this.tenant.client,
				"payment_type", 1, "paid", "-10.00", "refunds", here))
			.path("id")
			.asLong();

		assertThat(queue("webhook=" + main)).extracting((e) -> e.path("object_id").asLong())
			.containsExactly(here, here);
		assertThat(queue("webhook=" + other)).extracting((e) -> e.path("object_id").asLong())
			.containsExactlyInAnyOrder(there, refund);
		assertThat(queue("webhook=" + all)).extracting((e) -> e.path("object_id").asLong())
			.containsExactlyInAnyOrder(here, there, refund, here);
		for (JsonNode entry : queue("")) {
			awaitState(entry.path("id").asLong(), "delivered");
		}
		assertThat(this.receiver.requests("/main")).extracting(WebhookTriggerIntegrationTests::idOf)
			.containsExactly("unallocatedpayment_id=" + here, "unallocatedpayment_id=" + here);
		assertThat(this.receiver.requests("/branch")).extracting(WebhookTriggerIntegrationTests::idOf)
			.containsExactlyInAnyOrder("unallocatedpayment_id=" + there, "unallocatedpayment_id=" + refund);
		assertThat(this.receiver.requests("/all")).hasSize(4);
	}

	@Test
	void aRefusedChangeQueuesNothing() {
		subscribeToEveryTrigger();
		long invoice = invoice();
		long draft = draft();
		fired();
		ApiResponse overpaid = this.tenant.api.post(cloud("invoicepayment/"),
				Map.of("invoice", invoice, "payment_type", 1, "paid", "137.60"));
		assertThat(overpaid.status()).as(overpaid.toString()).isEqualTo(400);
		assertThat(this.tenant.api
			.post(cloud("invoicepayment/"), Map.of("invoice", draft, "payment_type", 1, "paid", "1.00"))
			.status()).isEqualTo(400);
		assertThat(this.tenant.api
			.post(cloud("unallocatedpayment/"),
					Map.of("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1,
							"paid", "-1.00"))
			.status()).isEqualTo(400);
		assertThat(this.tenant.api
			.post(this.tenant.path("/invoices/" + invoice + "/rows"),
					Map.of("item_id", this.tenant.medicineItem, "quantity", 1))
			.status()).isEqualTo(422);
		assertThat(fired()).isEmpty();
	}

	@Test
	void aChangeRolledBackAfterItsEventsWereWrittenTakesThemWithIt() {
		subscribeToEveryTrigger();
		long invoice = invoice();
		fired();
		Payments payments = this.tenant.bean(Payments.class);
		WebhookQueue queue = this.tenant.bean(WebhookQueue.class);
		Caller caller = this.tenant.caller;
		TransactionTemplate transaction = new TransactionTemplate(
				this.context.getBean(PlatformTransactionManager.class));
		assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult((status) -> {
			payments.record(caller, new PaymentCommands.NewPayment(invoice, 1, new BigDecimal("10.00"), null, null));
			long queuedInside = queue.search(caller, new Criteria(List.of(), false), List.of(), new OffsetPage(1, 1000))
				.items()
				.stream()
				.filter((delivery) -> delivery.id() > this.seen)
				.count();
			assertThat(queuedInside).as("the payment and the invoice, queued in the payment's transaction")
				.isEqualTo(2);
			throw new IllegalStateException("the transaction fails after the payment");
		})).withMessage("the transaction fails after the payment");
		assertThat(fired()).isEmpty();
		assertThat(ok(this.tenant.api.get(cloud("invoice/" + invoice + "/"))).path("paid_amount").toString())
			.isEqualTo("0.00");
	}

}
