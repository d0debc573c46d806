package org.vetbill.documents.paymentcodes;

import java.math.BigDecimal;
import java.util.Objects;

import com.google.zxing.BarcodeFormat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Party;
import org.vetbill.documents.SampleDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which payment codes each sample invoice gets, and what they carry. The expected
 * barcodes are laid out by hand from the samples' figures: version, account, amount due,
 * reserved digits or RF check digits, reference, due date (18.12.2026).
 */
class PaymentCodesTests {

	@Test
	void anInvoiceWithAFinnishReferenceGetsBothCodes() {
		PaymentCodes codes = PaymentCodes.of(SampleDocuments.domesticTwoRates()).orElseThrow();

		assertThat(barcode(codes).digits())
			.isEqualTo("4" + "2112345600000785" + "00010280" + "000" + "00000000000202600428" + "261218");
		assertThat(qrCode(codes).payload().split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "NDEAFIHH",
				"Eläinklinikka Esimerkki Oy", "FI2112345600000785", "EUR102.80", "", "RF46202600428");
	}

	@Test
	void anInvoiceWithAnRfReferenceGetsAVersion5Barcode() {
		PaymentCodes codes = PaymentCodes.of(SampleDocuments.euReverseCharge()).orElseThrow();

		assertThat(barcode(codes).digits())
			.isEqualTo("5" + "2112345600000785" + "00020000" + "18" + "000000000539007547034" + "261218");
		assertThat(qrCode(codes).payload()).endsWith("\nEUR200.00\n\nRF18539007547034");
	}

	@Test
	void theCodesAskForWhatIsStillDue() {
		PaymentCodes codes = PaymentCodes.of(SampleDocuments.discountedPaidInPart()).orElseThrow();

		assertThat(barcode(codes).digits().substring(17, 25)).isEqualTo("00009056");
		assertThat(qrCode(codes).payload()).contains("\nEUR90.56\n");
	}

	@Test
	void theImagesReadBackAsTheCodes() {
		PaymentCodes codes = PaymentCodes.of(SampleDocuments.consumerInSwedish()).orElseThrow();

		assertThat(CodeReading.read(barcode(codes).png(), BarcodeFormat.CODE_128))
			.isEqualTo("5" + "2112345600000785" + "00007530" + "46" + "000000000000202600428" + "261218");
		assertThat(CodeReading.read(qrCode(codes).png(), BarcodeFormat.QR_CODE)).isEqualTo(qrCode(codes).payload());
	}

	@Test
	void draftsCreditNotesAndPaidInvoicesGetNone() {
		assertThat(PaymentCodes.of(SampleDocuments.draft())).isEmpty();
		assertThat(PaymentCodes.of(SampleDocuments.creditNote())).isEmpty();
		assertThat(PaymentCodes.of(SampleDocuments.countersaleToCompany())).isEmpty();
	}

	@Test
	void anInvoiceNotInEurosGetsNone() {
		assertThat(PaymentCodes.of(changed(SampleDocuments.domesticTwoRates(), "SEK", null, "202600428"))).isEmpty();
	}

	@Test
	void aClinicWithoutAnAccountGetsNone() {
		assertThat(PaymentCodes.of(changed(SampleDocuments.domesticTwoRates(), "EUR", "", "202600428"))).isEmpty();
	}

	@Test
	void withoutAReferenceOnlyTheQrCodeIsMadeWithTheInvoiceNumber() {
		PaymentCodes finnish = PaymentCodes.of(changed(SampleDocuments.domesticTwoRates(), "EUR", null, null))
			.orElseThrow();
		PaymentCodes swedish = PaymentCodes.of(changed(SampleDocuments.consumerInSwedish(), "EUR", null, null))
			.orElseThrow();

		assertThat(finnish.barcode()).isNull();
		assertThat(qrCode(finnish).payload()).endsWith("\nEUR102.80\n\n\nLasku A-1001");
		assertThat(qrCode(swedish).payload()).endsWith("\nEUR75.30\n\n\nFaktura A-1006");
	}

	@Test
	void aForeignAccountGetsOnlyTheQrCode() {
		PaymentCodes codes = PaymentCodes
			.of(changed(SampleDocuments.domesticTwoRates(), "EUR", "DE89 3704 0044 0532 0130 00", "202600428"))
			.orElseThrow();

		assertThat(codes.barcode()).isNull();
		assertThat(qrCode(codes).payload()).contains("\nDE89370400440532013000\n");
	}

	@Test
	void anRfReferenceWithLettersGetsOnlyTheQrCode() {
		PaymentCodes codes = PaymentCodes
			.of(changed(SampleDocuments.domesticTwoRates(), "EUR", null, "RF95VETBILL1001"))
			.orElseThrow();

		assertThat(codes.barcode()).isNull();
		assertThat(qrCode(codes).payload()).endsWith("\nRF95VETBILL1001");
	}

	@Test
	void aDueAmountAboveWhatTheBarcodeCarriesGetsOnlyTheQrCode() {
		InvoiceDocument invoice = SampleDocuments.domesticTwoRates();
		InvoiceDocument large = new InvoiceDocument(invoice.kind(), invoice.draft(), invoice.id(), invoice.number(),
				invoice.issueDate(), invoice.dueDate(), invoice.currency(), invoice.language(), invoice.seller(),
				invoice.buyer(), invoice.referenceNumber(), invoice.buyerReference(), invoice.credited(),
				invoice.lines(), invoice.vat(), invoice.totalNet(), invoice.totalVat(), invoice.totalGross(),
				invoice.paid(), new BigDecimal("1000000.00"), invoice.remarks());

		PaymentCodes codes = PaymentCodes.of(large).orElseThrow();

		assertThat(codes.barcode()).isNull();
		assertThat(qrCode(codes).payload()).contains("\nEUR1000000.00\n");
	}

	private static BankBarcode barcode(PaymentCodes codes) {
		assertThat(codes.barcode()).isNotNull();
		return Objects.requireNonNull(codes.barcode());
	}

	private static EpcQrCode qrCode(PaymentCodes codes) {
		assertThat(codes.qrCode()).isNotNull();
		return Objects.requireNonNull(codes.qrCode());
	}

	/**
	 * The invoice in another currency, paid to another account (null keeps the clinic's,
	 * blank takes it away) and with another reference.
	 */
	private static InvoiceDocument changed(InvoiceDocument invoice, String currency, @Nullable String iban,
			@Nullable String reference) {
		Party seller = invoice.seller();
		Party payee = new Party(seller.name(), seller.company(), seller.businessId(), seller.vatNumber(),
				seller.address(), seller.email(), seller.phone(), seller.electronicAddress(),
				(iban != null) ? (iban.isEmpty() ? null : iban) : seller.iban(), seller.bic());
		return new InvoiceDocument(invoice.kind(), invoice.draft(), invoice.id(), invoice.number(), invoice.issueDate(),
				invoice.dueDate(), currency, invoice.language(), payee, invoice.buyer(), reference,
				invoice.buyerReference(), invoice.credited(), invoice.lines(), invoice.vat(), invoice.totalNet(),
				invoice.totalVat(), invoice.totalGross(), invoice.paid(), invoice.due(), invoice.remarks());
	}

}
