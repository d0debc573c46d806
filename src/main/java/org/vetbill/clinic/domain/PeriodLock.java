package org.vetbill.clinic.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.RuleViolation;

/**
 * A department's financial period lock. No finalization, payment, cancellation, credit
 * note or prepayment may carry a date before the effective lock date.
 * <p>
 * With the automatic lock on, on day {@code monthday} of each month the lock moves to the
 * first day of that month, closing the previous month; in a month shorter than
 * {@code monthday} it moves on the month's last day. A lock never moves backwards: a
 * manually set date later than the automatic one stays in force.
 *
 * @param lockDate the stored lock date, or null
 * @param automatic whether the lock advances automatically
 * @param monthday the day of the month on which it advances (1 to 31), when automatic
 */
public record PeriodLock(@Nullable LocalDate lockDate, boolean automatic, @Nullable Integer monthday) {

	public static final PeriodLock NONE = new PeriodLock(null, false, null);

	/**
	 * The lock date in force on a given day.
	 * @param today the current date in the organization's time zone
	 * @return the earliest date allowed for new financial documents, or null when there
	 * is no lock
	 */
	public @Nullable LocalDate effectiveDate(LocalDate today) {
		if (!this.automatic || this.monthday == null) {
			return this.lockDate;
		}
		int advanceDay = Math.min(this.monthday, today.lengthOfMonth());
		LocalDate firstOfMonth = today.withDayOfMonth(1);
		LocalDate automaticDate = (today.getDayOfMonth() >= advanceDay) ? firstOfMonth : firstOfMonth.minusMonths(1);
		return (this.lockDate != null && this.lockDate.isAfter(automaticDate)) ? this.lockDate : automaticDate;
	}

	/**
	 * Refuses a date inside the locked period.
	 * @param date the date of the financial document
	 * @param field the request field that carries the date, named in the error
	 * @param today the current date in the organization's time zone
	 * @throws RuleViolation {@code period_locked} naming the field, with the {@code date}
	 * and the {@code lockDate}
	 */
	public void check(LocalDate date, String field, LocalDate today) {
		LocalDate effective = effectiveDate(today);
		if (effective != null && date.isBefore(effective)) {
			throw new RuleViolation("period_locked", field, Facts.of("date", date, "lockDate", effective));
		}
	}

}
