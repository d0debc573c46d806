package org.vetbill.invoicing.domain;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ReferenceNumberFormat;

/**
 * Payment reference numbers.
 * <ul>
 * <li>Finnish national reference ({@code viitenumero}): 3 to 19 digits followed by a
 * check digit; the digits, from the right, are weighted 7, 3, 1, 7, 3, 1, ... and the
 * check digit is what brings the weighted sum up to the next multiple of ten (0 when it
 * already is one).
 * <li>ISO 11649 creditor reference: {@code RF}, two check digits and up to 21 characters;
 * the check digits make the reference, moved behind {@code RF00} with letters as numbers
 * (A = 10 ... Z = 35), equal to 1 modulo 97.
 * </ul>
 * An invoice's reference is built from its department and number, so it is unique within
 * the organization: the department id followed by the invoice number padded to 9 digits
 * (unique as long as a department stays below a billion invoices).
 */

public final class ReferenceNumbers {

	private static final int[] WEIGHTS = { 7, 3, 1 };

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	private ReferenceNumbers() {
	}

	/**
	 * The reference number of a finalized invoice.
	 * @param format the organization's format
	 * @param departmentId the invoice's department
	 * @param invoiceNumber the invoice's number
	 * @return the reference, or null when the organization uses none
	 */
	public static @Nullable String forInvoice(ReferenceNumberFormat format, long departmentId, long invoiceNumber) {
		String base = departmentId + String.format("%09d", invoiceNumber);
		return switch (format) {
			case NONE -> null;
			case FINNISH -> finnish(base);
			case RF -> rf(finnish(base));
		};
	}

	/**
	 * Appends the 7-3-1 check digit to a base.
	 * @param base 3 to 19 digits, not starting with 0
	 * @return the Finnish reference number
	 */
	public static String finnish(String base) {
		if (!base.matches("[1-9][0-9]{2,18}")) {
			throw new IllegalArgumentException(
					"a Finnish reference base is 3 to 19 digits, not starting with 0: " + base);
		}
		return base + finnishCheckDigit(base);
	}

	/**
	 * Whether a Finnish reference number's check digit is right.
	 * @param reference the reference, spaces allowed
	 * @return true when valid
	 */
	public static boolean isValidFinnish(String reference) {
		String digits = reference.replace(" ", "");
		if (!digits.matches("[1-9][0-9]{3,19}")) {
			return false;
		}
		String base = digits.substring(0, digits.length() - 1);
		return finnishCheckDigit(base) == digits.charAt(digits.length() - 1) - '0';
	}

	/**
	 * Builds an ISO 11649 creditor reference.
	 * @param reference 1 to 21 letters and digits
	 * @return {@code RF}, the two check digits and the reference
	 */
	public static String rf(String reference) {
		String upper = reference.toUpperCase(java.util.Locale.ROOT);
		if (!upper.matches("[0-9A-Z]{1,21}")) {
			throw new IllegalArgumentException("an RF reference is 1 to 21 letters and digits: " + reference);
		}
		int check = 98 - mod97(upper + "RF00");
		return "RF" + String.format("%02d", check) + upper;
	}

	/**
	 * Whether an ISO 11649 creditor reference's check digits are right.
	 * @param reference the reference, such as {@code RF18 5390 0754 7034}
	 * @return true when valid
	 */
	public static boolean isValidRf(String reference) {
		String compact = reference.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
		if (!compact.matches("RF[0-9]{2}[0-9A-Z]{1,21}")) {
			return false;
		}
		return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
	}

	private static int finnishCheckDigit(String base) {
		int sum = 0;
		for (int i = 0; i < base.length(); i++) {
			int digit = base.charAt(base.length() - 1 - i) - '0';
			sum += digit * WEIGHTS[i % 3];
		}
		return (10 - sum % 10) % 10;
	}

	private static int mod97(String alphanumeric) {
		StringBuilder digits = new StringBuilder();
		for (char c : alphanumeric.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
	}

}
