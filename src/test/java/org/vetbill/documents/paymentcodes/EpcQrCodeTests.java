package org.vetbill.documents.paymentcodes;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;

import com.google.zxing.BarcodeFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The EPC QR code's payload, line by line as EPC069-12 lays it out, its limits, and its
 * image read back.
 */
class EpcQrCodeTests {

	private static final String CLINIC = "Eläinklinikka Esimerkki Oy";

	private static final String IBAN = "FI2112345600000785";

	@Test
	void aFinnishReferenceGoesAsItsRfForm() {
		EpcQrCode code = EpcQrCode.withReference(CLINIC, "FI21 1234 5600 0007 85", "NDEAFIHH", new BigDecimal("196.79"),
				"EUR", "20260 0428", null);

		assertThat(code.payload().split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "NDEAFIHH", CLINIC, IBAN,
				"EUR196.79", "", "RF46202600428");
	}

	@Test
	void anRfReferenceGoesAsItIs() {
		EpcQrCode code = EpcQrCode.withReference("Tierklinik", "DE89 3704 0044 0532 0130 00", "cobadeffxxx",
				new BigDecimal("200"), "EUR", "RF18 5390 0754 7034", null);

		assertThat(code.payload().split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "COBADEFFXXX",
				"Tierklinik", "DE89370400440532013000", "EUR200.00", "", "RF18539007547034");
	}

	@Test
	void textGoesInFieldElevenAndTheBicMayBeLeftOut() {
		EpcQrCode code = EpcQrCode.withText(CLINIC, IBAN, null, new BigDecimal("0.5"), "EUR", "Lasku A-1001", null);

		assertThat(code.payload().split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "", CLINIC, IBAN,
				"EUR0.50", "", "", "Lasku A-1001");
		assertThat(code.payload()).doesNotEndWith("\n");
	}

	@Test
	void informationToThePayerIsTheLastField() {
		EpcQrCode code = EpcQrCode.withReference(CLINIC, IBAN, "NDEAFIHH", new BigDecimal("999999999.99"), "EUR",
				"RF46202600428", "Thank you");

		assertThat(code.payload().split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "NDEAFIHH", CLINIC, IBAN,
				"EUR999999999.99", "", "RF46202600428", "", "Thank you");
	}

	@Test
	void withoutTextTheTrailingEmptyFieldsAreLeftOut() {
		EpcQrCode code = EpcQrCode.withText(CLINIC, IBAN, null, BigDecimal.ONE, "EUR", null, null);

		assertThat(code.payload()).isEqualTo("BCD\n002\n1\nSCT\n\n" + CLINIC + "\n" + IBAN + "\nEUR1.00");
	}

	@Test
	void eachFieldKeepsToItsLength() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText("x".repeat(71), IBAN, null, BigDecimal.ONE, "EUR", null, null))
			.withMessageStartingWith("name is longer than 70");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(CLINIC, IBAN, null, BigDecimal.ONE, "EUR", "x".repeat(141), null))
			.withMessageStartingWith("text is longer than 140");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(CLINIC, IBAN, null, BigDecimal.ONE, "EUR", null, "x".repeat(71)))
			.withMessageStartingWith("information is longer than 70");
		assertThat(
				EpcQrCode.withText("ä".repeat(70), IBAN, null, BigDecimal.ONE, "EUR", "x".repeat(140), null).payload())
			.contains("ä".repeat(70));
	}

	@Test
	void thePayloadKeepsTo331Bytes() {
		// 70 + 140 + 70 two-byte characters: within every field's length, not within the
		// bytes
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText("ä".repeat(70), IBAN, "NDEAFIHH", BigDecimal.ONE, "EUR",
					"ä".repeat(140), "ä".repeat(70)))
			.withMessageContaining("more than the 331 allowed");
		assertThatIllegalArgumentException().isThrownBy(() -> new EpcQrCode("BCD\n002\n1\nSCT\n" + "x".repeat(318)))
			.withMessageContaining("332 bytes");
	}

	@Test
	void badFieldsAreNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(" ", IBAN, null, BigDecimal.ONE, "EUR", null, null))
			.withMessageStartingWith("name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText("A\nB", IBAN, null, BigDecimal.ONE, "EUR", null, null))
			.withMessage("name must be one line");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(CLINIC, "FI2112345600000786", null, BigDecimal.ONE, "EUR", null, null))
			.withMessageStartingWith("iban has wrong check digits");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(CLINIC, IBAN, "NDEA", BigDecimal.ONE, "EUR", null, null))
			.withMessageStartingWith("bic");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(CLINIC, IBAN, null, BigDecimal.ONE, "USD", null, null))
			.withMessageStartingWith("currency");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withReference(CLINIC, IBAN, null, BigDecimal.ONE, "EUR", "RF47202600428", null))
			.withMessageStartingWith("reference has a wrong check digit");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withReference(CLINIC, IBAN, null, BigDecimal.ONE, "EUR", "202600429", null))
			.withMessageStartingWith("reference");
	}

	@Test
	void theAmountIsACentToABillion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(CLINIC, IBAN, null, BigDecimal.ZERO, "EUR", null, null))
			.withMessageStartingWith("amount must be 0.01 to 999999999.99");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> EpcQrCode.withText(CLINIC, IBAN, null, new BigDecimal("1000000000.00"), "EUR", null, null))
			.withMessageStartingWith("amount must be 0.01 to 999999999.99");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EpcQrCode.withText(CLINIC, IBAN, null, new BigDecimal("1.001"), "EUR", null, null))
			.withMessageStartingWith("amount has more than two decimals");
		assertThat(EpcQrCode.withText(CLINIC, IBAN, null, new BigDecimal("0.01"), "EUR", null, null).payload())
			.endsWith("\nEUR0.01");
	}

	@Test
	void theImageReadsBackAsThePayload() {
		EpcQrCode withReference = EpcQrCode.withReference(CLINIC, IBAN, "NDEAFIHH", new BigDecimal("196.79"), "EUR",
				"202600428", "Kiitos – tack – thanks");
		EpcQrCode withText = EpcQrCode.withText("Åbo Djurklinik Ab", IBAN, null, new BigDecimal("75.30"), "EUR",
				"Faktura A-1006 för Sessan", null);

		assertThat(CodeReading.read(withReference.png(), BarcodeFormat.QR_CODE)).isEqualTo(withReference.payload());
		assertThat(CodeReading.read(withText.png(), BarcodeFormat.QR_CODE)).isEqualTo(withText.payload());
	}

	@Test
	void theImageHasAQuietZoneOfFourModules() {
		BufferedImage image = CodeReading
			.image(EpcQrCode.withText(CLINIC, IBAN, null, BigDecimal.ONE, "EUR", null, null).png());
		int quiet = CodeImages.QR_QUIET_ZONE * CodeImages.QR_MODULE_PIXELS;

		assertThat(image.getWidth()).isEqualTo(image.getHeight());
		for (int i = 0; i < quiet; i++) {
			assertThat(image.getRGB(i, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
		}
		// the top left finder pattern starts right after it
		assertThat(image.getRGB(quiet, quiet) & 0xFFFFFF).isZero();
	}

}
