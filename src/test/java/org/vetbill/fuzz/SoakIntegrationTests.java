package org.vetbill.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jooq.CloseableDSLContext;
import org.junit.jupiter.api.Test;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The soak in the suite, shortened: vetbill from the jar on its embedded H2 file
 * database, the pool retiring connections every 30 seconds, under light mixed load for 40
 * seconds ({@link Soak}); no error, and the ledger's invariants hold in the database
 * afterwards. Runs in the H2 pass only; {@code ./vetbill soak} runs it for hours.
 */
class SoakIntegrationTests {

	@Test
	void theEmbeddedDatabaseKeepsTakingMoneyWhileThePoolRetiresItsConnections() throws IOException {
		assumeFalse(TestDatabase.isPostgres(),
				"The soak is about the embedded database: it runs in the H2 pass, not this PostgreSQL one");
		Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "soak-h2-");
		Soak soak;
		try (ServerProcess server = SoakServer.create(dataDir, ServerProcess.freePort(), false)) {
			server.start(Duration.ofMinutes(3));
			SampleOrganization organization = SampleOrganization.create(server.baseUrl(), SoakServer.ADMIN_KEY, "7101",
					5);
			soak = new Soak(organization, 3).run(Duration.ofSeconds(40), Duration.ofMillis(300), 7);
			System.out.println("Soak on H2:\n" + soak.report());
		}
		try (CloseableDSLContext dsl = SoakServer.open(dataDir)) {
			List<String> violations = LedgerInvariants.violations(dsl);
			assertThat(soak.errors()).as(soak.report()).isEmpty();
			assertThat(violations).isEmpty();
		}
	}

}
