package org.vetbill.shared.events;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link ChangeEvents} the use cases are given: it passes every announcement on to
 * every other {@link ChangeEvents} bean (the webhooks' outbox, the metrics), so the core
 * announces once and never knows who listens.
 */
@Component
@Primary
class ChangeEventsBroadcast implements ChangeEvents {

	private final ObjectProvider<ChangeEvents> all;

	private volatile @Nullable List<ChangeEvents> listeners;

	ChangeEventsBroadcast(ObjectProvider<ChangeEvents> all) {
		this.all = all;
	}

	@Override
	public void changed(Caller caller, List<Change> changes) {
		listeners().forEach((listener) -> listener.changed(caller, changes));
	}

	@Override
	public void moneyMoved(Caller caller, MoneyEvent event) {
		listeners().forEach((listener) -> listener.moneyMoved(caller, event));
	}

	private List<ChangeEvents> listeners() {
		List<ChangeEvents> found = this.listeners;
		if (found == null) {
			found = this.all.orderedStream().filter((listener) -> listener != this).toList();
			this.listeners = found;
		}
		return found;
	}

}
