package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.HardLock;
import org.vetbill.clinic.domain.OrganizationSettings;

/**
 * An organization: the tenant, known to clients by its public {@code provetId}.
 *
 * @param id internal id
 * @param uuid stable UUID
 * @param provetId the tenant's public id (digits)
 * @param settings its settings
 * @param created when it was created
 * @param modified when it last changed
 * @param version optimistic-locking version
 * @param hardLockDate the hard lock date (nothing may be dated before it), or null
 */
public record Organization(long id, UUID uuid, String provetId, @JsonUnwrapped OrganizationSettings settings,
		Instant created, Instant modified, int version, @Nullable LocalDate hardLockDate) {

	/**
	 * The organization's hard lock.
	 * @return the lock, {@link HardLock#NONE} when it has no date
	 */
	@JsonIgnore
	public HardLock hardLock() {
		return new HardLock(this.hardLockDate);
	}

	@JsonIgnore
	public Currency currency() {
		return Currency.getInstance(this.settings.currency());
	}

	@JsonIgnore
	public ZoneId zone() {
		return ZoneId.of(this.settings.timeZone());
	}

	/**
	 * The current date where the organization is.
	 * @param clock the clock
	 * @return today in the organization's time zone
	 */
	public LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(zone()));
	}

}
