package org.vetbill.documents.paymentcodes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.ReferenceNumbers;

/**
 * The Finnish bank barcode of Finance Finland's "Pankkiviivakoodi-opas" (version 5.3): 54
 * digits that a payer's bank reads into a credit transfer, printed as a Code 128 barcode
 * and shown as text (the "virtuaaliviivakoodi") for copying into an online bank.
 * <p>
 * Version 4 carries a Finnish national reference, version 5 an ISO 11649 creditor
 * reference (RF) whose body is digits only:
 *
 * <pre>
 * position  length  version 4                      version 5
 * 1         1       4                              5
 * 2-17      16      IBAN without FI: check digits and the 14-digit account
 * 18-23     6       euros, zero-padded
 * 24-25     2       cents
 * 26-28     3       000 (reserved)                 26-27: the RF check digits
 * 29-48     20      the reference, zero-padded     28-48: the RF body, zero-padded to 21
 * 49-54     6       due date YYMMDD, 000000 when there is none
 * </pre>
 *
 * Only a Finnish account can be in it. An amount above 999 999.99 does not fit, so the
 * guide has it written as zeros: the payer types the amount in.
 *
 * @param digits the 54 digits
 */
public record BankBarcode(String digits) {

	/** The largest amount the barcode carries; above it the amount is zeros. */
	static final BigDecimal MAX_AMOUNT = new BigDecimal("999999.99");

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

	/**
	 * Takes 54 digits read or built elsewhere, checking only their shape.
	 * @param digits the 54 digits, starting with the version (4 or 5)
	 */
	public BankBarcode {
		if (!digits.matches("[45][0-9]{53}")) {
			throw new IllegalArgumentException("a bank barcode is 4 or 5 and 53 digits: " + digits);
		}
	}

	/**
	 * Builds the barcode of a payment.
	 * @param iban the payee's account, a Finnish IBAN (spaces allowed)
	 * @param amount the amount in euros, at most two decimals; above 999 999.99 it is
	 * written as zeros
	 * @param currency the amount's currency, which must be {@code EUR}
	 * @param reference a Finnish reference (version 4) or an RF creditor reference with a
	 * numeric body (version 5), spaces allowed
	 * @param dueDate the due date, null when there is none
	 * @return the barcode
	 * @throws IllegalArgumentException naming the field that cannot be put in the barcode
	 */
	public static BankBarcode of(String iban, BigDecimal amount, String currency, String reference,
			@Nullable LocalDate dueDate) {
		String account = finnishAccount(iban);
		String cents = amount(amount, currency);
		String due = (dueDate != null) ? dueDate.format(YYMMDD) : "000000";
		String compact = reference.replace(" ", "").toUpperCase(Locale.ROOT);
		if (compact.startsWith("RF")) {
			if (!ReferenceNumbers.isValidRf(compact)) {
				throw new IllegalArgumentException("reference has a wrong check digit: " + reference);
			}
			if (!compact.matches("RF[0-9]{3,23}")) {
				throw new IllegalArgumentException(
						"reference: a bank barcode carries an RF reference of digits only: " + reference);
			}
			return new BankBarcode(
					"5" + account + cents + compact.substring(2, 4) + pad(compact.substring(4), 21) + due);
		}
		if (!ReferenceNumbers.isValidFinnish(compact)) {
			throw new IllegalArgumentException(
					"reference is neither a Finnish reference nor an RF reference with a right check digit: "
							+ reference);
		}
		return new BankBarcode("4" + account + cents + "000" + pad(compact, 20) + due);
	}

	/**
	 * The barcode's version: 4 with a Finnish reference, 5 with an RF reference.
	 * @return 4 or 5
	 */
	public int version() {
		return this.digits.charAt(0) - '0';
	}

	/**
	 * The digits grouped by field, for a reader to check by eye: version, account, euros,
	 * cents, the reserved digits (version 4) or RF check digits (version 5), the
	 * reference and the due date. The virtual barcode a payer copies is
	 * {@link #digits()}, which banks read without spaces.
	 * @return e.g. {@code 4 79440520200360820 004883 15 000 00000868516259619897 100612}
	 */
	public String grouped() {
		int check = (version() == 4) ? 28 : 27;
		return String.join(" ", this.digits.substring(0, 1), this.digits.substring(1, 17),
				this.digits.substring(17, 23), this.digits.substring(23, 25), this.digits.substring(25, check),
				this.digits.substring(check, 48), this.digits.substring(48));
	}

	/**
	 * The barcode as a Code 128 image.
	 * @return a PNG, four pixels a module with a quiet zone of ten modules either side
	 */
	public byte[] png() {
		return CodeImages.code128(this.digits);
	}

	private static String finnishAccount(String iban) {
		String compact = Ibans.compact("iban", iban);
		if (!compact.startsWith("FI")) {
			throw new IllegalArgumentException("iban: a bank barcode carries only a Finnish account: " + iban);
		}
		if (compact.length() != 18 || !compact.substring(2).matches("[0-9]{16}")) {
			throw new IllegalArgumentException("iban: a Finnish IBAN is FI and 16 digits: " + iban);
		}
		return compact.substring(2);
	}

	private static String amount(BigDecimal amount, String currency) {
		if (!"EUR".equals(currency)) {
			throw new IllegalArgumentException("currency: a bank barcode carries euros only, not " + currency);
		}
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("amount is negative: " + amount.toPlainString());
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("amount has more than two decimals: " + amount.toPlainString());
		}
		if (amount.compareTo(MAX_AMOUNT) > 0) {
			return "00000000";
		}
		return pad(amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).toPlainString(), 8);
	}

	private static String pad(String digits, int length) {
		return "0".repeat(length - digits.length()) + digits;
	}

}
