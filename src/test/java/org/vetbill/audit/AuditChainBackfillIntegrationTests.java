package org.vetbill.audit;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.SQLDialect;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.vetbill.support.TestDatabase;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.AUDIT_CHAIN_HEAD;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;
import static org.vetbill.shared.db.Tables.ORGANIZATION;

/**
 * Migration 16.1 on a database that already has an audit log: every event is chained in
 * the order of its ids, loses nothing, and the chains verify; events written afterwards
 * continue them.
 */
class AuditChainBackfillIntegrationTests {

	@Test
	void existingEventsAreChainedWithoutLosingAny() throws SQLException {
		TestDatabase.Fresh database = TestDatabase.freshDatabase("audit_backfill");
		// one connection for the migrations and the test (H2 keeps a check constraint
		// usable only while a session of the one that created it lives)
		SingleConnectionDataSource connection = new SingleConnectionDataSource(database.url(), database.user(),
				database.password(), true);
		flyway(connection).target("16").load().migrate();
		DSLContext dsl = DSL.using(connection, TestDatabase.isPostgres() ? SQLDialect.POSTGRES : SQLDialect.H2);
		// as the application renders its SQL (JooqSettings)
		dsl.settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false);
		try {
			long first = organization(dsl, "9101");
			long second = organization(dsl, "9102");
			for (int i = 0; i < 5; i++) {
				event(dsl, first, i, (i == 2) ? null : "{\"before\":null,\"after\":{\"n\":" + i + "}}");
				event(dsl, second, 100 + i, "{\"after\":\"Käteinen " + i + "\"}");
			}
			List<Record> before = events(dsl);

			flyway(connection).javaMigrations(new AuditChainBackfillStore()).load().migrate();

			List<Record> after = events(dsl);
			assertThat(after).hasSize(10);
			for (int i = 0; i < after.size(); i++) {
				for (var field : List.of(AUDIT_EVENT.ID, AUDIT_EVENT.ORGANIZATION_ID, AUDIT_EVENT.OCCURRED,
						AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE, AUDIT_EVENT.ENTITY_ID,
						AUDIT_EVENT.DETAILS)) {
					assertThat(after.get(i).get(field)).isEqualTo(before.get(i).get(field));
				}
			}
			assertThat(dsl.select(AUDIT_EVENT.CHAIN_SEQ)
				.from(AUDIT_EVENT)
				.where(AUDIT_EVENT.ORGANIZATION_ID.eq(first))
				.orderBy(AUDIT_EVENT.ID)
				.fetch(AUDIT_EVENT.CHAIN_SEQ)).containsExactly(1L, 2L, 3L, 4L, 5L);
			assertThat(dsl.fetchCount(AUDIT_CHAIN_HEAD)).isEqualTo(2);

			AuditVerification verification = new AuditVerification(new AuditChainStore(dsl));
			List<ChainReport> reports = verification.verifyAll();
			assertThat(reports).extracting(ChainReport::organizationId).containsExactly(first, second);
			assertThat(reports).allSatisfy((report) -> {
				assertThat(report.brokenLink()).isNull();
				assertThat(report.intact()).isTrue();
				assertThat(report.records()).isEqualTo(5);
			});
			String firstHead = dsl.select(AUDIT_CHAIN_HEAD.LAST_HASH)
				.from(AUDIT_CHAIN_HEAD)
				.where(AUDIT_CHAIN_HEAD.ORGANIZATION_ID.eq(first))
				.fetchSingle(AUDIT_CHAIN_HEAD.LAST_HASH);
			assertThat(reports.get(0).lastHash()).isEqualTo(firstHead);

			// the next event continues the chain from the head the migration left
			dsl.transaction((configuration) -> {
				AuditChainStore chain = new AuditChainStore(DSL.using(configuration));
				AuditChainStore.Head head = chain.lockHead(first);
				assertThat(head.position()).isEqualTo(5);
				AuditHash.Fields next = new AuditHash.Fields(first, 6, Instant.parse("2026-11-22T08:00:00Z"),
						"user:frontdesk", "invoice.finalized", "invoice", 77, "{}", head.hash());
				String hash = AuditHash.of(next);
				chain.append(next, hash);
				chain.moveHead(first, new AuditChainStore.Head(6, hash));
			});
			assertThat(verification.verify(first).records()).isEqualTo(6);
			assertThat(verification.verify(first).intact()).isTrue();
		}
		finally {
			connection.destroy();
		}
	}

	private static FluentConfiguration flyway(DataSource connection) {
		return Flyway.configure()
			.dataSource(connection)
			.locations("classpath:db/migration/common",
					"classpath:db/migration/" + (TestDatabase.isPostgres() ? "postgresql" : "h2"));
	}

	private static long organization(DSLContext dsl, String provetId) {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		return dsl.insertInto(ORGANIZATION)
			.set(ORGANIZATION.UUID, UUID.randomUUID())
			.set(ORGANIZATION.PROVET_ID, provetId)
			.set(ORGANIZATION.NAME, "Clinic " + provetId)
			.set(ORGANIZATION.CURRENCY, "EUR")
			.set(ORGANIZATION.COUNTRY, "FI")
			.set(ORGANIZATION.TIME_ZONE, "Europe/Helsinki")
			.set(ORGANIZATION.REFERENCE_NUMBER_FORMAT, "NONE")
			.set(ORGANIZATION.PRICES_INCLUDE_VAT, false)
			.set(ORGANIZATION.DEFAULT_PAYMENT_TERMS_DAYS, 14)
			.set(ORGANIZATION.CREATED, now)
			.set(ORGANIZATION.MODIFIED, now)
			.set(ORGANIZATION.VERSION, 0)
			.returning(ORGANIZATION.ID)
			.fetchSingle(ORGANIZATION.ID);
	}

	private static void event(DSLContext dsl, long organization, int n, String details) {
		dsl.insertInto(AUDIT_EVENT)
			.set(AUDIT_EVENT.ORGANIZATION_ID, organization)
			.set(AUDIT_EVENT.OCCURRED, Instant.parse("2026-03-01T12:00:00.123456Z").plusSeconds(n))
			.set(AUDIT_EVENT.ACTOR, "user:frontdesk")
			.set(AUDIT_EVENT.ACTION, "client.created")
			.set(AUDIT_EVENT.ENTITY_TYPE, "client")
			.set(AUDIT_EVENT.ENTITY_ID, (long) n)
			.set(AUDIT_EVENT.DETAILS, details)
			.execute();
	}

	private static List<Record> events(DSLContext dsl) {
		return dsl.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID).fetch().stream().map((r) -> (Record) r).toList();
	}

}
