package org.vetbill.support;

import java.util.concurrent.atomic.AtomicLong;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Counts the SQL statements the application runs, for tests that a read costs a fixed
 * number of them. Integration tests run one at a time, so the statements counted while a
 * test waits for a request are that request's; those of the webhook dispatcher, which
 * polls in the background on threads named {@code webhook-...}, are not counted.
 */
public final class QueryCounter implements ExecuteListener {

	private final AtomicLong count = new AtomicLong();

	@Override
	public void executeStart(ExecuteContext context) {
		if (Thread.currentThread().getName().startsWith("webhook-")) {
			return;
		}
		this.count.incrementAndGet();
	}

	/**
	 * How many statements ran while an action ran.
	 * @param action the action, such as a request
	 * @return the number of statements
	 */
	public long during(Runnable action) {
		long before = this.count.get();
		action.run();
		return this.count.get() - before;
	}

}
