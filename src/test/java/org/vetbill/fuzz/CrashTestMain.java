package org.vetbill.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ./vetbill crash-test}: any number of crash rounds ({@link CrashRounds}) against
 * vetbill from the jar on a PostgreSQL database made empty for it, printing after each
 * round what the clients were told against what the database holds. Exits 1 if any round
 * found a problem.
 */
public final class CrashTestMain {

	private static final String USAGE = """
			./vetbill crash-test [--rounds 5] [--clients 16] [--load-seconds 8] [--seed N]
			                     [--db-url jdbc:postgresql://127.0.0.1:5432/vetbill_crash] [--db-user postgres] [--db-password P]
			The database is dropped and created again: its name must contain "crash".
			""";

	private CrashTestMain() {
	}

	public static void main(String[] args) {
		Map<String, String> options = FuzzMain.options(args);
		if (options.containsKey("help")) {
			System.out.println(USAGE);
			return;
		}
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
		Duration load = Duration.ofSeconds(Long.parseLong(options.getOrDefault("load-seconds", "8")));
		long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime() % 1_000_000)));
		FreshPostgresDatabase database = FreshPostgresDatabase.create(
				options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/vetbill_crash"),
				options.getOrDefault("db-user", "postgres"), options.getOrDefault("db-password", ""));
		System.out.println("vetbill crash test: " + rounds + " rounds, " + clients + " clients, kill -9 after up to "
				+ load.toSeconds() + " s of load, on " + database.url() + ", seed " + seed);
		int problems = 0;
		long acknowledged = 0;
		long inFlight = 0;
		CrashRounds.Figures last = null;
		try (ServerProcess server = CrashIntegrationTests.server(database, Path.of("target", "crash-test.log"))) {
			server.start(Duration.ofMinutes(5));
			SampleOrganization organization = SampleOrganization.create(server.baseUrl(),
					CrashIntegrationTests.ADMIN_KEY, "7001", 40);
			CrashRounds crash = new CrashRounds(server, organization, database::open, clients, seed);
			for (int round = 1; round <= rounds; round++) {
				last = crash.round(round, load, Duration.ofMinutes(5));
				System.out.println(last);
				problems += last.problems().size();
				acknowledged += last.acknowledged();
				inFlight += last.inFlight();
			}
		}
		System.out.println(
				"total: " + acknowledged + " acknowledged before a kill, " + inFlight + " in flight at one and retried"
						+ ((last == null) ? ""
								: "; payments acknowledged " + last.expectedPayments() + " / found "
										+ last.foundPayments() + ", prepayments acknowledged "
										+ last.expectedPrepayments() + " / found " + last.foundPrepayments())
						+ "; " + ((problems == 0) ? "PASS" : "FAIL, " + problems + " problem(s)")
						+ " (server log: target/crash-test.log)");
		System.exit((problems == 0) ? 0 : 1);
	}

}
