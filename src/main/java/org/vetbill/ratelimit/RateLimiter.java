package org.vetbill.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The token buckets of the rate limits, in one of the stores. A bucket of {@code limit}
 * tokens starts full and refills greedily, {@code limit} tokens per {@link #WINDOW}
 * spread evenly over it; a request takes its weight in tokens or is refused without
 * waiting.
 */
interface RateLimiter extends AutoCloseable {

	/** The period the published limits count requests in. */
	Duration WINDOW = Duration.ofSeconds(60);

	/**
	 * Takes a request's weight from a bucket if it holds that many tokens.
	 * @param key the bucket: caller, API, action and limit
	 * @param limit the bucket's capacity and its refill per {@link #WINDOW}
	 * @param weight the tokens the request takes, 1 to {@code limit}
	 * @return whether it was taken, and if not, how long until it could be
	 */
	ConsumptionProbe tryConsume(String key, int limit, long weight);

	@Override
	default void close() {
	}

	/**
	 * The bucket of a limit: capacity {@code limit}, refilled greedily by {@code limit}
	 * per minute.
	 * @param limit requests per minute
	 * @return the bucket's configuration
	 */
	static BucketConfiguration configuration(int limit) {
		return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
	}

	static Bandwidth bandwidth(int limit) {
		return Bandwidth.builder().capacity(limit).refillGreedy(limit, WINDOW).build();
	}

}
