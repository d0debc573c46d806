package org.vetbill.documents.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFormatTests {

	private static final DocumentFormat FINNISH = DocumentFormat.of(Locale.of("fi"));

	private static final DocumentFormat SWEDISH = DocumentFormat.of(Locale.of("sv", "FI"));

	private static final DocumentFormat ENGLISH = DocumentFormat.of(Locale.ENGLISH);

	@Test
	void finnishAndSwedishAmountsHaveADecimalCommaAndNoBreakSpacesBetweenThousands() {
		assertThat(FINNISH.money(new BigDecimal("1234.5"))).isEqualTo("1\u00a0234,50");
		assertThat(SWEDISH.money(new BigDecimal("-1234567.891"))).isEqualTo("-1\u00a0234\u00a0567,89");
		assertThat(FINNISH.money(new BigDecimal("0"))).isEqualTo("0,00");
	}

	@Test
	void englishAmountsHaveADecimalPointAndCommasBetweenThousands() {
		assertThat(ENGLISH.money(new BigDecimal("1234.5"))).isEqualTo("1,234.50");
		assertThat(ENGLISH.money(new BigDecimal("-27.5"))).isEqualTo("-27.50");
	}

	@Test
	void quantitiesAndPercentagesShowOnlyTheDecimalsTheyHave() {
		assertThat(FINNISH.quantity(new BigDecimal("2.000"))).isEqualTo("2");
		assertThat(FINNISH.quantity(new BigDecimal("1.500"))).isEqualTo("1,5");
		assertThat(ENGLISH.quantity(new BigDecimal("-0.125"))).isEqualTo("-0.125");
		assertThat(FINNISH.percent(new BigDecimal("25.5"))).isEqualTo("25,5\u00a0%");
		assertThat(ENGLISH.percent(new BigDecimal("25.50"))).isEqualTo("25.5%");
		assertThat(SWEDISH.percent(new BigDecimal("10"))).isEqualTo("10\u00a0%");
	}

	@Test
	void datesAreWrittenTheFinnishWayInFinnishAndSwedishAndSpelledOutInEnglish() {
		LocalDate date = LocalDate.of(2026, 12, 4);
		assertThat(FINNISH.date(date)).isEqualTo("4.12.2026");
		assertThat(SWEDISH.date(date)).isEqualTo("4.12.2026");
		assertThat(ENGLISH.date(date)).isEqualTo("4 Dec 2026");
		assertThat(FINNISH.date(null)).isNull();
	}

	@Test
	void anyOtherLanguageIsWrittenInEnglish() {
		DocumentFormat german = DocumentFormat.of(Locale.GERMAN);
		assertThat(german.language()).isEqualTo(Locale.ENGLISH);
		assertThat(german.money(new BigDecimal("1234.5"))).isEqualTo("1,234.50");
		assertThat(SWEDISH.language()).isEqualTo(Locale.of("sv"));
	}

	@Test
	void referencesArePrintedInTheirGroups() {
		assertThat(InvoiceViews.reference("202600428")).isEqualTo("2026 00428");
		assertThat(InvoiceViews.reference("868516259619897")).isEqualTo("86851 62596 19897");
		assertThat(InvoiceViews.reference("RF18539007547034")).isEqualTo("RF18 5390 0754 7034");
		assertThat(InvoiceViews.reference(null)).isNull();
	}

}
