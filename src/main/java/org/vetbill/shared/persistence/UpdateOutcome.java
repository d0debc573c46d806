package org.vetbill.shared.persistence;

import java.util.function.Supplier;

/**
 * What an update of a versioned row did. A change that would leave every column as it is
 * writes nothing: the row keeps its modification time and version, and the use case
 * records no audit event and announces no change ("no change, no trace").
 */
public enum UpdateOutcome {

	/** The row was changed and moved to its next version. */
	CHANGED,

	/**
	 * The row is at the expected version and already holds the values: nothing was
	 * written.
	 */
	UNCHANGED,

	/** The row does not exist or is at another version: nothing was written. */
	STALE;

	/**
	 * Whether the row was changed.
	 * @return true for {@link #CHANGED}
	 */
	public boolean changed() {
		return this == CHANGED;
	}

	/**
	 * Whether the row was changed, refusing a stale change.
	 * @param stale the error for a row that does not exist or has another version
	 * @return true for {@link #CHANGED}, false for {@link #UNCHANGED}
	 */
	public boolean changedElse(Supplier<? extends RuntimeException> stale) {
		if (this == STALE) {
			throw stale.get();
		}
		return changed();
	}

}
