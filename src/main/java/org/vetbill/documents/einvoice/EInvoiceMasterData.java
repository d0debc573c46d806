package org.vetbill.documents.einvoice;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Party;
import org.vetbill.documents.InvoiceDocument.VatCategory;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;

/**
 * The master data an e-invoice cannot go without, checked before one is written: a file
 * that the receiver's operator rejects for a missing VAT number helps no one, a clear
 * answer naming what to fill in does. Each problem names the field of the document
 * ({@code seller.electronicAddress}, {@code buyer.vatNumber}) with the code
 * {@value #REQUIRED} or, for the buyer's VAT number on a reverse-charge invoice,
 * {@value #REQUIRED_FOR_REVERSE_CHARGE}; a draft, which has no number yet, is
 * {@value #DRAFT}.
 */
public final class EInvoiceMasterData {

	/** The code of a field an e-invoice needs. */
	public static final String REQUIRED = "required_for_einvoice";

	/** The code of the buyer's VAT number on a reverse-charge invoice. */
	public static final String REQUIRED_FOR_REVERSE_CHARGE = "required_for_reverse_charge_einvoice";

	/** The code of a draft, which is not sent as an e-invoice. */
	public static final String DRAFT = "einvoice_of_draft";

	private EInvoiceMasterData() {
	}

	/**
	 * What a valid e-invoice of the document misses.
	 * @param document the invoice or credit note
	 * @param format the format it is to be written in
	 * @return the problems, field by field; empty when nothing is missing
	 */
	public static List<FieldError> problems(InvoiceDocument document, EInvoiceFormat format) {
		List<FieldError> problems = new ArrayList<>();
		if (document.draft() || document.number() == null) {
			problems.add(FieldError.of("number", "einvoice_of_draft"));
		}
		Party seller = document.seller();
		Party buyer = document.buyer();
		// every VAT category vetbill uses needs the seller's VAT number (BR-S-02,
		// BR-Z-02,
		// BR-AE-02), and every e-invoice a country for both parties (BR-09, BR-11)
		require(problems, "seller.vatNumber", seller.vatNumber());
		require(problems, "seller.address.countryCode", seller.address().countryCode());
		require(problems, "buyer.address.countryCode", buyer.address().countryCode());
		// the receiver's address: without it there is no one to send the e-invoice to
		require(problems, "buyer.electronicAddress", buyer.electronicAddress());
		if (format == EInvoiceFormat.PEPPOL_UBL) {
			// the seller's Peppol address (PEPPOL-EN16931-R020)
			require(problems, "seller.electronicAddress", seller.electronicAddress());
			if (UblParties.payable(document)) {
				// a credit transfer names the account (BR-50, BR-61)
				require(problems, "seller.iban", seller.iban());
			}
		}
		else {
			// Finvoice's payment details (EpiDetails, SellerAccountDetails) are mandatory
			require(problems, "seller.iban", seller.iban());
			require(problems, "seller.bic", seller.bic());
		}
		boolean reverseCharge = document.vat()
			.stream()
			.anyMatch((subtotal) -> subtotal.category() == VatCategory.REVERSE_CHARGE);
		if (reverseCharge && blank(buyer.vatNumber())) {
			// the buyer accounts for the VAT under its own VAT number (BR-AE-02)
			problems.add(FieldError.of("buyer.vatNumber", "required_for_reverse_charge_einvoice"));
		}
		return problems;
	}

	/**
	 * Refuses a document whose e-invoice would miss master data.
	 * @param document the invoice or credit note
	 * @param format the format it is to be written in
	 * @throws InvalidInput naming every missing field
	 */
	public static void require(InvoiceDocument document, EInvoiceFormat format) {
		List<FieldError> problems = problems(document, format);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static void require(List<FieldError> problems, String field, @Nullable Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			problems.add(FieldError.of(field, "required_for_einvoice"));
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
