package org.vetbill.clinic.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * A department's financial settings.
 *
 * @param financialPeriodLockDate earliest date allowed for new financial documents, or
 * null
 * @param automaticFinancialPeriodLockEnabled whether the lock advances every month by
 * itself
 * @param automaticFinancialPeriodLockMonthday the day of the month on which it advances
 * @param paymentCancelSetDate whether a payment cancellation keeps the date its request
 * gives (otherwise the cancellation is dated today)
 */
public record DepartmentSettings(@Nullable LocalDate financialPeriodLockDate,
		boolean automaticFinancialPeriodLockEnabled,
		@Nullable @Min(1) @Max(31) Integer automaticFinancialPeriodLockMonthday, boolean paymentCancelSetDate) {

	public static final DepartmentSettings DEFAULTS = new DepartmentSettings(null, false, null, false);

	/**
	 * The settings in force on a day: with the automatic lock on, the lock date it has
	 * advanced to.
	 * @param today the current date in the organization's time zone
	 * @return the settings with the lock date in force
	 */
	public DepartmentSettings inForce(LocalDate today) {
		return new DepartmentSettings(periodLock().effectiveDate(today), this.automaticFinancialPeriodLockEnabled,
				this.automaticFinancialPeriodLockMonthday, this.paymentCancelSetDate);
	}

	public PeriodLock periodLock() {
		return new PeriodLock(this.financialPeriodLockDate, this.automaticFinancialPeriodLockEnabled,
				this.automaticFinancialPeriodLockMonthday);
	}

}
