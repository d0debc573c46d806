package org.vetbill.shared.web;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write whose answer the client would not accept is refused before it changes anything:
 * the 406 used to come after the change was committed (found by the fuzzer).
 */
class AnswerableWritesIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	private long invoice;

	@BeforeEach
	void finalizedInvoice() {
		this.tenant = newTenant();
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		this.invoice = draft.id();
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + this.invoice + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
	}

	@Test
	void aPaymentWhoseAnswerWouldNotBeAcceptedIsNotRecorded() {
		ApiResponse refused = send("POST", cloud("invoicepayment/"),
				"{\"invoice\": " + this.invoice + ", \"payment_type\": 1, \"paid\": \"10.00\"}", "application/xml");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(406);
		assertThat(this.tenant.api.get(cloud("invoicepayment/?invoice__is=" + this.invoice)).get("count").asInt())
			.isZero();
		assertThat(this.tenant.api.get(this.tenant.path("/invoices/" + this.invoice)).get("paid_amount").decimalValue())
			.isZero();
		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

	@Test
	void aChangeWhoseAnswerWouldNotBeAcceptedIsNotMade() {
		ApiResponse payment = this.tenant.api.post(cloud("invoicepayment/"),
				Map.of("invoice", this.invoice, "payment_type", 1, "paid", "10.00", "info", "card"));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

		ApiResponse refused = send("PATCH", cloud("invoicepayment/" + payment.id() + "/"), "{\"info\": \"changed\"}",
				"text/html");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(406);
		assertThat(this.tenant.api.get(cloud("invoicepayment/" + payment.id() + "/")).get("info").asString())
			.isEqualTo("card");
	}

	@Test
	void aWriteWhoseAnswerIsAcceptedGoesAhead() {
		ApiResponse paid = send("POST", cloud("invoicepayment/"),
				"{\"invoice\": " + this.invoice + ", \"payment_type\": 1, \"paid\": \"10.00\"}",
				"text/html, application/json;q=0.9");
		ApiResponse changed = send("PATCH", cloud("invoicepayment/" + paid.id() + "/"), "{\"info\": \"changed\"}",
				"*/*");

		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.get("info").asString()).isEqualTo("changed");
		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

	private ApiResponse send(String method, String path, String json, String accept) {
		return this.tenant.api.send(this.tenant.api.request(path)
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

}
