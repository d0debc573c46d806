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

	private TestTenant tenant;

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

	private List<String> pay(long invoice, String amount) {
		String path = "/" + this.tenant.provetId + "/api/0.1/invoicepayment/";
		ApiResponse[] response = new ApiResponse[1];
		List<String> statements = this.queries.statements(() -> response[0] = this.tenant.api.post(path,
				Map.of("invoice", invoice, "payment_type", 0, "paid", amount)));
		assertThat(response[0].status()).as(response[0].toString()).isEqualTo(201);
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
