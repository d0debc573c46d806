package org.vetbill.shared.persistence;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestDatabase;
import org.vetbill.support.TestTenant;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup restored into a new database holds the same ledger: the same invoices with
 * their totals and balances, the same payments and prepayments, and the ledger's
 * invariants. On H2 through vetbill's own backup (taken while the server runs); on
 * PostgreSQL with {@code pg_dump -Fc} and {@code pg_restore}, as docs/operations.md says.
 */
class BackupRestoreIntegrationTests extends IntegrationTest {

	@TempDir
	Path directory;

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		long paid = this.tenant.finalizedInvoice();
		long partly = this.tenant.finalizedInvoice();
		this.tenant.pay(paid, "40.00");
		this.tenant.pay(partly, "20.00");
		ApiResponse prepayment = this.tenant.api.post("/" + this.tenant.provetId + "/api/0.1/unallocatedpayment/",
				Map.of("department", this.tenant.department, "client", this.tenant.client, "payment_type", 1, "paid",
						"300.00"));
		assertThat(prepayment.status()).as(prepayment.toString()).isEqualTo(201);
		ApiResponse applied = this.tenant.api.post(this.tenant.path("/invoices/" + partly + "/apply-prepayment"),
				Map.of("unallocated_payment_id", prepayment.id(), "amount", "50.00"));
		assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
	}

	@Test
	void anEmbeddedBackupTakenWhileRunningRestoresTheSameLedger() {
		Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded backup is H2's; PostgreSQL has pg_dump");
		DSLContext live = this.context.getBean(DSLContext.class);
		Path file = this.directory.resolve("vetbill.sql.gz");

		this.context.getBean(DatabaseBackup.class).backup(file);

		TestDatabase.Fresh fresh = TestDatabase.freshDatabase("restored");
		SingleConnectionDataSource connection = new SingleConnectionDataSource(fresh.url(), fresh.user(),
				fresh.password(), true);
		try {
			DSLContext restored = dsl(connection, SQLDialect.H2);
			restored.execute("runscript from {0} compression gzip", file.toAbsolutePath().toString());
			assertThat(ledger(restored)).isEqualTo(ledger(live)).isNotEmpty();
			LedgerInvariants.assertHold(restored);
		}
		finally {
			connection.destroy();
		}
	}

	@Test
	void aPostgresqlDumpRestoresTheSameLedger() throws Exception {
		Assumptions.assumeTrue(TestDatabase.isPostgres(), "pg_dump is PostgreSQL's");
		Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"),
				"pg_dump and pg_restore are not on the PATH: the PostgreSQL backup test is skipped");
		DSLContext live = this.context.getBean(DSLContext.class);
		String url = this.context.getEnvironment().getRequiredProperty("vetbill.database.url");
		String user = this.context.getEnvironment().getRequiredProperty("vetbill.database.user");
		String password = this.context.getEnvironment().getProperty("vetbill.database.password", "");
		Path file = this.directory.resolve("vetbill.dump");
		List<Object> before = ledger(live);

		run(password, "pg_dump", "-Fc", "--no-owner", "-f", file.toString(), "-d", libpq(url, user));
		TestDatabase.Fresh fresh = TestDatabase.freshDatabase("restored");
		run(password, "pg_restore", "--no-owner", "-d", libpq(fresh.url(), fresh.user()), file.toString());

		SingleConnectionDataSource connection = new SingleConnectionDataSource(fresh.url(), fresh.user(),
				fresh.password(), true);
		try {
			DSLContext restored = dsl(connection, SQLDialect.POSTGRES);
			assertThat(ledger(restored)).isEqualTo(before).isNotEmpty();
			LedgerInvariants.assertHold(restored);
			// the append-only trigger came along
			assertThat(restored.fetchExists(DSL.selectOne()
				.from("pg_trigger")
				.where(DSL.field("tgname").eq("audit_event_no_update_or_delete")))).isTrue();
		}
		finally {
			connection.destroy();
		}
	}

	private List<Object> ledger(DSLContext dsl) {
		return TenantLedger.of(dsl, this.tenant.organizationId);
	}

	private static DSLContext dsl(SingleConnectionDataSource connection, SQLDialect dialect) {
		return TenantLedger.dsl(connection, dialect);
	}

	private static String libpq(String jdbcUrl, String user) {
		return "postgresql://" + user + "@" + jdbcUrl.substring("jdbc:postgresql://".length());
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

	private void run(String password, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve(command[0] + ".log").toFile());
		if (!password.isEmpty()) {
			builder.environment().put("PGPASSWORD", password);
		}
		Process process = builder.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
		assertThat(process.exitValue())
			.as(command[0] + ": " + Files.readString(this.directory.resolve(command[0] + ".log")))
			.isZero();
	}

}
