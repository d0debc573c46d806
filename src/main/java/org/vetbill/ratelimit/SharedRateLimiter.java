package org.vetbill.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Buckets in a store that several nodes share, through a Bucket4j proxy manager: every
 * node on the same PostgreSQL database or the same Redis takes from the same buckets. A
 * bucket's state is kept only until it would have refilled completely (and a few seconds
 * more); PostgreSQL rows past that are deleted once a minute, Redis keys expire by
 * themselves.
 */
final class SharedRateLimiter implements RateLimiter {

	/** The table of the database store (Flyway: V6_1__rate_limit_buckets.sql). */
	static final String TABLE = "rate_limit_bucket";

	/** What every Redis key of the redis store starts with. */
	static final String REDIS_PREFIX = "vetbill:rate-limit:";

	private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

	private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

	private static final int CLEANUP_BATCH = 1000;

	private static final Log logger = LogFactory.getLog(SharedRateLimiter.class);

	private final ProxyManager<String> buckets;

	private final AutoCloseable resources;

	private SharedRateLimiter(ProxyManager<String> buckets, AutoCloseable resources) {
		this.buckets = buckets;
		this.resources = resources;
	}

	/**
	 * Buckets in PostgreSQL, one row each, taken with {@code SELECT ... FOR UPDATE} in a
	 * short transaction of their own (never inside the request's).
	 * @param dataSource the PostgreSQL database
	 * @param time the clock of the buckets
	 * @return the limiter; closing it stops the cleanup
	 */
	static SharedRateLimiter database(DataSource dataSource, TimeMeter time) {
		PostgreSQLSelectForUpdateBasedProxyManager<String> buckets = Bucket4jPostgreSQL
			.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
			.clientClock(time)
			.build();
		ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "rate-limit-cleanup");
			thread.setDaemon(true);
			return thread;
		});
		cleaner.scheduleWithFixedDelay(() -> removeExpired(buckets), 1, 1, TimeUnit.MINUTES);
		return new SharedRateLimiter(buckets, cleaner::shutdownNow);
	}

	/**
	 * Buckets in Redis, one key each, changed by compare-and-swap.
	 * @param url the Redis server, such as {@code redis://127.0.0.1:6379} (a database
	 * number may follow: {@code redis://host:6379/2})
	 * @param time the clock of the buckets
	 * @return the limiter; closing it closes the connection
	 */
	static SharedRateLimiter redis(String url, TimeMeter time) {
		RedisClient client = RedisClient.create(url);
		client.setOptions(ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(REDIS_TIMEOUT)).build());
		StatefulRedisConnection<String, byte[]> connection;
		try {
			connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		}
		catch (RuntimeException ex) {
			client.shutdown();
			throw new IllegalStateException("The rate limits' Redis store cannot reach " + url
					+ " (vetbill.rate-limit.redis-url): " + ex.getMessage(), ex);
		}
		ProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
			.clientClock(time)
			.build();
		return new SharedRateLimiter(buckets.withMapper((String key) -> REDIS_PREFIX + key), () -> {
			connection.close();
			client.shutdown();
		});
	}

	@Override
	public ConsumptionProbe tryConsume(String key, int limit, long weight) {
		return this.buckets.builder()
			.build(key, () -> RateLimiter.configuration(limit))
			.tryConsumeAndReturnRemaining(weight);
	}

	@Override
	public void close() {
		try {
			this.resources.close();
		}
		catch (Exception ex) {
			logger.warn("Closing the rate limits' store failed", ex);
		}
	}

	private static void removeExpired(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
		try {
			while (buckets.removeExpired(CLEANUP_BATCH) >= CLEANUP_BATCH) {
				// another batch
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Removing expired rate-limit buckets failed; trying again in a minute", ex);
		}
	}

}
