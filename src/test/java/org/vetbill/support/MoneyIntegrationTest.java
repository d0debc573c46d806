package org.vetbill.support;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the integration tests that move money: each test has an organization of its
 * own, made at 2026-11-21T10:00:00Z on the test clock, and the ledger's invariants are
 * checked over the whole database after it, whatever it did.
 */
public abstract class MoneyIntegrationTest extends IntegrationTest {

	/** The test's organization. */
	protected TestTenant tenant;

	/** Its API, signed in with every permission. */
	protected Api api;

	/** The application's database. */
	protected DSLContext dsl;

	@BeforeEach
	void aNewOrganizationAtTheTestsTime() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.api = this.tenant.api;
		this.dsl = this.context.getBean(DSLContext.class);
	}

	@AfterEach
	void theLedgerStillAddsUp() {
		LedgerInvariants.assertHold(this.dsl);
	}

}
