package org.vetbill.documents.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a document writes numbers and dates in its language: in Finnish and Swedish
 * {@code 1 234,50} and {@code 4.12.2026} (the way both are written in Finland), in
 * English {@code 1,234.50} and {@code 4 Dec 2026}.
 * <p>
 * The patterns are spelled out here rather than taken from the JDK's locale data, whose
 * wording changes between releases (CLDR writes Finnish negatives with the Unicode minus
 * sign and Swedish dates as {@code 2026-12-04}); a printed invoice must not change with
 * the JDK it was rendered on. Negative numbers keep the ASCII hyphen-minus, which every
 * reader, search and copy-paste into a bank form understands. Groups are separated by a
 * no-break space, so an amount never breaks across lines.
 * <p>
 * Immutable and thread-safe: each call makes its own {@link DecimalFormat}.
 */
final class DocumentFormat {

	private static final char NO_BREAK_SPACE = '\u00a0';

	private final Locale language;

	private final boolean english;

	private final DateTimeFormatter dates;

	private DocumentFormat(Locale language) {
		this.language = language;
		this.english = !isNordic(language);
		this.dates = this.english ? DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
				: DateTimeFormatter.ofPattern("d.M.yyyy", language);
	}

	/**
	 * The format of a language: Finnish and Swedish as written in Finland, any other
	 * language as English.
	 * @param language the document's language
	 * @return its format
	 */
	static DocumentFormat of(Locale language) {
		return new DocumentFormat(language);
	}

	private static boolean isNordic(Locale language) {
		return language.getLanguage().equals("fi") || language.getLanguage().equals("sv");
	}

	/**
	 * The language the document's labels are read in: Finnish, Swedish or English.
	 * @return the language without a country
	 */
	Locale language() {
		return this.english ? Locale.ENGLISH : Locale.of(this.language.getLanguage());
	}

	/**
	 * An amount of money, with two decimals and grouped thousands.
	 * @param amount the amount, at any scale
	 * @return e.g. {@code 1 234,50} or {@code -27,50}
	 */
	String money(BigDecimal amount) {
		return decimal(2, 2).format(amount.setScale(2, RoundingMode.HALF_UP));
	}

	/**
	 * A quantity, with as many decimals as it needs (at most three).
	 * @param quantity the quantity
	 * @return e.g. {@code 2}, {@code 1,5} or {@code -2}
	 */
	String quantity(BigDecimal quantity) {
		return decimal(0, 3).format(quantity);
	}

	/**
	 * A percentage, with as many decimals as it needs, and the percent sign as the
	 * language writes it.
	 * @param percent the percentage
	 * @return e.g. {@code 25,5 %} or {@code 25.5%}
	 */
	String percent(BigDecimal percent) {
		String number = decimal(0, 2).format(percent);
		return this.english ? number + "%" : number + NO_BREAK_SPACE + "%";
	}

	/**
	 * A date.
	 * @param date the date, or null
	 * @return e.g. {@code 4.12.2026} or {@code 4 Dec 2026}; null when {@code date} is
	 */
	@Nullable String date(@Nullable LocalDate date) {
		return (date != null) ? this.dates.format(date) : null;
	}

	private DecimalFormat decimal(int minFractions, int maxFractions) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setDecimalSeparator(this.english ? '.' : ',');
		symbols.setGroupingSeparator(this.english ? ',' : NO_BREAK_SPACE);
		symbols.setMinusSign('-');
		DecimalFormat format = new DecimalFormat("#,##0", symbols);
		format.setMinimumFractionDigits(minFractions);
		format.setMaximumFractionDigits(maxFractions);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format;
	}

}
