package org.vetbill.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jooq.CloseableDSLContext;
import org.vetbill.support.LedgerInvariants;

/**
 * {@code ./vetbill soak}: the demo server on its embedded H2 database, in a data
 * directory of its own, with the pool retiring connections every 30 seconds
 * ({@link SoakServer}), under light mixed load ({@link Soak}) for three hours or as long
 * as asked; then the server is stopped and the ledger's invariants are checked in its
 * database. Prints the figures; exits 1 on any error or broken invariant.
 */
public final class SoakMain {

	private static final String USAGE = """
			./vetbill soak [--minutes 180] [--clients 4] [--pause-ms 400] [--seed N] [--data-dir target/soak-...]
			""";

	private SoakMain() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = FuzzMain.options(args);
		if (options.containsKey("help")) {
			System.out.println(USAGE);
			return;
		}
		Duration duration = Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "180")));
		int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
		Duration pause = Duration.ofMillis(Long.parseLong(options.getOrDefault("pause-ms", "400")));
		long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime() % 1_000_000)));
		// absolute: H2 refuses a file path implicitly relative to the working directory
		Path dataDir = Path.of(options.getOrDefault("data-dir", "target/soak-" + System.currentTimeMillis()))
			.toAbsolutePath();
		Files.createDirectories(dataDir);
		System.out.println("vetbill soak: " + duration.toMinutes() + " min, " + clients + " clients, the demo on H2 in "
				+ dataDir + " with " + SoakServer.FAST_POOL + ", seed " + seed);
		Instant started = Instant.now();
		Soak soak;
		try (ServerProcess server = SoakServer.create(dataDir, ServerProcess.freePort(), true)) {
			server.start(Duration.ofMinutes(10));
			System.out.println("server up at " + server.baseUrl() + " (log: " + server.log() + ")");
			SampleOrganization organization = SampleOrganization.create(server.baseUrl(), SoakServer.ADMIN_KEY, "7101",
					10);
			soak = new Soak(organization, clients).run(duration, pause, seed);
		}
		System.out.println("elapsed: " + Duration.between(started, Instant.now()).toSeconds() + " s");
		System.out.print(soak.report());
		List<String> violations;
		try (CloseableDSLContext dsl = SoakServer.open(dataDir)) {
			violations = LedgerInvariants.violations(dsl);
		}
		System.out.println("invariants: " + (violations.isEmpty() ? "clean"
				: violations.size() + " violation(s)\n  " + String.join("\n  ", violations)));
		boolean clean = soak.errorCount() == 0 && violations.isEmpty();
		System.out.println("result: " + (clean ? "PASS" : "FAIL"));
		System.exit(clean ? 0 : 1);
	}

}
