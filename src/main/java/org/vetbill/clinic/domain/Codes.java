package org.vetbill.clinic.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks for the standard codes in master data: ISO country and currency codes, time
 * zones, VAT numbers.
 */
public final class Codes {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/**
	 * An EU VAT number: two letters (the country, EL for Greece, XI for Northern Ireland)
	 * and 2 to 13 letters or digits.
	 */
	private static final Pattern VAT_NUMBER = Pattern.compile("[A-Z]{2}[0-9A-Z]{2,13}");

	private Codes() {
	}

	public static boolean isCountry(@Nullable String code) {
		return code != null && COUNTRIES.contains(code);
	}

	public static boolean isCurrency(@Nullable String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	public static boolean isTimeZone(@Nullable String zone) {
		if (zone == null) {
			return false;
		}
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	public static boolean isVatNumber(@Nullable String vatNumber) {
		return vatNumber != null && VAT_NUMBER.matcher(vatNumber).matches();
	}

}
