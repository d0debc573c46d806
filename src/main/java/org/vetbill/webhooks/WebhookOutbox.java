package org.vetbill.webhooks;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vetbill.shared.Caller;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.time.Timestamps;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox: queues a delivery for every active webhook that subscribes to a change, in
 * the transaction of the change, with one {@code INSERT ... SELECT} whatever the number
 * of changes and webhooks (nothing is written when nobody subscribed). A rolled-back
 * change queues nothing. Once the change is committed, this node's dispatcher is woken so
 * the delivery goes out at once.
 */
@Component
class WebhookOutbox implements ChangeEvents {

	private final DeliveryStore deliveries;

	private final Clock clock;

	private final DispatcherWorker worker;

	WebhookOutbox(DeliveryStore deliveries, Clock clock, DispatcherWorker worker) {
		this.deliveries = deliveries;
		this.clock = clock;
		this.worker = worker;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(Caller caller, Change... changes) {
		changed(caller, List.of(changes));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(Caller caller, List<Change> changes) {
		Set<Change> distinct = new LinkedHashSet<>(changes);
		if (distinct.isEmpty()) {
			return;
		}
		List<DeliveryStore.Event> events = distinct.stream().map((change) -> {
			Trigger trigger = Trigger.of(change.kind());
			return new DeliveryStore.Event(trigger.code(), change.departmentId(), trigger.objectType(), change.id());
		}).toList();
		int queued = this.deliveries.enqueue(caller.organizationId(), caller.actor(), events,
				Timestamps.now(this.clock));
		if (queued > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					WebhookOutbox.this.worker.wakeUp();
				}

			});
		}
	}

}
