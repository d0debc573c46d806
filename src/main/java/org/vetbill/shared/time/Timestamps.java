package org.vetbill.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the database keeps them (microseconds), so a value written and read back
 * is the same value on H2 and PostgreSQL.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
