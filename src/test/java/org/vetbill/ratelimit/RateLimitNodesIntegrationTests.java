package org.vetbill.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.VetbillApplication;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestDatabase;
import org.vetbill.support.TestTenant;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several vetbill nodes on one shared store share one budget, over real HTTP: a second
 * node on the same PostgreSQL database (on the PostgreSQL run), and two nodes on the same
 * Redis ({@code VETBILL_TEST_REDIS_URL}, by default {@code redis://127.0.0.1:6379};
 * skipped, saying so, when no Redis answers there). Every node runs on the test's clock.
 */
class RateLimitNodesIntegrationTests extends IntegrationTest {

	private static final String REDIS_URL = System.getenv()
		.getOrDefault("VETBILL_TEST_REDIS_URL", "redis://127.0.0.1:6379");

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.tenant = newTenant();
	}

	@Test
	void aSecondNodeOnTheSamePostgresqlDatabaseTakesFromTheSameBudget() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(), "the database store needs PostgreSQL; this run is on H2");
		try (ConfigurableApplicationContext second = node()) {
			assertOneBudget(List.of(on(this.port), on(port(second))));
		}
	}

	@Test
	void twoNodesOnTheSameRedisTakeFromTheSameBudget() {
		assumeRedis();
		try (ConfigurableApplicationContext one = node("--vetbill.rate-limit.store=redis",
				"--vetbill.rate-limit.redis-url=" + REDIS_URL);
				ConfigurableApplicationContext two = node("--vetbill.rate-limit.store=redis",
						"--vetbill.rate-limit.redis-url=" + REDIS_URL)) {
			assertOneBudget(List.of(on(port(one)), on(port(two))));
		}
	}

	private void assertOneBudget(List<Api> nodes) {
		String invoices = "/" + this.tenant.provetId + "/api/0.1/invoice/";
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			statuses.add(nodes.get(i % nodes.size()).get(invoices).status());
		}
		assertThat(statuses).containsOnly(200);
		for (Api node : nodes) {
			ApiResponse throttled = node.get(invoices);
			assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
			assertThat(throttled.header("Retry-After")).hasValue("1");
		}
	}

	private Api on(int port) {
		return new Api("http://localhost:" + port, null).as(authorization()).expectingThrottling();
	}

	private String authorization() {
		return this.tenant.api.request("/").build().headers().firstValue("Authorization").orElseThrow();
	}

	/**
	 * Another vetbill node on the database of the tests, with the test's clock.
	 * @param arguments more settings
	 * @return the running node
	 */
	private ConfigurableApplicationContext node(String... arguments) {
		Environment environment = this.context.getEnvironment();
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--vetbill.database.url=" + environment.getProperty("vetbill.database.url"),
						"--vetbill.database.user=" + environment.getProperty("vetbill.database.user"),
						"--vetbill.database.password=" + environment.getProperty("vetbill.database.password", ""),
						"--spring.datasource.hikari.maximum-pool-size=5", "--spring.flyway.enabled=false"));
		args.addAll(List.of(arguments));
		Clock clock = this.clock;
		return new SpringApplicationBuilder(VetbillApplication.class)
			.initializers((GenericApplicationContext context) -> context.registerBean("testClock", Clock.class,
					() -> clock, (definition) -> definition.setPrimary(true)))
			.run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static void assumeRedis() {
		RedisClient client = RedisClient.create(REDIS_URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().ping();
		}
		catch (RuntimeException ex) {
			Assumptions.abort("Redis is not reachable at " + REDIS_URL
					+ " (set VETBILL_TEST_REDIS_URL to one): the Redis store is not tested. " + ex.getMessage());
		}
		finally {
			client.shutdown();
		}
	}

}
