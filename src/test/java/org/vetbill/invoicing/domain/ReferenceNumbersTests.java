package org.vetbill.invoicing.domain;

import org.junit.jupiter.api.Test;
import org.vetbill.clinic.domain.ReferenceNumberFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReferenceNumbersTests {

	@Test
	void finnishCheckDigitMatchesPublishedExamples() {
		// Finance Finland's example of the domestic reference: "12 34561"
		assertThat(ReferenceNumbers.finnish("123456")).isEqualTo("1234561");
		// a worked example of the 7-3-1 method: "1 23456 71234 56784"
		assertThat(ReferenceNumbers.finnish("123456712345678")).isEqualTo("1234567123456784");
		// the weighted sum is already a multiple of ten: check digit 0 (1*7 + 0*3 + 3*1 =
		// 10)
		assertThat(ReferenceNumbers.finnish("301")).isEqualTo("3010");
	}

	@Test
	void finnishValidationAcceptsPublishedNumbersAndRejectsTypos() {
		assertThat(ReferenceNumbers.isValidFinnish("12 34561")).isTrue();
		assertThat(ReferenceNumbers.isValidFinnish("1 23456 71234 56784")).isTrue();
		assertThat(ReferenceNumbers.isValidFinnish("1234562")).isFalse();
		assertThat(ReferenceNumbers.isValidFinnish("1243561")).isFalse();
		assertThat(ReferenceNumbers.isValidFinnish("123")).isFalse();
	}

	@Test
	void finnishBaseMustBeThreeToNineteenDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceNumbers.finnish("12"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceNumbers.finnish("01234"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceNumbers.finnish("12345678901234567890"));
	}

	@Test
	void rfCheckDigitsMatchPublishedExamples() {
		// ISO 11649's example: RF18 5390 0754 7034
		assertThat(ReferenceNumbers.rf("539007547034")).isEqualTo("RF18539007547034");
		// XMLdation's ISO 20022 example: RF712348231
		assertThat(ReferenceNumbers.rf("2348231")).isEqualTo("RF712348231");
		assertThat(ReferenceNumbers.isValidRf("RF18 5390 0754 7034")).isTrue();
		assertThat(ReferenceNumbers.isValidRf("RF712348231")).isTrue();
		assertThat(ReferenceNumbers.isValidRf("RF19 5390 0754 7034")).isFalse();
		assertThat(ReferenceNumbers.isValidRf("RF18 5390 0754 7043")).isFalse();
	}

	@Test
	void rfReferencesMayHoldLetters() {
		String reference = ReferenceNumbers.rf("invoice42");
		assertThat(reference).startsWith("RF").endsWith("INVOICE42");
		assertThat(ReferenceNumbers.isValidRf(reference)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceNumbers.rf("a-b"));
	}

	@Test
	void invoiceReferencesAreBuiltFromDepartmentAndNumber() {
		assertThat(ReferenceNumbers.forInvoice(ReferenceNumberFormat.NONE, 7, 42)).isNull();
		String finnish = ReferenceNumbers.forInvoice(ReferenceNumberFormat.FINNISH, 7, 42);
		assertThat(finnish).startsWith("7000000042").hasSize(11);
		assertThat(ReferenceNumbers.isValidFinnish(finnish)).isTrue();
		String rf = ReferenceNumbers.forInvoice(ReferenceNumberFormat.RF, 7, 42);
		assertThat(rf).isEqualTo(ReferenceNumbers.rf(finnish));
		assertThat(ReferenceNumbers.isValidRf(rf)).isTrue();
		// invoice 1 of department 12 and invoice 200000001 of department 1 stay distinct
		assertThat(ReferenceNumbers.forInvoice(ReferenceNumberFormat.FINNISH, 12, 1))
			.isNotEqualTo(ReferenceNumbers.forInvoice(ReferenceNumberFormat.FINNISH, 1, 200_000_001L));
	}

}
