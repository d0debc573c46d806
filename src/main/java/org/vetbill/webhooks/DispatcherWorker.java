package org.vetbill.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's webhook dispatcher: a background thread ({@code webhook-dispatcher}) that
 * polls the queue every {@code vetbill.webhooks.poll-interval}, or at once when a change
 * committed here queued a delivery or an attempt finished, and posts each claimed attempt
 * on a virtual thread of its own ({@code webhook-send-N}), at most
 * {@code vetbill.webhooks.max-in-flight} at a time. When nothing is due a poll is one
 * indexed query.
 */
@Component
class DispatcherWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatcherWorker.class);

	/** The prefix of the names of the threads that deliver webhooks. */
	static final String THREAD_PREFIX = "webhook-";

	/** How often ended deliveries past their retention are removed. */
	static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

	private final Dispatcher dispatcher;

	private final WebhookProperties properties;

	private final String node = "node-" + UUID.randomUUID();

	private final Semaphore slots;

	private volatile @Nullable ExecutorService senders;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	DispatcherWorker(Dispatcher dispatcher, WebhookProperties properties) {
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.slots = new Semaphore(properties.maxInFlight());
	}

	/**
	 * Makes the dispatcher look at the queue now rather than at its next poll.
	 */
	void wakeUp() {
		Thread current = this.thread;
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

	@Override
	public void start() {
		if (!this.properties.dispatcherEnabled() || this.running) {
			return;
		}
		this.running = true;
		this.senders = Executors
			.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX + "send-", 0).factory());
		this.thread = Thread.ofPlatform().name(THREAD_PREFIX + "dispatcher").daemon().start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			LockSupport.unpark(current);
			try {
				current.join(this.properties.timeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
		ExecutorService executor = this.senders;
		if (executor != null) {
			executor.shutdown();
			try {
				// attempts still running when this ends are posted again by another node,
				// or
				// by this one after a restart, once their lease runs out
				executor.awaitTermination(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.senders = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		Instant lastPrune = Instant.MIN;
		while (this.running) {
			try {
				Instant now = this.dispatcher.now();
				if (!now.isBefore(lastPrune.plus(PRUNE_INTERVAL))) {
					lastPrune = now;
					int pruned = this.dispatcher.prune(now);
					if (pruned > 0) {
						log.info("Removed {} ended webhook deliveries older than {} from the log", pruned,
								this.properties.retention());
					}
				}
				poll();
			}
			catch (RuntimeException ex) {
				log.warn("Webhook dispatcher could not read the queue; trying again in {}",
						this.properties.pollInterval(), ex);
			}
			LockSupport.parkNanos(this.properties.pollInterval().toNanos());
		}
	}

	private void poll() {
		ExecutorService executor = this.senders;
		int free = this.slots.availablePermits();
		if (executor == null || free == 0) {
			return;
		}
		List<Dispatcher.Claim> claims = this.dispatcher.claim(this.node, free, this.dispatcher.now());
		for (Dispatcher.Claim claim : claims) {
			this.slots.acquireUninterruptibly();
			executor.execute(() -> {
				try {
					this.dispatcher.deliver(claim, this.node);
				}
				catch (RuntimeException ex) {
					log.warn("Webhook delivery {} attempt {} could not be recorded; it is tried again when its "
							+ "lease runs out", claim.id(), claim.attempt(), ex);
				}
				finally {
					this.slots.release();
					// the next delivery of the same object may be due now
					wakeUp();
				}
			});
		}
	}

}
