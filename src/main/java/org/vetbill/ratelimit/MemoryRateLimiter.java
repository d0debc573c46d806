package org.vetbill.ratelimit;

import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Buckets in this node's memory, for one node (and the embedded database). A bucket left
 * alone for a whole {@link RateLimiter#WINDOW} has refilled completely, so it carries no
 * information any more and is dropped: memory holds only the buckets used in the last
 * minute, and never more than {@code maximumBuckets}.
 */
final class MemoryRateLimiter implements RateLimiter {

	private final Cache<String, Bucket> buckets;

	private final TimeMeter time;

	MemoryRateLimiter(TimeMeter time, long maximumBuckets) {
		this(time, maximumBuckets, Ticker.systemTicker());
	}

	MemoryRateLimiter(TimeMeter time, long maximumBuckets, Ticker ticker) {
		this.time = time;
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(WINDOW)
			.maximumSize(maximumBuckets)
			.ticker(ticker)
			.build();
	}

	@Override
	public ConsumptionProbe tryConsume(String key, int limit, long weight) {
		Bucket bucket = Objects.requireNonNull(this.buckets.get(key,
				(ignored) -> Bucket.builder()
					.addLimit(RateLimiter.bandwidth(limit))
					.withCustomTimePrecision(this.time)
					.build()));
		return bucket.tryConsumeAndReturnRemaining(weight);
	}

	/**
	 * The number of buckets held now, for the tests.
	 * @return the estimated count
	 */
	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

}
