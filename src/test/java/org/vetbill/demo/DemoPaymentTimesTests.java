package org.vetbill.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's payments are dated in the afternoon of their day, but never ahead of the
 * clock: a demo created in the morning (in Helsinki, until noon: from 22:00 UTC the day
 * before) would otherwise pay its invoices of the day in the future, which the payment
 * rules refuse, and the demo would not load.
 */
class DemoPaymentTimesTests {

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@Test
	void aPaymentOfAnEarlierDayIsMadeInItsAfternoon() {
		Instant now = Instant.parse("2026-12-07T22:35:00Z");
		assertThat(DemoData.paidAt(LocalDate.parse("2026-12-05"), 14, HELSINKI, now))
			.isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
	}

	@Test
	void aPaymentOfTodayMadeBeforeItsAfternoonIsMadeNow() {
		// 00:35 on 8 December in Helsinki
		Instant now = Instant.parse("2026-12-07T22:35:00Z");
		assertThat(DemoData.paidAt(LocalDate.parse("2026-12-08"), 12, HELSINKI, now)).isEqualTo(now);
	}

}
