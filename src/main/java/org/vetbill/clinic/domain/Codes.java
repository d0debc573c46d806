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

	/** A BIC: bank, country, location and an optional branch. */
	private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

	/** An IBAN: country, check digits and up to 30 letters or digits. */
	private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

	/** A Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit. */
	private static final Pattern BUSINESS_ID = Pattern.compile("[0-9]{7}-[0-9]");

	private static final int[] BUSINESS_ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2 };

	/** The languages vetbill writes invoices and their emails in. */
	private static final Set<String> DOCUMENT_LANGUAGES = Set.of("fi", "sv", "en");

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

	/**
	 * Whether a text is an IBAN whose check digits are right (ISO 13616: the country and
	 * check digits moved to the end, letters as numbers, modulo 97 is 1).
	 * @param iban the IBAN, compact and in capitals
	 * @return whether it is one
	 */
	public static boolean isIban(@Nullable String iban) {
		if (iban == null || !IBAN.matcher(iban).matches()) {
			return false;
		}
		String moved = iban.substring(4) + iban.substring(0, 4);
		int remainder = 0;
		for (char c : moved.toCharArray()) {
			int value = Character.digit(c, 36);
			remainder = (value < 10) ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
		}
		return remainder == 1;
	}

	public static boolean isBic(@Nullable String bic) {
		return bic != null && BIC.matcher(bic).matches();
	}

	/**
	 * Whether a text is a Finnish business id with the right check digit (weights 7, 9,
	 * 10, 5, 8, 4, 2; 11 less the remainder of 11, 0 when the remainder is 0, never 1).
	 * @param businessId the business id, {@code 1234567-1}
	 * @return whether it is one
	 */
	public static boolean isFinnishBusinessId(@Nullable String businessId) {
		if (businessId == null || !BUSINESS_ID.matcher(businessId).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < BUSINESS_ID_WEIGHTS.length; i++) {
			sum += (businessId.charAt(i) - '0') * BUSINESS_ID_WEIGHTS[i];
		}
		int remainder = sum % 11;
		if (remainder == 1) {
			return false;
		}
		int check = (remainder == 0) ? 0 : 11 - remainder;
		return businessId.charAt(8) - '0' == check;
	}

	/**
	 * Whether vetbill writes documents in a language.
	 * @param language an ISO 639-1 code
	 * @return whether it is {@code fi}, {@code sv} or {@code en}
	 */
	public static boolean isDocumentLanguage(@Nullable String language) {
		return language != null && DOCUMENT_LANGUAGES.contains(language);
	}

}
