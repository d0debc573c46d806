package org.vetbill.documents.paymentcodes;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import com.google.zxing.BarcodeFormat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The bank barcode against the example invoices of Finance Finland's
 * "Pankkiviivakoodi-opas" (version 5.3): invoices 1 to 9 in version 4 (Finnish reference)
 * and in version 5 (RF reference), as public test suites reproduce them.
 */
class BankBarcodeTests {

	static Stream<Arguments> guideExamples() {
		return Stream.of(
				vector("guide, version 4, invoice 1", "FI79 4405 2020 0360 82", "4883.15", "86851 62596 19897",
						"2010-06-12", "479440520200360820048831500000000868516259619897100612"),
				vector("guide, version 4, invoice 2", "FI58 1017 1000 0001 22", "482.99", "55958 22432 94671",
						"2012-01-31", "458101710000001220004829900000000559582243294671120131"),
				vector("guide, version 4, invoice 3", "FI02 5000 4640 0013 02", "693.80", "69 87567 20834 35364",
						"2011-07-24", "402500046400013020006938000000069875672083435364110724"),
				vector("guide, version 4, invoice 4", "FI15 6601 0001 5306 41", "7444.54", "7 75847 47906 47489",
						"2019-12-19", "415660100015306410074445400000007758474790647489191219"),
				vector("guide, version 4, invoice 5 (no due date)", "FI16 8000 1400 0502 67", "935.85",
						"78 77767 96566 28687", null, "416800014000502670009358500000078777679656628687000000"),
				vector("guide, version 4, invoice 6 (no amount)", "FI73 3131 3001 0000 58", "0.00", "8 68624",
						"2013-08-09", "473313130010000580000000000000000000000000868624130809"),
				vector("guide, version 4, invoice 7 (longest reference)", "FI83 3301 0001 1007 75", "150000.20",
						"92125 37425 25398 97737", "2016-05-25",
						"483330100011007751500002000092125374252539897737160525"),
				vector("guide, version 4, invoice 8", "FI39 3636 3002 0924 92", "1.03", "5907 38390", "2023-03-11",
						"439363630020924920000010300000000000000590738390230311"),
				vector("guide, version 4, invoice 9", "FI92 3939 0001 0033 91", "0.02", "13 57914", "2099-12-24",
						"492393900010033910000000200000000000000001357914991224"),
				vector("guide, version 5, invoice 1", "FI79 4405 2020 0360 82", "4883.15", "RF09 8685 1625 9619 897",
						"2010-06-12", "579440520200360820048831509000000868516259619897100612"),
				vector("guide, version 5, invoice 2", "FI58 1017 1000 0001 22", "482.99", "RF06 5595 8224 3294 671",
						"2010-01-31", "558101710000001220004829906000000559582243294671100131"),
				vector("guide, version 5, invoice 3", "FI02 5000 4640 0013 02", "693.80", "RF61 6987 5672 0839",
						"2011-07-24", "502500046400013020006938061000000000698756720839110724"),
				vector("guide, version 5, invoice 4", "FI15 6601 0001 5306 41", "7444.54", "RF84 7758 4747 9064 7489",
						"2019-12-19", "515660100015306410074445484000007758474790647489191219"),
				vector("guide, version 5, invoice 5 (no due date)", "FI16 8000 1400 0502 67", "935.85",
						"RF60 7877 7679 6566 2868 7", null, "516800014000502670009358560000078777679656628687000000"),
				vector("guide, version 5, invoice 6 (no amount)", "FI73 3131 3001 0000 58", "0.00", "RF10 8686 24",
						"2013-08-09", "573313130010000580000000010000000000000000868624130809"),
				vector("guide, version 5, invoice 7 (longest reference)", "FI83 3301 0001 1007 75", "150000.20",
						"RF71 9212 5374 2525 3989 7737", "2016-05-25",
						"583330100011007751500002071092125374252539897737160525"),
				vector("guide, version 5, invoice 8", "FI39 3636 3002 0924 92", "1.03", "RF66 5907 3839 0",
						"2023-03-11", "539363630020924920000010366000000000000590738390230311"),
				vector("guide, version 5, invoice 9", "FI92 3939 0001 0033 91", "0.02", "RF95 1357 914", "2099-12-24",
						"592393900010033910000000295000000000000001357914991224"),
				// Some reproductions have version 5 invoice 3 with RF02 6987 5672 0834
				// (an older
				// edition's reference, whose body is not a Finnish reference); a valid RF
				// reference
				// all the same, so it must give its barcode too.
				vector("older reproduction of guide version 5 invoice 3", "FI02 5000 4640 0013 02", "693.80",
						"RF02 6987 5672 0834", "2011-07-24", "502500046400013020006938002000000000698756720834110724"),
				vector("vetbill's worked example", "FI2112345600000785", "196.79", "RF46202600428", "2026-12-04",
						"521123456000007850001967946000000000000202600428261204"));
	}

