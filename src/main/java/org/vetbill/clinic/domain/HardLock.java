package org.vetbill.clinic.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;

/**
 * An organization's hard lock date, beside the departments' period locks: the books
 * before it are closed for good. No finalization, payment, cancellation, credit note,
 * prepayment, refund, payout, write-off or voiding may be dated before it, not even by a
 * settings user, and unlike a period lock it is never moved back, never cleared and never
 * worked around (a date before it is refused, not moved).
 *
 * @param date the hard lock date, or null while the organization has none
 */
public record HardLock(@Nullable LocalDate date) {

	public static final HardLock NONE = new HardLock(null);

	/**
	 * Refuses a date before the hard lock.
	 * @param documentDate the date of the document or money movement
	 * @param field the input that carries it, named in the error
	 * @throws RuleViolation {@code hard_locked} naming the field, with the {@code date}
	 * and the {@code hardLockDate}
	 */
	public void check(LocalDate documentDate, String field) {
		if (this.date != null && documentDate.isBefore(this.date)) {
			throw new RuleViolation("hard_locked", field, Facts.of("date", documentDate, "hardLockDate", this.date));
		}
	}

	/**
	 * The lock moved to a new date.
	 * @param to the new date
	 * @param today today in the organization's time zone
	 * @param field the input that carries it
	 * @return the moved lock
	 * @throws InvalidInput {@code hard_lock_backwards} when it is before the current
	 * date, {@code hard_lock_ahead} when it is after today
	 */
	public HardLock movedTo(LocalDate to, LocalDate today, String field) {
		if (this.date != null && to.isBefore(this.date)) {
			throw InvalidInput.of(field, "hard_lock_backwards", "hardLockDate", this.date, "requested", to);
		}
		if (to.isAfter(today)) {
			throw InvalidInput.of(field, "hard_lock_ahead", "requested", to, "today", today);
		}
		return new HardLock(to);
	}

}
