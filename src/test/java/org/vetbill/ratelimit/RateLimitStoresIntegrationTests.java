package org.vetbill.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Two limiters on one shared store, as two vetbill nodes would have, share one budget:
 * PostgreSQL (on the PostgreSQL run) and Redis ({@code VETBILL_TEST_REDIS_URL}, by
 * default {@code redis://127.0.0.1:6379}; skipped, saying so, when no Redis answers
 * there).
 */
class RateLimitStoresIntegrationTests extends IntegrationTest {

	private static final int LIMIT = 60;

	@Autowired
	private DataSource dataSource;

	private ClockTimeMeter time;

	@BeforeEach
	void pinTheClock() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.time = new ClockTimeMeter(this.clock);
	}

	@Test
	void twoNodesOnOnePostgresqlDatabaseShareOneBudget() throws Exception {
		assumeThat(TestDatabase.isPostgres()).as("the database store needs PostgreSQL; this run is on H2").isTrue();
		try (SharedRateLimiter one = SharedRateLimiter.database(this.dataSource, this.time);
				SharedRateLimiter two = SharedRateLimiter.database(this.dataSource, this.time)) {
			assertOneBudget(one, two);
		}
	}

	@Test
	void twoNodesOnOneRedisShareOneBudget() throws Exception {
		String url = System.getenv().getOrDefault("VETBILL_TEST_REDIS_URL", "redis://127.0.0.1:6379");
		SharedRateLimiter one;
		try {
			one = SharedRateLimiter.redis(url, this.time);
		}
		catch (IllegalStateException ex) {
			Assumptions.abort("Redis is not reachable at " + url
					+ " (set VETBILL_TEST_REDIS_URL to one): the Redis store is not tested. " + ex.getMessage());
			return;
		}
		try (one; SharedRateLimiter two = SharedRateLimiter.redis(url, this.time)) {
			assertOneBudget(one, two);
		}
	}

	@Test
	void memoryBucketsAreEachNodesOwn() {
		try (MemoryRateLimiter one = new MemoryRateLimiter(this.time, 10);
				MemoryRateLimiter two = new MemoryRateLimiter(this.time, 10)) {
			String key = key();
			for (int i = 0; i < LIMIT; i++) {
				assertThat(one.tryConsume(key, LIMIT, 1).isConsumed()).isTrue();
			}
			assertThat(one.tryConsume(key, LIMIT, 1).isConsumed()).isFalse();
			assertThat(two.tryConsume(key, LIMIT, 1).isConsumed()).isTrue();
		}
	}

	private void assertOneBudget(RateLimiter one, RateLimiter two) throws Exception {
		// taken in turns
		String key = key();
		for (int i = 0; i < LIMIT; i++) {
			RateLimiter node = (i % 2 == 0) ? one : two;
			assertThat(node.tryConsume(key, LIMIT, 1).isConsumed()).as("request %d", i + 1).isTrue();
		}
		for (RateLimiter node : List.of(one, two)) {
			ConsumptionProbe refused = node.tryConsume(key, LIMIT, 1);
			assertThat(refused.isConsumed()).isFalse();
			assertThat(RateLimitFilter.retryAfterSeconds(refused.getNanosToWaitForRefill())).isEqualTo(1);
		}
		// a second later, one request more, on whichever node
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(two.tryConsume(key, LIMIT, 1).isConsumed()).isTrue();
		assertThat(one.tryConsume(key, LIMIT, 1).isConsumed()).isFalse();

		// a hundred at once, half on each node: exactly sixty pass
		String racing = key();
		List<Future<Boolean>> answers = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(20)) {
			for (int i = 0; i < 100; i++) {
				RateLimiter node = (i % 2 == 0) ? one : two;
				answers.add(executor.submit(() -> node.tryConsume(racing, LIMIT, 1).isConsumed()));
			}
		}
		int passed = 0;
		for (Future<Boolean> answer : answers) {
			passed += answer.get() ? 1 : 0;
		}
		assertThat(passed).isEqualTo(LIMIT);

		// a weight of ten takes ten
		String weighed = key();
		for (int i = 0; i < 6; i++) {
			assertThat(((i % 2 == 0) ? one : two).tryConsume(weighed, LIMIT, 10).isConsumed()).isTrue();
		}
		ConsumptionProbe refused = one.tryConsume(weighed, LIMIT, 10);
		assertThat(refused.isConsumed()).isFalse();
		assertThat(RateLimitFilter.retryAfterSeconds(refused.getNanosToWaitForRefill())).isEqualTo(10);
	}

	private static String key() {
		return "test|" + UUID.randomUUID() + "|cloud|GET /invoice/|" + LIMIT;
	}

}
