package org.vetbill.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.MoneyIntegrationTest;
import org.vetbill.support.TestDatabase;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;

/**
 * The audit log as a hash chain per organization: concurrent money requests form one
 * chain, and a row edited or deleted directly in the database (on PostgreSQL around the
 * append-only trigger, as the database's superuser could) is found, exactly.
 */
class AuditChainIntegrationTests extends MoneyIntegrationTest {

	@Test
	void paymentsRacingOnSeveralInvoicesFormOneIntactChain() throws Exception {
		List<Long> invoices = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			invoices.add(finalizedInvoice());
		}
		List<ApiResponse> responses = race(32,
				(i) -> this.tenant.api.post(this.tenant.path("/invoices/" + invoices.get(i % 4) + "/payments"),
						Map.of("paid", "1.00", "payment_type", 1)));
		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.status()).as(response.toString()).isEqualTo(201));

		ApiResponse verification = verification();
		int events = this.dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId));
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("records").asLong()).isEqualTo(events).isGreaterThan(32);
		assertThat(verification.get("broken_link").isNull()).isTrue();
		List<Long> positions = this.dsl.select(AUDIT_EVENT.CHAIN_SEQ)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.orderBy(AUDIT_EVENT.CHAIN_SEQ)
			.fetch(AUDIT_EVENT.CHAIN_SEQ);
		assertThat(positions).hasSize(events).first().isEqualTo(1L);
		assertThat(positions.get(events - 1)).isEqualTo((long) events);
		assertThat(verification.get("last_hash").asString()).isEqualTo(lastHash());
	}

	@Test
	void anEventEditedInTheDatabaseIsTheBrokenLink() {
		finalizedInvoice();
		finalizedInvoice();
		assertThat(verification().get("intact").asBoolean()).isTrue();
		List<Long> ids = eventIds();
		long edited = ids.get(ids.size() / 2);
		long position = position(edited);

		tamper("update audit_event set details = replace(details, '\"', '''') where organization_id = "
				+ this.tenant.organizationId + " and id = " + edited);

		ApiResponse verification = verification();
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
		assertThat(verification.get("records").asLong()).isEqualTo(position - 1);
		JsonNode link = verification.get("broken_link");
		assertThat(link.get("record_id").asLong()).isEqualTo(edited);
		assertThat(link.get("position").asLong()).isEqualTo(position);
		assertThat(link.get("check").asString()).isEqualTo("hash");
		assertThat(link.get("found").asString()).isEqualTo(storedHash(edited));
		assertThat(link.get("expected").asString()).hasSize(64).isNotEqualTo(storedHash(edited));
	}

	@Test
	void aDeletedEventBreaksTheLinkOfTheOneAfterIt() {
		finalizedInvoice();
		List<Long> ids = eventIds();
		long deleted = ids.get(1);
		long next = ids.get(2);

		tamper("delete from audit_event where organization_id = " + this.tenant.organizationId + " and id = "
				+ deleted);

		JsonNode link = verification().get("broken_link");
		assertThat(link.get("record_id").asLong()).isEqualTo(next);
		assertThat(link.get("check").asString()).isEqualTo("position");
		assertThat(link.get("expected").asString()).isEqualTo("2");
		assertThat(link.get("found").asString()).isEqualTo("3");
	}

	@Test
	void aTruncatedLogDisagreesWithItsHead() {
		finalizedInvoice();
		List<Long> ids = eventIds();
		long last = ids.get(ids.size() - 1);

		tamper("delete from audit_event where organization_id = " + this.tenant.organizationId + " and id = " + last);

		ApiResponse verification = verification();
		JsonNode link = verification.get("broken_link");
		assertThat(link.get("record_id").isNull()).as(verification.toString()).isTrue();
		assertThat(link.get("check").asString()).isEqualTo("head");
		assertThat(link.get("position").asLong()).isEqualTo(ids.size());
		assertThat(verification.get("records").asLong()).isEqualTo(ids.size() - 1);
	}

	@Test
	void theCommandReportsEveryOrganizationAndFailsOnABrokenChain() {
		finalizedInvoice();
		List<Long> ids = eventIds();
		tamper("update audit_event set actor = 'user:someone-else' where organization_id = "
				+ this.tenant.organizationId + " and id = " + ids.get(0));

		List<ChainReport> reports = this.context.getBean(AuditVerification.class).verifyAll();
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		int code = AuditVerifyCommand.report(reports, new PrintStream(text, true));

		assertThat(code).isEqualTo(1);
		assertThat(text.toString()).contains("organization " + this.tenant.organizationId
				+ ": BROKEN at position 1 (record " + ids.get(0) + "): hash expected ");
		TestTenant other = newTenant();
		ChainReport intact = this.context.getBean(AuditVerification.class).verify(other.organizationId);
		assertThat(intact.intact()).isTrue();
		assertThat(intact.records()).isPositive();
		assertThat(AuditVerifyCommand.report(List.of(intact), new PrintStream(text, true))).isZero();
	}

	@Test
	void onlyASettingsPermissionMayVerify() {
		ApiResponse read = this.tenant.apiWith("read").get(this.tenant.path("/audit/verification"));
		assertThat(read.status()).as(read.toString()).isEqualTo(403);
		ApiResponse billing = this.tenant.apiWith("read", "billing").get(this.tenant.path("/audit/verification"));
		assertThat(billing.status()).isEqualTo(403);
		assertThat(this.tenant.apiWith("settings").get(this.tenant.path("/audit/verification")).status())
			.isEqualTo(200);
	}

	private ApiResponse verification() {
		ApiResponse response = this.tenant.api.get(this.tenant.path("/audit/verification"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	/**
	 * Changes the audit log behind vetbill's back: on PostgreSQL as the superuser the
	 * tests connect as, with triggers off for the one transaction.
	 */
	private void tamper(String sql) {
		this.dsl.transaction((configuration) -> {
			DSLContext tx = DSL.using(configuration);
			if (TestDatabase.isPostgres()) {
				tx.execute("set local session_replication_role = replica");
			}
			assertThat(tx.execute(sql)).isEqualTo(1);
		});
	}

	private List<Long> eventIds() {
		return this.dsl.select(AUDIT_EVENT.ID)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.orderBy(AUDIT_EVENT.CHAIN_SEQ)
			.fetch(AUDIT_EVENT.ID);
	}

	private long position(long id) {
		return this.dsl.select(AUDIT_EVENT.CHAIN_SEQ)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId), AUDIT_EVENT.ID.eq(id))
			.fetchSingle(AUDIT_EVENT.CHAIN_SEQ);
	}

	private String storedHash(long id) {
		return this.dsl.select(AUDIT_EVENT.HASH)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId), AUDIT_EVENT.ID.eq(id))
			.fetchSingle(AUDIT_EVENT.HASH);
	}

	private String lastHash() {
		return this.dsl.select(AUDIT_EVENT.HASH)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.orderBy(AUDIT_EVENT.CHAIN_SEQ.desc())
			.limit(1)
			.fetchSingle(AUDIT_EVENT.HASH);
	}

	private long finalizedInvoice() {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	private static List<ApiResponse> race(int count, IntFunction<ApiResponse> request) throws Exception {
		CountDownLatch ready = new CountDownLatch(count);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Future<ApiResponse>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				Callable<ApiResponse> call = () -> {
					ready.countDown();
					start.await();
					return request.apply(index);
				};
				futures.add(pool.submit(call));
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

}
