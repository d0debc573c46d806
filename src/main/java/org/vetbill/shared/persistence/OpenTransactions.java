package org.vetbill.shared.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The transactions this node's transaction manager has begun and not yet ended, from the
 * moment Spring begins one (before its first statement reaches the database).
 */
@Component
class OpenTransactions implements TransactionExecutionListener {

	private final Map<TransactionExecution, Long> open = new ConcurrentHashMap<>();

	/**
	 * How long ago the oldest open transaction began.
	 * @return its age, zero when none is open
	 */
	Duration oldestAge() {
		long now = System.nanoTime();
		return Duration
			.ofNanos(Math.max(0, this.open.values().stream().mapToLong((begun) -> now - begun).max().orElse(0)));
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		if (beginFailure == null) {
			this.open.put(transaction, System.nanoTime());
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
		this.open.remove(transaction);
	}

	@Override
	public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
		this.open.remove(transaction);
	}

}
