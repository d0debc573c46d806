package org.vetbill.shared.persistence;

import java.nio.file.Files;
import java.sql.Connection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database as {@code ./vetbill run} uses it: an H2 <em>file</em> database
 * (the other tests use an in-memory one that is never closed), its pool retiring
 * connections all the time as it does every 30 minutes in production. Money keeps moving:
 * no payment may fail because the pool let go of its last connection. The database URL is
 * the one a deployment might give, without {@code DB_CLOSE_DELAY}. (On PostgreSQL, the
 * embedded database does not apply.)
 */
@DisabledIfSystemProperty(named = "vetbill.test.database", matches = "postgres")
// the rate limits off: on an idle machine 20 s of payments exceed a client's budget
@TestPropertySource(
		properties = { "spring.datasource.hikari.max-lifetime=30000", "spring.datasource.hikari.idle-timeout=10000",
				"spring.datasource.hikari.minimum-idle=1", "vetbill.rate-limit.enabled=false" })
class EmbeddedDatabaseIntegrationTests extends IntegrationTest {

	private static final Path DATA_DIR = dataDir();

	@DynamicPropertySource
	static void fileDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:" + DATA_DIR.resolve("vetbill") + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterEach
	void theLedgerStillAddsUp() {
		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

	@Test
	void paymentsKeepSucceedingWhileThePoolRetiresItsConnections() throws Exception {
		TestTenant tenant = newTenant();
		HikariDataSource pool = this.context.getBean(HikariDataSource.class);
		// a connection in use, as a long request or the webhook dispatcher holds one:
		// the database stays open while the pool retires all the others, Flyway's too
		Connection inUse = pool.getConnection();
		AtomicBoolean paying = new AtomicBoolean(true);
		ExecutorService retirer = Executors.newSingleThreadExecutor();
		Future<?> retiring = retirer.submit(() -> {
			while (paying.get()) {
				pool.getHikariPoolMXBean().softEvictConnections();
				Thread.sleep(10);
			}
			return null;
		});
		List<ApiResponse> failed = new ArrayList<>();
		int payments = 0;
		try {
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (System.nanoTime() < until) {
				ApiResponse draft = tenant.api.post(tenant.path("/invoices"),
						Map.of("department_id", tenant.department, "client_id", tenant.client, "rows",
								List.of(Map.of("item_id", tenant.consultationItem, "quantity", 1))));
				assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
				ApiResponse invoice = tenant.api.post(tenant.path("/invoices/" + draft.id() + "/finalize"), null);
				assertThat(invoice.status()).as(invoice.toString()).isEqualTo(200);
				for (int i = 0; i < 3; i++) {
					ApiResponse payment = tenant.api.post(cloud(tenant, "invoicepayment/"),
							Map.of("invoice", invoice.id(), "payment_type", 1, "paid", "10.00"));
					payments++;
					if (payment.status() != 201) {
						failed.add(payment);
					}
				}
			}
		}
		finally {
			paying.set(false);
			retiring.get(10, TimeUnit.SECONDS);
			retirer.shutdownNow();
			inUse.close();
		}
		assertThat(failed).as("of " + payments + " payments").isEmpty();
		assertThat(payments).isGreaterThan(20);
	}

	private static String cloud(TestTenant tenant, String path) {
		return "/" + tenant.provetId + "/api/0.1/" + path;
	}

	private static Path dataDir() {
		try {
			return Files.createDirectories(
					Path.of("target", "embedded-database", java.util.UUID.randomUUID().toString()).toAbsolutePath());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
