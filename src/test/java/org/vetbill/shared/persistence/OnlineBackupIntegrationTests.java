package org.vetbill.shared.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestDatabase;
import org.vetbill.support.TestTenant;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /admin/v1/backups}, the backup of a running server on the embedded database
 * that {@code ./vetbill backup} asks for: on H2 a backup taken while nothing moves
 * restores, into a new database, exactly the ledger of that moment, and backups taken
 * while payments race restore to ledgers whose invariants hold, each a moment between the
 * payments answered before and after it; on PostgreSQL the endpoint says to use pg_dump.
 * Names that are not plain file names are refused, and the admin key is required.
 */
class OnlineBackupIntegrationTests extends IntegrationTest {

	private static final String BACKUPS = "/admin/v1/backups";

	private static final int PAYERS = 4;

	private static final int MOST_PAYMENTS_EACH = 30;

	private static final int DRAFTS = 4;

	private static final int BACKUPS_DURING_RACE = 5;

	private final List<Path> written = new ArrayList<>();

	private TestTenant tenant;

	private Api admin;

	private Path folder;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.admin = anonymous().as("Bearer " + ADMIN_KEY);
		this.folder = Path.of(this.context.getEnvironment().getRequiredProperty("vetbill.data-dir"), "backups");
	}

	@AfterEach
	void deleteTheBackups() throws IOException {
		for (Path file : this.written) {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aBackupTakenWhileNothingMovesRestoresExactlyThatLedger() {
		Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded backup is H2's; PostgreSQL has pg_dump");
		long paid = this.tenant.finalizedInvoice();
		long partly = this.tenant.finalizedInvoice();
		this.tenant.finalizedInvoice();
		this.tenant.pay(paid, "40.00");
		this.tenant.pay(partly, "20.00");
		this.tenant.pay(partly, "5.50");
		DSLContext live = this.context.getBean(DSLContext.class);
		List<Object> before = TenantLedger.of(live, this.tenant.organizationId);
		String name = "online-" + this.tenant.provetId + ".sql.gz";

		ApiResponse backup = this.admin.post(BACKUPS, Map.of("file", name));

		assertThat(backup.status()).as(backup.toString()).isEqualTo(201);
		assertThat(backup.get("file").asString()).isEqualTo(name);
		assertThat(Instant.parse(backup.get("created").asString())).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
		Path file = kept(backup);
		assertThat(backup.get("bytes").asLong()).isEqualTo(size(file)).isPositive();
		restoreInto(file, (restored) -> {
			assertThat(TenantLedger.of(restored, this.tenant.organizationId)).isEqualTo(before).isNotEmpty();
			assertThat(TenantLedger.figures(restored, this.tenant.organizationId))
				.isEqualTo(TenantLedger.figures(live, this.tenant.organizationId))
				.containsExactly(3, new BigDecimal("65.5"));
			LedgerInvariants.assertHold(restored);
		});
	}

	@Test
	void backupsTakenWhilePaymentsRaceRestoreToConsistentMomentsOfTheLedger() throws Exception {
		Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded backup is H2's; PostgreSQL has pg_dump");
		List<Long> invoices = List.of(this.tenant.finalizedInvoice(), this.tenant.finalizedInvoice(),
				this.tenant.finalizedInvoice(), this.tenant.finalizedInvoice());
		// H2 writes the tables in the order they were created, the invoice rows (and the
		// audit log) between the invoices and the payments: drafts with many rows make
		// that stretch long enough for payments to commit within it, so a backup that
		// read each table at another moment would be caught (one taken at read
		// committed is)
		for (int i = 0; i < DRAFTS; i++) {
			draftWithManyRows();
		}
		DSLContext live = this.context.getBean(DSLContext.class);
		AtomicInteger answered = new AtomicInteger();
		AtomicBoolean backupsDone = new AtomicBoolean();
		CountDownLatch start = new CountDownLatch(1);
		List<Taken> taken = new ArrayList<>();
		ExecutorService payers = Executors.newFixedThreadPool(PAYERS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int payer = 0; payer < PAYERS; payer++) {
				long invoice = invoices.get(payer);
				running.add(payers.submit(() -> {
					start.await();
					// each payer pays its invoice until the backups are taken (and at
					// most so many times), so every backup runs while money moves
					for (int i = 0; i < MOST_PAYMENTS_EACH && !backupsDone.get(); i++) {
						this.tenant.pay(invoice, "0.25");
						answered.incrementAndGet();
					}
					return null;
				}));
			}
			start.countDown();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (answered.get() < PAYERS && running.stream().noneMatch(Future::isDone)
					&& System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(answered.get()).as("payments answered before the first backup").isGreaterThanOrEqualTo(PAYERS);
			for (int i = 0; i < BACKUPS_DURING_RACE; i++) {
				int before = answered.get();
				ApiResponse backup = this.admin.post(BACKUPS,
						Map.of("file", "race-" + this.tenant.provetId + "-" + i + ".sql.gz"));
				int after = answered.get();
				assertThat(backup.status()).as(backup.toString()).isEqualTo(201);
				taken.add(new Taken(kept(backup), before, after));
			}
			backupsDone.set(true);
			for (Future<?> payer : running) {
				payer.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			backupsDone.set(true);
			payers.shutdownNow();
		}
		List<List<Object>> finalPayments = TenantLedger.payments(live, this.tenant.organizationId);
		assertThat(taken).as("a backup taken while payments were being answered")
			.anyMatch((backup) -> backup.answeredAfter() > backup.answeredBefore());

		for (Taken backup : taken) {
			restoreInto(backup.file(), (restored) -> {
				List<List<Object>> payments = TenantLedger.payments(restored, this.tenant.organizationId);
				// a moment of the ledger: the payments committed by then, each as it is
				// now; those answered before the backup began, and at most one in flight
				// per payer beyond those answered when it ended
				assertThat(finalPayments).containsAll(payments);
				assertThat(payments).hasSizeBetween(backup.answeredBefore(), backup.answeredAfter() + PAYERS);
				assertThat(TenantLedger.figures(restored, this.tenant.organizationId).get(0)).isEqualTo(4 + DRAFTS);
				LedgerInvariants.assertHold(restored);
			});
		}
		LedgerInvariants.assertHold(live);
	}

	@Test
	void withoutANameABackupIsNamedAfterItsUtcTime() throws IOException {
		Assumptions.assumeFalse(TestDatabase.isPostgres(), "the embedded backup is H2's; PostgreSQL has pg_dump");
		this.clock.set("2031-02-03T04:05:06Z");
		deleteEarlierRunsOf("vetbill-backup-20310203-040506");

		ApiResponse first = this.admin.post(BACKUPS, null);
		ApiResponse second = this.admin.post(BACKUPS, Map.of());

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.get("file").asString()).isEqualTo("vetbill-backup-20310203-040506.sql.gz");
		kept(first);
		// a second backup within the same second keeps the first
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(second.get("file").asString()).isEqualTo("vetbill-backup-20310203-040506-2.sql.gz");
		kept(second);
		// a name asked for twice is refused the second time, and the first stays whole
		ApiResponse again = this.admin.post(BACKUPS, Map.of("file", "vetbill-backup-20310203-040506.sql.gz"));
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.get("code").asString()).isEqualTo("backup_file_exists");
		assertThat(size(this.folder.resolve("vetbill-backup-20310203-040506.sql.gz")))
			.isEqualTo(first.get("bytes").asLong());
	}

	@Test
	void aNameThatIsNotAPlainBackupFileNameIsRefusedNamingTheField() throws IOException {
		String outside = "escaped-" + UUID.randomUUID() + ".sql.gz";
		List<String> names = List.of("../" + outside, "/" + outside, "sub/dir.sql.gz", "backup.sql", "backup.gz",
				".sql.gz", "", " .sql.gz", "a".repeat(94) + ".sql.gz", "bäckup.sql.gz", "back up.sql.gz");
		for (String name : names) {
			ApiResponse response = this.admin.post(BACKUPS, Map.of("file", name));
			assertThat(response.status()).as(name + ": " + response).isEqualTo(400);
			assertThat(response.get("code").asString()).isEqualTo("invalid_input");
			assertThat(response.body().path("errors").get(0).path("field").asString()).as(name).isEqualTo("file");
		}
		ApiResponse notText = this.admin.post(BACKUPS, Map.of("file", 12));
		assertThat(notText.status()).as(notText.toString()).isEqualTo(400);
		assertThat(Path.of("/", outside)).doesNotExist();
		assertThat(this.folder.getParent().resolve(outside)).doesNotExist();
	}

	@Test
	void theBackupEndpointNeedsTheAdminKey() {
		String name = "unauthorized-" + this.tenant.provetId + ".sql.gz";
		for (Api caller : List.of(anonymous(), anonymous().as("Bearer not-the-admin-key"), this.tenant.api)) {
			ApiResponse response = caller.post(BACKUPS, Map.of("file", name));
			assertThat(response.status()).as(response.toString()).isEqualTo(401);
		}
		assertThat(this.folder.resolve(name)).doesNotExist();
	}

	@Test
	void onPostgresqlTheBackupEndpointSaysToUsePgDump() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(), "the refusal is PostgreSQL's");
		String name = "postgres-" + this.tenant.provetId + ".sql.gz";

		ApiResponse response = this.admin.post(BACKUPS, Map.of("file", name));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.get("code").asString()).isEqualTo("backup_not_embedded");
		assertThat(response.get("detail").asString()).contains("pg_dump").contains("docs/operations.md");
		assertThat(this.folder.resolve(name)).doesNotExist();
	}

	/**
	 * Restores a backup into a new in-memory H2 database of its own, which is gone once
	 * the check has run.
	 */
	private void restoreInto(Path file, Consumer<DSLContext> check) {
		SingleConnectionDataSource connection = new SingleConnectionDataSource(
				"jdbc:h2:mem:vetbill_online_" + UUID.randomUUID().toString().replace("-", ""), "sa", "", true);
		try {
			DSLContext restored = TenantLedger.dsl(connection, SQLDialect.H2);
			restored.execute("runscript from {0} compression gzip", file.toAbsolutePath().toString());
			check.accept(restored);
		}
		finally {
			connection.destroy();
		}
	}

	/** The file an answered backup wrote, deleted after the test. */
	private Path kept(ApiResponse backup) {
		Path file = this.folder.resolve(backup.get("file").asString());
		this.written.add(file);
		assertThat(file).isRegularFile();
		return file;
	}

	private void deleteEarlierRunsOf(String prefix) throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return;
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(prefix)).toList()) {
				Files.delete(file);
			}
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void draftWithManyRows() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			rows.add(Map.of("item_id", this.tenant.medicineItem, "quantity", 1 + i % 7));
		}
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows", rows));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
	}

	/**
	 * A backup taken during the race, with the payments answered when it was asked for
	 * and when it was answered.
	 */
	private record Taken(Path file, int answeredBefore, int answeredAfter) {
	}

}
