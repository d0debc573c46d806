package org.vetbill.documents.paymentcodes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.ReferenceNumbers;

/**
 * The European Payments Council's QR code for a SEPA credit transfer (EPC069-12, "Quick
 * Response Code: guidelines to enable data capture for the initiation of a SEPA credit
 * transfer"), version 002, in UTF-8: a banking app that scans it fills in the payee, the
 * account, the amount and the reference. Finance Finland's QR guide adopts it for the
 * Finnish credit transfer form.
 * <p>
 * The payload is one field a line, separated by LF, without a line feed after the last
 * field and without trailing empty fields:
 *
 * <pre>
 * BCD | 002 | 1 (UTF-8) | SCT | BIC (optional in 002) | beneficiary name (70) | IBAN (34)
 * | EUR and the amount | purpose (empty) | structured reference, ISO 11649 RF (35)
 * | unstructured text (140) | beneficiary-to-originator information (70)
 * </pre>
 *
 * A remittance is either structured or unstructured, never both. A Finnish national
 * reference is not ISO 11649, so it goes as its RF form. The whole payload is at most 331
 * bytes.
 *
 * @param payload the text the QR code carries
 */
public record EpcQrCode(String payload) {

	/** The most bytes the guidelines let the payload have. */
	static final int MAX_BYTES = 331;

	private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

	/**
	 * Takes a payload built elsewhere, checking only its header and its size.
	 * @param payload the text the QR code carries
	 */
	public EpcQrCode {
		if (!payload.startsWith("BCD\n002\n1\nSCT\n")) {
			throw new IllegalArgumentException("an EPC QR payload starts BCD, 002, 1, SCT");
		}
		int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			throw new IllegalArgumentException(
					"the EPC QR payload is " + bytes + " bytes, more than the " + MAX_BYTES + " allowed");
		}
	}

	/**
	 * A QR code with a structured reference (field 10).
	 * @param name the beneficiary's name, at most 70 characters
	 * @param iban the beneficiary's account (spaces allowed)
	 * @param bic the beneficiary's bank, null to leave it out (allowed in the EEA)
	 * @param amount the amount, 0.01 to 999 999 999.99 with at most two decimals
	 * @param currency the amount's currency, which must be {@code EUR}
	 * @param reference an ISO 11649 RF reference, or a Finnish reference, which goes as
	 * its RF form
	 * @param information beneficiary-to-originator information (at most 70 characters),
	 * null for none
	 * @return the QR code
	 * @throws IllegalArgumentException naming the field that is wrong
	 */
	public static EpcQrCode withReference(String name, String iban, @Nullable String bic, BigDecimal amount,
			String currency, String reference, @Nullable String information) {
		return build(name, iban, bic, amount, currency, creditorReference(reference), "", information);
	}

	/**
	 * A QR code with unstructured remittance text (field 11).
	 * @param name the beneficiary's name, at most 70 characters
	 * @param iban the beneficiary's account (spaces allowed)
	 * @param bic the beneficiary's bank, null to leave it out (allowed in the EEA)
	 * @param amount the amount, 0.01 to 999 999 999.99 with at most two decimals
	 * @param currency the amount's currency, which must be {@code EUR}
	 * @param text the remittance text, at most 140 characters, null for none
	 * @param information beneficiary-to-originator information (at most 70 characters),
	 * null for none
	 * @return the QR code
	 * @throws IllegalArgumentException naming the field that is wrong
	 */
	public static EpcQrCode withText(String name, String iban, @Nullable String bic, BigDecimal amount, String currency,
			@Nullable String text, @Nullable String information) {
		return build(name, iban, bic, amount, currency, "", field("text", text, 140), information);
	}

	/**
	 * The code as an image: error correction level M, the text in UTF-8.
	 * @return a PNG, eight pixels a module with a quiet zone of four modules
	 */
	public byte[] png() {
		return CodeImages.qr(this.payload);
	}

	private static EpcQrCode build(String name, String iban, @Nullable String bic, BigDecimal amount, String currency,
			String structured, String unstructured, @Nullable String information) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("name of the beneficiary is blank");
		}
		List<String> fields = new ArrayList<>(
				List.of("BCD", "002", "1", "SCT", bic(bic), field("name", name, 70), Ibans.compact("iban", iban),
						amount(amount, currency), "", structured, unstructured, field("information", information, 70)));
		while (fields.getLast().isEmpty()) {
			fields.removeLast();
		}
		String payload = String.join("\n", fields);
		int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			throw new IllegalArgumentException("the EPC QR payload would be " + bytes + " bytes, more than the "
					+ MAX_BYTES + " allowed: shorten the name, text or information");
		}
		return new EpcQrCode(payload);
	}

	private static String bic(@Nullable String bic) {
		if (bic == null || bic.isBlank()) {
			return "";
		}
		String compact = bic.strip().toUpperCase(Locale.ROOT);
		if (!compact.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
			throw new IllegalArgumentException("bic is not a BIC of 8 or 11 characters: " + bic);
		}
		return compact;
	}

	private static String amount(BigDecimal amount, String currency) {
		if (!"EUR".equals(currency)) {
			throw new IllegalArgumentException("currency: a SEPA credit transfer is in euros, not " + currency);
		}
		if (amount.compareTo(MIN_AMOUNT) < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException(
					"amount must be 0.01 to 999999999.99 euros, not " + amount.toPlainString());
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("amount has more than two decimals: " + amount.toPlainString());
		}
		return "EUR" + amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}

	private static String creditorReference(String reference) {
		String compact = reference.replace(" ", "").toUpperCase(Locale.ROOT);
		if (compact.startsWith("RF")) {
			if (!ReferenceNumbers.isValidRf(compact)) {
				throw new IllegalArgumentException("reference has a wrong check digit: " + reference);
			}
			return compact;
		}
		if (!ReferenceNumbers.isValidFinnish(compact)) {
			throw new IllegalArgumentException(
					"reference is neither an RF reference nor a Finnish reference with a right check digit: "
							+ reference);
		}
		return ReferenceNumbers.rf(compact);
	}

	private static String field(String field, @Nullable String value, int maxLength) {
		if (value == null) {
			return "";
		}
		String stripped = value.strip();
		if (stripped.indexOf('\n') >= 0 || stripped.indexOf('\r') >= 0) {
			throw new IllegalArgumentException(field + " must be one line");
		}
		if (stripped.codePointCount(0, stripped.length()) > maxLength) {
			throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters: " + stripped);
		}
		return stripped;
	}

}
