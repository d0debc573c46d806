package org.vetbill.shared.events;

import java.util.List;

import org.vetbill.shared.Caller;

/**
 * Where use cases announce what they changed. Called inside the transaction of the
 * change, once per use case with everything it changed, so what is announced is committed
 * or rolled back with the change itself (an outbox). Every listener (the webhooks'
 * outbox, the metrics) hears every announcement through {@link ChangeEventsBroadcast}.
 */
public interface ChangeEvents {

	/**
	 * Announces the records a use case created or changed.
	 * @param caller who made the change, in which organization
	 * @param changes the records, in the order they changed
	 */
	void changed(Caller caller, List<Change> changes);

	/**
	 * Announces the records a use case created or changed.
	 * @param caller who made the change, in which organization
	 * @param changes the records, in the order they changed
	 */
	default void changed(Caller caller, Change... changes) {
		changed(caller, List.of(changes));
	}

	/**
	 * Announces a movement of money a use case made, beside the records it changed. Only
	 * those who count money listen; the others ignore it.
	 * @param caller who made the change, in which organization
	 * @param event what moved
	 */
	default void moneyMoved(Caller caller, MoneyEvent event) {
	}

}
