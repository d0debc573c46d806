package org.vetbill.documents.pdf;

import java.awt.image.BufferedImage;
import java.util.stream.Stream;

import com.google.zxing.BarcodeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.SampleDocuments;
import org.vetbill.documents.paymentcodes.PaymentCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment codes on the printed invoice can be read: the page is rasterised at 150
 * dpi, as a scan would be, and ZXing finds the EPC QR code and the Code 128 bank barcode
 * on it with the payload and digits the invoice is due for. Where nothing is to be paid,
 * there is no code.
 */
class InvoicePdfPaymentCodesTests {

	private static final InvoicePdf PDF = new InvoicePdf();

	static Stream<Arguments> invoicesWithAmountsDue() {
		return Stream.of(
				// version 4: account, 102.80, reserved 000, reference 202600428, due
				// 18.12.2026
				Arguments.of("codes-domestic", SampleDocuments.domesticTwoRates(),
						"421123456000007850001028000000000000000202600428261218", "EUR102.80"),
				// version 5: account, 200.00, RF check digits 18, reference 539007547034
				Arguments.of("codes-eu-reverse-charge", SampleDocuments.euReverseCharge(),
						"521123456000007850002000018000000000539007547034261218", "EUR200"),
				Arguments.of("codes-paid-in-part", SampleDocuments.discountedPaidInPart(),
						"421123456000007850000905600000000000000202600415261218", "EUR90.56"),
				Arguments.of("codes-swedish", SampleDocuments.consumerInSwedish(),
						"521123456000007850000753046000000000000202600428261218", "EUR75.30"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invoicesWithAmountsDue")
	void theBarcodeAndTheQrCodeOnThePageCarryWhatIsDue(String name, InvoiceDocument invoice, String barcode,
			String amount) {
		byte[] pdf = PDF.render(invoice);
		BufferedImage page = PdfTexts.raster(pdf, name);
		PaymentCodes codes = PaymentCodes.of(invoice).orElseThrow();

		assertThat(PdfTexts.decode(page, BarcodeFormat.CODE_128)).contains(barcode);
		assertThat(PdfTexts.text(pdf)).contains(barcode);
		assertThat(PdfTexts.decode(page, BarcodeFormat.QR_CODE)).contains(codes.qrCode().payload());
		assertThat(codes.qrCode().payload()).contains("\nFI2112345600000785\n" + amount);
		assertThat(PdfA.brokenRules(pdf)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nothingToPay")
	void aDocumentWithNothingToPayHasNoCodes(String name, InvoiceDocument document) {
		BufferedImage page = PdfTexts.raster(PDF.render(document), name);

		assertThat(PdfTexts.decode(page, BarcodeFormat.CODE_128)).isEmpty();
		assertThat(PdfTexts.decode(page, BarcodeFormat.QR_CODE)).isEmpty();
	}

	static Stream<Arguments> nothingToPay() {
		return Stream.of(Arguments.of("no-codes-draft", SampleDocuments.draft()),
				Arguments.of("no-codes-credit-note", SampleDocuments.creditNote()),
				Arguments.of("no-codes-paid", SampleDocuments.countersaleToCompany()));
	}

	@Test
	void codesGivenForADraftAreNotPrinted() {
		PaymentCodeImages codes = PaymentCodeImages
			.of(PaymentCodes.of(SampleDocuments.domesticTwoRates()).orElseThrow());

		BufferedImage page = PdfTexts.raster(PDF.render(SampleDocuments.draft(), codes), "no-codes-draft-given");

		assertThat(PdfTexts.decode(page, BarcodeFormat.QR_CODE)).isEmpty();
		assertThat(PdfTexts.decode(page, BarcodeFormat.CODE_128)).isEmpty();
	}

}
