package org.vetbill.clinic.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PeriodLockTests {

	private static LocalDate date(String value) {
		return LocalDate.parse(value);
	}

	@Test
	void withoutALockEveryDateIsAllowed() {
		assertThat(PeriodLock.NONE.effectiveDate(date("2026-11-21"))).isNull();
		assertThatNoException()
			.isThrownBy(() -> PeriodLock.NONE.check(date("1999-01-01"), "invoice_date", date("2026-11-21")));
	}

	@Test
	void aManualLockRefusesEarlierDatesNamingTheFieldAndTheLock() {
		PeriodLock lock = new PeriodLock(date("2026-10-01"), false, null);
		assertThatNoException().isThrownBy(() -> lock.check(date("2026-10-01"), "invoice_date", date("2026-11-21")));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> lock.check(date("2026-09-30"), "invoice_date", date("2026-11-21")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("period_locked");
				assertThat(ex.field()).isEqualTo("invoice_date");
				assertThat(ex.facts()).containsEntry("date", date("2026-09-30"))
					.containsEntry("lockDate", date("2026-10-01"));
			});
	}

	@Test
	void theAutomaticLockMovesToTheFirstOfTheMonthOnItsMonthday() {
		PeriodLock lock = new PeriodLock(null, true, 5);
		assertThat(lock.effectiveDate(date("2026-03-04"))).isEqualTo(date("2026-02-01"));
		assertThat(lock.effectiveDate(date("2026-03-05"))).isEqualTo(date("2026-03-01"));
		assertThat(lock.effectiveDate(date("2026-03-31"))).isEqualTo(date("2026-03-01"));
		assertThat(lock.effectiveDate(date("2026-04-01"))).isEqualTo(date("2026-03-01"));
	}

	@Test
	void theAutomaticLockCrossesTheYearEnd() {
		PeriodLock lock = new PeriodLock(null, true, 10);
		assertThat(lock.effectiveDate(date("2027-01-09"))).isEqualTo(date("2026-12-01"));
		assertThat(lock.effectiveDate(date("2027-01-10"))).isEqualTo(date("2027-01-01"));
	}

	@Test
	void aMonthdayBeyondAShortMonthMovesTheLockOnItsLastDay() {
		PeriodLock day31 = new PeriodLock(null, true, 31);
		assertThat(day31.effectiveDate(date("2027-02-27"))).isEqualTo(date("2027-01-01"));
		assertThat(day31.effectiveDate(date("2027-02-28"))).isEqualTo(date("2027-02-01"));
		assertThat(day31.effectiveDate(date("2027-04-30"))).isEqualTo(date("2027-04-01"));
		assertThat(day31.effectiveDate(date("2027-05-30"))).isEqualTo(date("2027-04-01"));
		assertThat(day31.effectiveDate(date("2027-05-31"))).isEqualTo(date("2027-05-01"));
		PeriodLock day30 = new PeriodLock(null, true, 30);
		assertThat(day30.effectiveDate(date("2028-02-28"))).isEqualTo(date("2028-01-01"));
		assertThat(day30.effectiveDate(date("2028-02-29"))).isEqualTo(date("2028-02-01"));
		PeriodLock day29 = new PeriodLock(null, true, 29);
		assertThat(day29.effectiveDate(date("2027-02-28"))).isEqualTo(date("2027-02-01"));
		assertThat(day29.effectiveDate(date("2028-02-28"))).isEqualTo(date("2028-01-01"));
	}

	@Test
	void aLaterManualDateStaysInForceWhileTheAutomaticLockIsOn() {
		PeriodLock lock = new PeriodLock(date("2026-06-01"), true, 5);
		assertThat(lock.effectiveDate(date("2026-03-10"))).isEqualTo(date("2026-06-01"));
		assertThat(lock.effectiveDate(date("2026-07-10"))).isEqualTo(date("2026-07-01"));
	}

	@Test
	void anAutomaticLockWithoutMonthdayActsAsAManualOne() {
		assertThat(new PeriodLock(date("2026-01-01"), true, null).effectiveDate(date("2026-11-21")))
			.isEqualTo(date("2026-01-01"));
	}

}
