package org.vetbill.documents.einvoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * How the two formats write figures and dates: UBL with a decimal point and ISO dates,
 * Finvoice with a decimal comma and {@code CCYYMMDD} dates. Amounts get exactly two
 * decimals (Peppol allows no more; Finvoice's payment amount wants exactly two), rates
 * and quantities no trailing zeros.
 */
final class Figures {

	private Figures() {
	}

	/**
	 * An amount as UBL writes it.
	 * @param amount the amount
	 * @return e.g. {@code 102.80}
	 */
	static String amount(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * A rate or quantity as UBL writes it.
	 * @param number the number
	 * @return e.g. {@code 25.5}, {@code 10}, {@code 0}
	 */
	static String number(BigDecimal number) {
		return (number.signum() == 0) ? "0" : number.stripTrailingZeros().toPlainString();
	}

	/**
	 * An amount as Finvoice writes it.
	 * @param amount the amount
	 * @return e.g. {@code 102,80}
	 */
	static String finvoiceAmount(BigDecimal amount) {
		return amount(amount).replace('.', ',');
	}

	/**
	 * A rate or quantity as Finvoice writes it.
	 * @param number the number
	 * @return e.g. {@code 25,5}
	 */
	static String finvoiceNumber(BigDecimal number) {
		return number(number).replace('.', ',');
	}

	/**
	 * A date as Finvoice writes it (with the attribute {@code Format="CCYYMMDD"}).
	 * @param date the date
	 * @return e.g. {@code 20261204}
	 */
	static String finvoiceDate(LocalDate date) {
		return date.format(DateTimeFormatter.BASIC_ISO_DATE);
	}

}
