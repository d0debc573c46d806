package org.vetbill.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.ReferenceNumberFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the database
 * {@link TestDatabase} selects, with a clock the tests can move and a
 * {@link QueryCounter}. Every test works in tenants of its own, so tests never see each
 * other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vetbill.admin.key=" + IntegrationTest.ADMIN_KEY, "spring.flyway.clean-disabled=false",
				// tests create many tenants and tokens: bcrypt's lowest work factor
				// keeps that quick (the algorithm and its checks are the same)
				"vetbill.security.password-strength=4", "spring.datasource.hikari.maximum-pool-size=24",
				// no test context compiles the e-invoice rules in the background
				// (EInvoiceTests
				// validate with a warmed validator of their own)
				"vetbill.einvoice.warm-up=false",
				// the test contexts Spring keeps cached, and the crash test's own server,
				// share
				// PostgreSQL's 100 connections: an idle context keeps one, not 24
				"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000",
				// webhook deliveries and their retries within seconds (see
				// WebhookDispatcherIntegrationTests)
				"vetbill.webhooks.poll-interval=100ms", "vetbill.webhooks.retry-base=100ms",
				"vetbill.webhooks.retry-max=400ms", "vetbill.webhooks.timeout=2s", "vetbill.webhooks.lease=10s",
				// invoice sendings are sent only by the sending tests' own context
				// (SendingIntegrationTest), which points them at its SMTP server
				"vetbill.sending.worker-enabled=false",
				// Connect imports run when a test asks (ConnectImportIntegrationTests)
				"vetbill.connect.importer-enabled=false",
				// every test signs in from the loopback: its failed sign-ins must not
				// lock the address for the others (SignInThrottleIntegrationTests
				// tests the default budget from addresses of its own)
				"vetbill.security.sign-in.address-max-failures=1000000",
				// the stand-in receivers and suppliers, and this server's own Connect
				// API,
				// are on the loopback, which outbound requests do not reach by default
				"vetbill.outbound.allowed-addresses=127.0.0.0/8,::1",
				// the Prometheus scrape endpoint opens to this token
				// (MetricsIntegrationTests)
				"vetbill.metrics.scrape-token=" + IntegrationTest.SCRAPE_TOKEN })
@Import(IntegrationTest.TestSupport.class)
public abstract class IntegrationTest {

	public static final String ADMIN_KEY = "test-admin-key";

	public static final String SCRAPE_TOKEN = "test-scrape-token";

	private static final AtomicInteger TENANTS = new AtomicInteger(5000);

	private static final AtomicBoolean CLEANED = new AtomicBoolean();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected QueryCounter queries;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@AfterEach
	void followTheSystemClockAgain() {
		this.clock.reset();
	}

	/**
	 * A client of the running server without credentials.
	 * @return the client
	 */
	protected Api anonymous() {
		return new Api("http://localhost:" + this.port, null);
	}

	/**
	 * A new organization in Finland billing in EUR with net prices and Finnish reference
	 * numbers, with a department, VAT groups, items and clients.
	 * @return the tenant
	 */
	protected TestTenant newTenant() {
		return newTenant(ReferenceNumberFormat.FINNISH, false);
	}

	protected TestTenant newTenant(ReferenceNumberFormat format, boolean pricesIncludeVat) {
		String provetId = String.valueOf(TENANTS.incrementAndGet());
		OrganizationSettings settings = new OrganizationSettings("Clinic " + provetId, "EUR", "FI", "Europe/Helsinki",
				format, pricesIncludeVat, 14);
		return TestTenant.create(this.context, anonymous(), provetId, settings);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestSupport {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		@Bean
		QueryCounter queryCounter() {
			return new QueryCounter();
		}

		@Bean
		ExecuteListenerProvider countQueries(QueryCounter queryCounter) {
			return new DefaultExecuteListenerProvider(queryCounter);
		}

		/**
		 * Starts each test run on PostgreSQL from an empty schema (H2 runs in memory).
		 * @return the strategy
		 */
		@Bean
		FlywayMigrationStrategy cleanOnceThenMigrate() {
			return (flyway) -> {
				if (TestDatabase.isPostgres() && CLEANED.compareAndSet(false, true)) {
					flyway.clean();
				}
				flyway.migrate();
			};
		}

	}

}
