package org.vetbill.documents.sending;

import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's sending worker: a background thread ({@code invoice-sending}) that looks
 * for due sendings every {@code vetbill.sending.poll-interval}, or at once when a sending
 * committed here woke it, and sends what it claims one after the other (invoices are few
 * next to webhooks, and one mail connection at a time is kind to the mail server). When
 * nothing is due a poll is one indexed query.
 */
@Component
class SendingWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SendingWorker.class);

	/**
	 * Sendings claimed per poll: each poll takes what it claimed before looking again.
	 */
	static final int BATCH = 10;

	private final Sender sender;

	private final SendingProperties properties;

	private final String node = "node-" + UUID.randomUUID();

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	SendingWorker(Sender sender, SendingProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/**
	 * Makes the worker look at the queue now rather than at its next poll.
	 */
	void wakeUp() {
		Thread current = this.thread;
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

	@Override
	public void start() {
		if (!this.properties.workerEnabled() || this.running) {
			return;
		}
		this.running = true;
		this.thread = Thread.ofPlatform().name("invoice-sending").daemon().start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			LockSupport.unpark(current);
			try {
				// an attempt still running when this ends is made again, by another
				// node or by this one after a restart, once its lease runs out
				current.join(this.properties.pollInterval().toMillis() + 10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				while (this.running && this.sender.sendDue(this.node, BATCH) == BATCH) {
					// a full batch: more may be due
				}
			}
			catch (RuntimeException ex) {
				log.warn("Sending worker could not read the queue; trying again in {}", this.properties.pollInterval(),
						ex);
			}
			LockSupport.parkNanos(this.properties.pollInterval().toNanos());
		}
	}

}
