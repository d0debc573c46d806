package org.vetbill.shared.web;

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
 * A database failure that is no conflict with other data (here a check constraint that
 * validation let through, standing for any failure of the database) is a 503 with
 * {@code Retry-After} in each dialect's format, never a 409 that clients are told to
 * retry as a conflict; a duplicate stays a 409.
 */
class DatabaseFailureIntegrationTests extends IntegrationTest {

	/** A prepayment of this amount breaks the constraint the test adds. */
	private static final String FAILING_AMOUNT = "12345.67";

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		dsl().execute("alter table unallocated_payment add constraint unallocated_payment_failure_probe check (paid <> "
				+ FAILING_AMOUNT + ")");
	}

	@AfterEach
	void dropTheProbe() {
		dsl().execute("alter table unallocated_payment drop constraint unallocated_payment_failure_probe");
		LedgerInvariants.assertHold(dsl());
	}

	private DSLContext dsl() {
		return this.context.getBean(DSLContext.class);
	}

	private Map<String, Object> prepayment(String paid) {
		return Map.of("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid",
				paid);
	}

	@Test
	void aFailingDatabaseIsA503ToRetryLaterNotAConflict() {
		String cloud = "/" + this.tenant.provetId + "/api/0.1/unallocatedpayment/";
		ApiResponse response = this.tenant.api.post(cloud, prepayment(FAILING_AMOUNT));
		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.header("Retry-After")).contains("5");
		assertThat(response.raw()).startsWith("{\"detail\":\"").doesNotContain("conflict");
		ApiResponse withKey = this.tenant.api.post(cloud, prepayment(FAILING_AMOUNT), "Idempotency-Key",
				"a-failing-database");
		assertThat(withKey.status()).as(withKey.toString()).isEqualTo(503);
		assertThat(withKey.raw()).doesNotContain("conflict");
		assertThat(this.tenant.api.get(cloud).get("count").asLong()).isZero();
		// the same key works once the database does
		ApiResponse retried = this.tenant.api.post(cloud, prepayment("10.00"), "Idempotency-Key", "another-key");
		assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
	}

	@Test
	void vetbillsOwnApiAnswersAFailingDatabaseAsAProblemWithItsCode() {
		dsl().execute("alter table supplier add constraint supplier_failure_probe check (name <> 'Failing')");
		try {
			ApiResponse response = this.tenant.api.post(this.tenant.path("/suppliers"), Map.of("name", "Failing"));
			assertThat(response.status()).as(response.toString()).isEqualTo(503);
			assertThat(response.header("Retry-After")).contains("5");
			assertThat(response.get("code").asString()).isEqualTo("database_unavailable");
			assertThat(response.raw()).doesNotContain("conflict");
		}
		finally {
			dsl().execute("alter table supplier drop constraint supplier_failure_probe");
		}
	}

}
