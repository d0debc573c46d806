package org.vetbill.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code vetbill.webhooks.*}).
 *
 * @param dispatcherEnabled whether this node delivers webhooks (every node may: they
 * share the queue without sending one attempt twice)
 * @param pollInterval how often the dispatcher looks for deliveries that are due (a
 * change committed on this node wakes it at once)
 * @param timeout how long one attempt may take, connecting included
 * @param lease how long an attempt is reserved for the node that claimed it; a node that
 * dies leaves it to others after this (longer than the timeout)
 * @param retryBase the wait after the first failed attempt; it doubles after each further
 * failure
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts attempts before a delivery is given up (failed)
 * @param maxInFlight attempts one node runs at the same time
 * @param secretOverlap how long the previous secret still signs after a rotation
 * @param retention how long delivered and given-up deliveries stay in the delivery log
 * after their last attempt; pending ones stay until they end
 */
@ConfigurationProperties("vetbill.webhooks")
record WebhookProperties(@DefaultValue("true") boolean dispatcherEnabled, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("10s") Duration timeout, @DefaultValue("60s") Duration lease,
		@DefaultValue("30s") Duration retryBase, @DefaultValue("1h") Duration retryMax,
		@DefaultValue("10") int maxAttempts, @DefaultValue("32") int maxInFlight,
		@DefaultValue("24h") Duration secretOverlap, @DefaultValue("30d") Duration retention) {

	WebhookProperties {
		if (lease.compareTo(timeout) <= 0) {
			throw new IllegalArgumentException("vetbill.webhooks.lease (" + lease
					+ ") must be longer than vetbill.webhooks.timeout (" + timeout + ")");
		}
		if (maxAttempts < 1 || maxInFlight < 1) {
			throw new IllegalArgumentException("vetbill.webhooks.max-attempts and max-in-flight must be at least 1");
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("vetbill.webhooks.retention must be positive");
		}
		if (pollInterval.isNegative() || pollInterval.isZero() || retryBase.isNegative() || retryBase.isZero()
				|| retryMax.compareTo(retryBase) < 0) {
			throw new IllegalArgumentException(
					"vetbill.webhooks.poll-interval and retry-base must be positive and retry-max at least retry-base");
		}
	}

	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.retryBase, this.retryMax, this.maxAttempts);
	}

}
