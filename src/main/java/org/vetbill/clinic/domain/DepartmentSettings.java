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

	public PeriodLock periodLock() {
		return new PeriodLock(this.financialPeriodLockDate, this.automaticFinancialPeriodLockEnabled,
				this.automaticFinancialPeriodLockMonthday);
	}

}
