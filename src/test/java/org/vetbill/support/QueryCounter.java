package org.vetbill.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jspecify.annotations.Nullable;

/**
 * Counts the SQL statements the application runs, for tests that a read costs a fixed
 * number of them. Integration tests run one at a time, so the statements counted while a
 * test waits for a request are that request's; those of the webhook dispatcher, which
 * polls in the background on threads named {@code webhook-...}, are not counted.
 */
public final class QueryCounter implements ExecuteListener {

	private final AtomicLong count = new AtomicLong();

	private volatile @Nullable List<String> recording;

	@Override
	public void executeStart(ExecuteContext context) {
		if (Thread.currentThread().getName().startsWith("webhook-")) {
			return;
		}
		this.count.incrementAndGet();
		List<String> statements = this.recording;
		if (statements != null) {
			synchronized (statements) {
				statements.add(String.valueOf(context.sql()));
			}
		}
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

	/**
	 * The statements that ran while an action ran, in order.
	 * @param action the action, such as a request
	 * @return the SQL of each statement
	 */
	public List<String> statements(Runnable action) {
		List<String> statements = new ArrayList<>();
		this.recording = statements;
		try {
			action.run();
		}
		finally {
			this.recording = null;
		}
		synchronized (statements) {
			return List.copyOf(statements);
		}
	}

}
