package org.vetbill.documents.paymentcodes;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Checks an IBAN (ISO 13616): two letters, two check digits and up to 30 letters and
 * digits, whose check digits make the number, moved behind its first four characters with
 * letters as numbers (A = 10 ... Z = 35), equal to 1 modulo 97. It is one line of
 * arithmetic, so no library is brought in for it.
 */
final class Ibans {

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	private Ibans() {
	}

	/**
	 * The IBAN without spaces and in capitals, after checking it.
	 * @param field the name of the field it came in, for the error
	 * @param iban the IBAN, spaces allowed
	 * @return the compact IBAN
	 * @throws IllegalArgumentException when it is not a valid IBAN
	 */
	static String compact(String field, String iban) {
		String compact = iban.replace(" ", "").toUpperCase(Locale.ROOT);
		if (!compact.matches("[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}")) {
			throw new IllegalArgumentException(field + " is not an IBAN: " + iban);
		}
		if (mod97(compact.substring(4) + compact.substring(0, 4)) != 1) {
			throw new IllegalArgumentException(field + " has wrong check digits: " + iban);
		}
		return compact;
	}

	private static int mod97(String alphanumeric) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < alphanumeric.length(); i++) {
			digits.append(Character.digit(alphanumeric.charAt(i), 36));
		}
		return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
	}

}
