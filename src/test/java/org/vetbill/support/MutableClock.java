package org.vetbill.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the tests can set and move. It follows the system clock until a test pins it,
 * and goes back to following it when the test resets it.
 */
public final class MutableClock extends Clock {

	private volatile Instant pinned;

	public void set(Instant instant) {
		this.pinned = instant;
	}

	public void set(String instant) {
		set(Instant.parse(instant));
	}

	public void advance(Duration duration) {
		set(instant().plus(duration));
	}

	public void reset() {
		this.pinned = null;
	}

	@Override
	public Instant instant() {
		Instant value = this.pinned;
		return (value != null) ? value : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock self = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

		};
	}

}
