package org.vetbill.webhooks;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When a failed delivery is tried again: {@code base} after the first failure, doubling
 * after each further one up to {@code max}, and never again after {@code maxAttempts}
 * attempts.
 *
 * @param base the wait after the first failed attempt
 * @param max the longest wait
 * @param maxAttempts the number of attempts before giving up
 */
record RetryPolicy(Duration base, Duration max, int maxAttempts) {

	/**
	 * The wait after a failed attempt.
	 * @param attempt the attempt that failed, from 1
	 * @return base × 2^(attempt − 1), at most max
	 */
	Duration delay(int attempt) {
		int doublings = attempt - 1;
		if (doublings >= 62 || this.base.toMillis() > (this.max.toMillis() >> doublings)) {
			return this.max;
		}
		return this.base.multipliedBy(1L << doublings);
	}

	/**
	 * When to try again after a failed attempt.
	 * @param attempt the attempt that failed, from 1
	 * @param failedAt when it failed
	 * @return the next try, or null when this was the last attempt
	 */
	@Nullable Instant nextTry(int attempt, Instant failedAt) {
		return (attempt >= this.maxAttempts) ? null : failedAt.plus(delay(attempt));
	}

}
