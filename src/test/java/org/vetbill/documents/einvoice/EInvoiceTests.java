package org.vetbill.documents.einvoice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Kind;
import org.vetbill.documents.InvoiceDocument.Party;
import org.vetbill.documents.SampleDocuments;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The e-invoices of the sample documents against the official rules: every document a
 * company with an e-invoice address receives passes Peppol BIS Billing 3.0 (with EN
 * 16931) as UBL and the Finvoice 3.0 schema; documents broken on purpose fail with the
 * rule they break; missing master data is named before anything is written. One
 * validator, warmed once, serves every test.
 */
class EInvoiceTests {

	private static EInvoiceValidator validator;

	private final PeppolUblWriter ubl = new PeppolUblWriter();

	private final FinvoiceWriter finvoice = new FinvoiceWriter();

	@BeforeAll
	static void warmTheValidator() {
		validator = new EInvoiceValidator();
		Duration warm = validator.warm();
		System.out.println("E-invoice validator warmed (first validations) in " + warm.toMillis() + " ms");
	}

	static Stream<InvoiceDocument> eInvoiceRecipients() {
		return SampleDocuments.finalized().stream().filter((document) -> document.buyer().electronicAddress() != null);
	}

	@ParameterizedTest
	@MethodSource("eInvoiceRecipients")
	void theUblPassesPeppolAndEn16931(InvoiceDocument document) {
		EInvoiceValidation validation = validator.validateUbl(this.ubl.write(document));
		report(document, validation);
		assertThat(validation.rules()).isEqualTo((document.kind() == Kind.CREDIT_NOTE)
				? "eu.peppol.bis3:creditnote:2026.5" : "eu.peppol.bis3:invoice:2026.5");
		assertThat(validation.errors()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("eInvoiceRecipients")
	void theFinvoicePassesItsSchema(InvoiceDocument document) {
		EInvoiceValidation validation = validator.validateFinvoice(this.finvoice.write(document));
		report(document, validation);
		assertThat(validation.rules()).isEqualTo("fi.finvoice:finvoice:3");
		assertThat(validation.errors()).isEmpty();
	}

	@Test
	void everySampleButTheConsumerIsAnEInvoiceRecipient() {
		assertThat(eInvoiceRecipients().map(InvoiceDocument::number)).containsExactly("A-1001", "A-1002", "A-1003",
				"A-1004", "A-1005");
	}

	@Test
	void aCreditNoteIsAUblCreditNoteWithPositiveAmountsAndAFinvoiceWithNegativeOnes() {
		String credit = text(this.ubl.write(SampleDocuments.creditNote()));
		assertThat(credit).contains("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"")
			.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
			.contains("<cbc:ID>A-1001</cbc:ID>\n\t\t\t<cbc:IssueDate>2026-12-04</cbc:IssueDate>")
			.contains("<cbc:CreditedQuantity unitCode=\"C62\">2</cbc:CreditedQuantity>")
			.contains("<cbc:PayableAmount currencyID=\"EUR\">27.50</cbc:PayableAmount>")
			.doesNotContain("-27.50")
			.doesNotContain("PaymentMeans");
		String finvoice = text(this.finvoice.write(SampleDocuments.creditNote()));
		assertThat(finvoice).contains("<InvoiceTypeCode>INV02</InvoiceTypeCode>")
			.contains("<OriginalInvoiceNumber>A-1001</OriginalInvoiceNumber>")
			.contains("<InvoiceTotalVatIncludedAmount AmountCurrencyIdentifier=\"EUR\">-27,50<")
			.contains("<EpiInstructedAmount AmountCurrencyIdentifier=\"EUR\">-27,50<");
	}

	@Test
	void aCreditNoteWithADueDateGivesItInItsPaymentMeans() {
		InvoiceDocument document = withDueDate(SampleDocuments.creditNote(), LocalDate.of(2026, 12, 21));
		byte[] written = this.ubl.write(document);
		assertThat(text(written)).contains("<cbc:PaymentDueDate>2026-12-21</cbc:PaymentDueDate>");
		assertThat(validator.validateUbl(written).errors()).isEmpty();
	}

	@Test
	void withoutABuyerReferenceTheNumberIsTheBuyerReference() {
		byte[] written = this.ubl.write(withBuyerReference(SampleDocuments.domesticTwoRates(), null));
		assertThat(text(written)).contains("<cbc:BuyerReference>A-1001</cbc:BuyerReference>");
		assertThat(validator.validateUbl(written).errors()).isEmpty();
	}

	@Test
	void aVatBreakdownWhoseTaxDoesNotAddUpFails() {
		String written = text(this.ubl.write(SampleDocuments.domesticTwoRates()));
		String broken = written.replace("<cbc:TaxAmount currencyID=\"EUR\">2.50</cbc:TaxAmount>",
				"<cbc:TaxAmount currencyID=\"EUR\">2.60</cbc:TaxAmount>");
		assertThat(broken).isNotEqualTo(written);
		EInvoiceValidation validation = validator.validateUbl(bytes(broken));
		assertThat(validation.valid()).isFalse();
		// the VAT total is no longer the sum of the breakdown's (BR-CO-14)
		assertThat(validation.errorRuleIds()).contains("BR-CO-14");
	}

	@Test
	void withNeitherBuyerReferenceNorOrderReferencePeppolRefuses() {
		String written = text(this.ubl.write(SampleDocuments.domesticTwoRates()));
		String broken = written.replace("\t<cbc:BuyerReference>PO-4711</cbc:BuyerReference>\n", "");
		assertThat(broken).isNotEqualTo(written);
		assertThat(validator.validateUbl(bytes(broken)).errorRuleIds()).containsExactly("PEPPOL-EN16931-R003");
	}

	@Test
	void aFinvoiceAmountWithADecimalPointBreaksTheSchema() {
		String written = text(this.finvoice.write(SampleDocuments.domesticTwoRates()));
		String broken = written.replace(">102,80<", ">102.80<");
		assertThat(broken).isNotEqualTo(written);
		EInvoiceValidation validation = validator.validateFinvoice(bytes(broken));
		assertThat(validation.errorRuleIds()).contains("cvc-pattern-valid");
		assertThat(validation.errors()).anyMatch((failure) -> failure.text().contains("102.80"));
	}

	@Test
	void theConsumerWithoutAnEInvoiceAddressIsMissingIt() {
		InvoiceDocument consumer = SampleDocuments.consumerInSwedish();
		assertThat(EInvoiceMasterData.problems(consumer, EInvoiceFormat.PEPPOL_UBL))
			.containsExactly(FieldError.of("buyer.electronicAddress", EInvoiceMasterData.REQUIRED));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> this.ubl.write(consumer))
			.satisfies((error) -> assertThat(error.errors()).extracting(FieldError::field)
				.containsExactly("buyer.electronicAddress"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> this.finvoice.write(consumer));
	}

	@Test
	void aSellerWithoutPeppolAddressOrAccountIsToldWhatToFillIn() {
		InvoiceDocument document = SampleDocuments.domesticTwoRates();
		Party seller = document.seller();
		Party bare = new Party(seller.name(), true, seller.businessId(), null, seller.address(), null, null, null, null,
				null);
		InvoiceDocument withBareSeller = withSeller(document, bare);
		assertThat(EInvoiceMasterData.problems(withBareSeller, EInvoiceFormat.PEPPOL_UBL)).extracting(FieldError::field)
			.containsExactly("seller.vatNumber", "seller.electronicAddress", "seller.iban");
		assertThat(EInvoiceMasterData.problems(withBareSeller, EInvoiceFormat.FINVOICE)).extracting(FieldError::field)
			.containsExactly("seller.vatNumber", "seller.iban", "seller.bic");
		// a paid invoice asks for no payment, so no account
		assertThat(EInvoiceMasterData.problems(withSeller(SampleDocuments.countersaleToCompany(), bare),
				EInvoiceFormat.PEPPOL_UBL))
			.extracting(FieldError::field)
			.containsExactly("seller.vatNumber", "seller.electronicAddress");
	}

	@Test
	void reverseChargeNeedsTheBuyersVatNumber() {
		InvoiceDocument document = SampleDocuments.euReverseCharge();
		Party buyer = document.buyer();
		Party withoutVat = new Party(buyer.name(), true, buyer.businessId(), null, buyer.address(), buyer.email(),
				buyer.phone(), buyer.electronicAddress(), null, null);
		assertThat(EInvoiceMasterData.problems(document, EInvoiceFormat.PEPPOL_UBL)).isEmpty();
		assertThat(EInvoiceMasterData.problems(withBuyer(document, withoutVat), EInvoiceFormat.PEPPOL_UBL))
			.containsExactly(FieldError.of("buyer.vatNumber", EInvoiceMasterData.REQUIRED_FOR_REVERSE_CHARGE));
	}

	@Test
	void aDraftIsNoEInvoice() {
		assertThat(EInvoiceMasterData.problems(SampleDocuments.draft(), EInvoiceFormat.FINVOICE))
			.containsExactly(FieldError.of("number", EInvoiceMasterData.DRAFT));
	}

	private static void report(InvoiceDocument document, EInvoiceValidation validation) {
		System.out.println(document.number() + " " + validation.rules() + " in " + validation.took().toMillis()
				+ " ms: " + validation.errors().size() + " errors, warnings " + validation.warnings());
	}

	private static String text(byte[] xml) {
		return new String(xml, StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	private static InvoiceDocument withDueDate(InvoiceDocument d, LocalDate dueDate) {
		return new InvoiceDocument(d.kind(), d.draft(), d.id(), d.number(), d.issueDate(), dueDate, d.currency(),
				d.language(), d.seller(), d.buyer(), d.referenceNumber(), d.buyerReference(), d.credited(), d.lines(),
				d.vat(), d.totalNet(), d.totalVat(), d.totalGross(), d.paid(), d.due(), d.remarks());
	}

	private static InvoiceDocument withBuyerReference(InvoiceDocument d,
			@org.jspecify.annotations.Nullable String reference) {
		return new InvoiceDocument(d.kind(), d.draft(), d.id(), d.number(), d.issueDate(), d.dueDate(), d.currency(),
				d.language(), d.seller(), d.buyer(), d.referenceNumber(), reference, d.credited(), d.lines(), d.vat(),
				d.totalNet(), d.totalVat(), d.totalGross(), d.paid(), d.due(), d.remarks());
	}

	private static InvoiceDocument withSeller(InvoiceDocument d, Party seller) {
		return new InvoiceDocument(d.kind(), d.draft(), d.id(), d.number(), d.issueDate(), d.dueDate(), d.currency(),
				d.language(), seller, d.buyer(), d.referenceNumber(), d.buyerReference(), d.credited(), d.lines(),
				d.vat(), d.totalNet(), d.totalVat(), d.totalGross(), d.paid(), d.due(), d.remarks());
	}

	private static InvoiceDocument withBuyer(InvoiceDocument d, Party buyer) {
		return new InvoiceDocument(d.kind(), d.draft(), d.id(), d.number(), d.issueDate(), d.dueDate(), d.currency(),
				d.language(), d.seller(), buyer, d.referenceNumber(), d.buyerReference(), d.credited(), d.lines(),
				d.vat(), d.totalNet(), d.totalVat(), d.totalGross(), d.paid(), d.due(), d.remarks());
	}

}