	@ParameterizedTest
	@MethodSource("guideExamples")
	void givesTheGuidesBarcode(String iban, String amount, String reference, @Nullable String due, String expected) {
		BankBarcode barcode = BankBarcode.of(iban, new BigDecimal(amount), "EUR", reference, date(due));

		assertThat(barcode.digits()).isEqualTo(expected);
	}

	/**
	 * Each expected barcode is read back field by field with the guide's layout, so a
	 * vector copied wrong (or a layout misread) shows here and not only as a mismatch.
	 */
	@ParameterizedTest
	@MethodSource("guideExamples")
	void eachExampleHasTheGuidesLayout(String iban, String amount, String reference, @Nullable String due,
			String expected) {
		String compactReference = reference.replace(" ", "");
		boolean rf = compactReference.startsWith("RF");
		assertThat(expected).hasSize(54);
		assertThat(expected.substring(0, 1)).isEqualTo(rf ? "5" : "4");
		assertThat("FI" + expected.substring(1, 17)).isEqualTo(iban.replace(" ", ""));
		assertThat(new BigDecimal(expected.substring(17, 23) + "." + expected.substring(23, 25)))
			.isEqualByComparingTo(amount);
		if (rf) {
			assertThat(expected.substring(25, 27)).isEqualTo(compactReference.substring(2, 4));
			assertThat(expected.substring(27, 48).replaceFirst("^0+", "")).isEqualTo(compactReference.substring(4));
		}
		else {
			assertThat(expected.substring(25, 28)).isEqualTo("000");
			assertThat(expected.substring(28, 48).replaceFirst("^0+", "")).isEqualTo(compactReference);
		}
		LocalDate dueDate = date(due);
		assertThat(expected.substring(48)).isEqualTo((dueDate == null) ? "000000" : String.format("%02d%02d%02d",
				dueDate.getYear() % 100, dueDate.getMonthValue(), dueDate.getDayOfMonth()));
	}

	@Test
	void anAmountAboveWhatFitsIsWrittenAsZeros() {
		BankBarcode fits = BankBarcode.of("FI7944052020036082", new BigDecimal("999999.99"), "EUR", "868516259619897",
				null);
		BankBarcode tooMuch = BankBarcode.of("FI7944052020036082", new BigDecimal("1000000.00"), "EUR",
				"868516259619897", null);

		assertThat(fits.digits().substring(17, 25)).isEqualTo("99999999");
		assertThat(tooMuch.digits().substring(17, 25)).isEqualTo("00000000");
	}

