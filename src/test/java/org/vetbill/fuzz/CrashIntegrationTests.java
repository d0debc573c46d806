package org.vetbill.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetbill.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The crash test in the suite: vetbill from the built jar as a process of its own on a
 * fresh PostgreSQL database, clients moving money with Idempotency-Keys, killed with
 * {@code kill -9} twice and restarted; after each restart every acknowledged payment and
 * prepayment is there exactly once, every retried key is replayed, and the ledger's
 * invariants hold ({@link CrashRounds}). Runs in the PostgreSQL pass only;
 * {@code ./vetbill
 * crash-test --rounds N} runs more rounds.
 */
class CrashIntegrationTests {

	static final String ADMIN_KEY = "crash-test-admin-key";

	@Test
	void acknowledgedMoneySurvivesKillNineAndRetriesAreReplayed() {
		assumeTrue(TestDatabase.isPostgres(),
				"The crash test runs on PostgreSQL only (this is the H2 pass): H2 is the embedded demo database");
		String url = env("VETBILL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/vetbill_test") + "_crash";
		FreshPostgresDatabase database = FreshPostgresDatabase.create(url, env("VETBILL_TEST_PG_USER", "postgres"),
				env("VETBILL_TEST_PG_PASSWORD", ""));
		List<CrashRounds.Figures> rounds = new ArrayList<>();
		try (ServerProcess server = server(database, Path.of("target", "crash-test.log"))) {
			server.start(Duration.ofMinutes(3));
			SampleOrganization organization = SampleOrganization.create(server.baseUrl(), ADMIN_KEY, "7001", 20);
			CrashRounds crash = new CrashRounds(server, organization, database::open, 8, 16);
			for (int round = 1; round <= 2; round++) {
				CrashRounds.Figures figures = crash.round(round, Duration.ofSeconds(6), Duration.ofMinutes(3));
				System.out.println("Crash test " + figures);
				rounds.add(figures);
			}
		}
		assertThat(rounds).allSatisfy((figures) -> {
			assertThat(figures.problems()).as(figures.toString()).isEmpty();
			assertThat(figures.acknowledged()).as("payments acknowledged before the kill").isPositive();
			assertThat(figures.foundPayments()).isEqualTo(figures.expectedPayments());
			assertThat(figures.foundPrepayments()).isEqualTo(figures.expectedPrepayments());
		});
	}

	/**
	 * vetbill as a process on the database, with the rate limits off (the clients send as
	 * fast as they can) and an admin key to create the organization.
	 */
	static ServerProcess server(FreshPostgresDatabase database, Path log) {
		return new ServerProcess(Path.of("target", "vetbill.jar"), ServerProcess.freePort(), log,
				List.of("--vetbill.database.url=" + database.url(), "--vetbill.database.user=" + database.user(),
						"--vetbill.database.password=" + database.password(), "--vetbill.admin.key=" + ADMIN_KEY,
						"--vetbill.rate-limit.enabled=false", "--vetbill.connect.importer-enabled=false",
						"--spring.datasource.hikari.maximum-pool-size=20"));
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
