package org.vetbill.payments;

import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money path costs a fixed, small number of statements: a payment resolves the
 * organization once, reuses what the invoice's row lock returned, and never re-reads what
 * it has just written, however many payments the invoice already has.
 */
class PaymentStatementsIntegrationTests extends IntegrationTest {

	/**
	 * The statements of {@code POST invoicepayment/} with an API token, as the
	 * application runs them: the token's API client (still active, and its permissions);
	 * the organization; the invoice's row lock; the department's period lock; the
	 * payment; the invoice's balance; the webhook outbox (one {@code insert ... select}
	 * whatever the number of subscriptions); and, just before the commit, the audit
	 * record with its chain: the chain head's lock, the record, the head moved on. With
	 * PostgreSQL, the rate limiter's shared bucket adds one statement of its own.
	 */
	static final int PAYMENT_STATEMENTS = 10;

	/**
	 * The statements of the same payment sent with an {@code Idempotency-Key}: the ten,
	 * the key's claim (an insert that claims nothing when the key was used before, so a
	 * new key costs no read) and the answer kept with it.
	 */
	static final int IDEMPOTENT_PAYMENT_STATEMENTS = 12;

	/**
	 * A retry with the same key: the token's API client, the claim that claims nothing,
	 * and the answer kept by the first request, sent again.
	 */
	static final int REPLAYED_PAYMENT_STATEMENTS = 3;

	private TestTenant tenant;

	private boolean replayed;

	@BeforeEach
	void setUp() {
		this.tenant = newTenant();
	}

	@AfterEach
	void theLedgerStillAddsUp() {
		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

	@Test
	void aCardPaymentCostsAFixedNumberOfStatementsWhateverTheInvoiceHistory() {
		long invoice = invoice();
		List<String> first = pay(invoice, "1.00");
		assertThat(first).as(String.join("\n", first)).hasSize(PAYMENT_STATEMENTS);
		for (int i = 0; i < 20; i++) {
			pay(invoice, "0.10");
		}
		List<String> later = pay(invoice, "1.00");
		assertThat(later).as(String.join("\n", later)).hasSize(PAYMENT_STATEMENTS);
	}

	@Test
	void aPaymentWithAnIdempotencyKeyCostsAFixedNumberOfStatements() {
		long invoice = invoice();
		List<String> statements = pay(invoice, "1.00", "payment-1");
		assertThat(this.replayed).isFalse();
		assertThat(statements).as(String.join("\n", statements)).hasSize(IDEMPOTENT_PAYMENT_STATEMENTS);
		List<String> replay = pay(invoice, "1.00", "payment-1");
		assertThat(this.replayed).isTrue();
		assertThat(replay).as(String.join("\n", replay)).hasSize(REPLAYED_PAYMENT_STATEMENTS);
		// the claim: an insert on PostgreSQL, a merge on H2
		assertThat(replay.get(1)).contains("into idempotent_request");
	}

	private List<String> pay(long invoice, String amount) {
		return pay(invoice, amount, null);
	}

	private List<String> pay(long invoice, String amount, String key) {
		String path = "/" + this.tenant.provetId + "/api/0.1/invoicepayment/";
		ApiResponse[] response = new ApiResponse[1];
		Map<String, Object> body = Map.of("invoice", invoice, "payment_type", 0, "paid", amount);
		List<String> statements = this.queries.statements(() -> response[0] = (key == null)
				? this.tenant.api.post(path, body) : this.tenant.api.post(path, body, "Idempotency-Key", key));
		assertThat(response[0].status()).as(response[0].toString()).isEqualTo(201);
		this.replayed = response[0].header("Idempotent-Replayed").isPresent();
		return statements;
	}

	private long invoice() {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

}