	@Test
	void aForeignAccountIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankBarcode.of("DE89 3704 0044 0532 0130 00", BigDecimal.TEN, "EUR", "1232", null))
			.withMessageStartingWith("iban")
			.withMessageContaining("Finnish");
	}

	@Test
	void anAccountWithWrongCheckDigitsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankBarcode.of("FI7844052020036082", BigDecimal.TEN, "EUR", "1232", null))
			.withMessageStartingWith("iban has wrong check digits");
	}

	@Test
	void aReferenceWithAWrongCheckDigitIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankBarcode.of("FI7944052020036082", BigDecimal.TEN, "EUR", "868516259619898", null))
			.withMessageStartingWith("reference")
			.withMessageContaining("check digit");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankBarcode.of("FI7944052020036082", BigDecimal.TEN, "EUR", "RF08868516259619897", null))
			.withMessageStartingWith("reference has a wrong check digit");
	}

	@Test
	void anRfReferenceWithLettersDoesNotFit() {
		// both are valid ISO 11649 references, but the barcode has room for digits only
		for (String reference : new String[] { "RF67 5390 0754 7034 A", "RF95VETBILL1001" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> BankBarcode.of("FI7944052020036082", BigDecimal.TEN, "EUR", reference, null))
				.withMessageStartingWith("reference: a bank barcode carries an RF reference of digits only");
		}
	}

	@Test
	void aNegativeAmountIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankBarcode.of("FI7944052020036082", new BigDecimal("-0.01"), "EUR", "1232", null))
			.withMessage("amount is negative: -0.01");
	}

	@Test
	void anAmountInCentFractionsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankBarcode.of("FI7944052020036082", new BigDecimal("1.005"), "EUR", "1232", null))
			.withMessageStartingWith("amount has more than two decimals");
	}

	@Test
	void anotherCurrencyIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BankBarcode.of("FI7944052020036082", BigDecimal.TEN, "SEK", "1232", null))
			.withMessageStartingWith("currency")
			.withMessageContaining("SEK");
	}

	@Test
	void groupsTheDigitsByField() {
		BankBarcode v4 = BankBarcode.of("FI79 4405 2020 0360 82", new BigDecimal("4883.15"), "EUR", "86851 62596 19897",
				LocalDate.of(2010, 6, 12));
		BankBarcode v5 = BankBarcode.of("FI79 4405 2020 0360 82", new BigDecimal("4883.15"), "EUR",
				"RF09 8685 1625 9619 897", LocalDate.of(2010, 6, 12));

		assertThat(v4.version()).isEqualTo(4);
		assertThat(v4.grouped()).isEqualTo("4 7944052020036082 004883 15 000 00000868516259619897 100612");
		assertThat(v5.version()).isEqualTo(5);
		assertThat(v5.grouped()).isEqualTo("5 7944052020036082 004883 15 09 000000868516259619897 100612");
		assertThat(v5.grouped().replace(" ", "")).isEqualTo(v5.digits());
	}

	@ParameterizedTest
	@MethodSource("guideExamples")
	void theImageReadsBackAsTheDigits(String iban, String amount, String reference, @Nullable String due,
			String expected) {
		byte[] png = BankBarcode.of(iban, new BigDecimal(amount), "EUR", reference, date(due)).png();

		assertThat(CodeReading.read(png, BarcodeFormat.CODE_128)).isEqualTo(expected);
	}

	@Test
	void theImageIsCodeSetCWithAQuietZone() {
		BankBarcode barcode = BankBarcode.of("FI79 4405 2020 0360 82", new BigDecimal("4883.15"), "EUR",
				"86851 62596 19897", LocalDate.of(2010, 6, 12));
		BufferedImage image = CodeReading.image(barcode.png());

		// set C: start, 27 digit pairs and the check symbol of 11 modules each, the stop
		// of 13
		int modules = 29 * 11 + 13;
		int pixel = CodeImages.BARCODE_MODULE_PIXELS;
		int quiet = CodeImages.BARCODE_QUIET_ZONE * pixel;
		assertThat(image.getWidth()).isEqualTo((modules + 2 * CodeImages.BARCODE_QUIET_ZONE) * pixel);
		for (int x = 0; x < quiet; x++) {
			assertThat(image.getRGB(x, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
			assertThat(image.getRGB(image.getWidth() - 1 - x, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
		}
		assertThat(image.getRGB(quiet, 0) & 0xFFFFFF).isZero();
		assertThat(image.getRGB(image.getWidth() - quiet - 1, image.getHeight() - 1) & 0xFFFFFF).isZero();
	}

	private static Arguments vector(String name, String iban, String amount, String reference, @Nullable String due,
			String expected) {
		return argumentSet(name, iban, amount, reference, due, expected);
	}

	private static @Nullable LocalDate date(@Nullable String due) {
		return (due != null) ? LocalDate.parse(due) : null;
	}

}
