package org.vetbill.documents.einvoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Kind;
import org.vetbill.documents.InvoiceDocument.Line;
import org.vetbill.documents.InvoiceDocument.VatCategory;
import org.vetbill.documents.InvoiceDocument.VatSubtotal;

import org.springframework.stereotype.Component;

/**
 * Writes an invoice as a Peppol BIS Billing 3.0 UBL 2.1 {@code Invoice} (380) and a
 * credit note as a {@code CreditNote} (381), with the credit note's amounts and
 * quantities turned positive as UBL wants them.
 * <p>
 * It writes with the JDK's StAX writer rather than ph-ubl's JAXB model: an invoice and a
 * credit note are two unrelated JAXB class trees ({@code InvoiceType} with
 * {@code InvoiceLineType}, {@code CreditNoteType} with {@code CreditNoteLineType}), so
 * the model would need every line and total written twice, and each amount is a typed
 * object with its own currency attribute to set; one StAX writer whose few names differ
 * by kind is the shorter code. The document's correctness is checked where it matters, by
 * the official UBL schema and schematron ({@link EInvoiceValidator}).
 * <p>
 * Choices where the rules leave one:
 * <ul>
 * <li>the buyer reference (BT-10) is the document's buyer reference or, when it has none,
 * the document number: Peppol wants a buyer reference or an order reference on every
 * invoice (PEPPOL-EN16931-R003), and the number is what the buyer can quote back;</li>
 * <li>a row's discount is a line allowance (reason code 95, with its percentage and base)
 * from the undiscounted price, so the e-invoice shows the list price and the discount as
 * the PDF does; a negative discount is a line charge;</li>
 * <li>the prepaid amount (BT-113) is everything the buyer no longer owes (payments and
 * any write-off: EN 16931 has no place for a write-off), so that the amount due equals
 * the document's {@code due};</li>
 * <li>payment means (SEPA credit transfer, 58) are written only when something is to be
 * paid: an invoice with an amount due, or a credit note with a due date.</li>
 * </ul>
 */
@Component
public class PeppolUblWriter {

	static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

	static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

	private static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

	private static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

	/**
	 * Writes the e-invoice.
	 * @param document a finalized invoice or credit note
	 * @return the UBL document, UTF-8
	 * @throws org.vetbill.shared.error.InvalidInput naming the master data a valid
	 * e-invoice misses ({@link EInvoiceMasterData})
	 */
	public byte[] write(InvoiceDocument document) {
		EInvoiceMasterData.require(document, EInvoiceFormat.PEPPOL_UBL);
		boolean credit = document.kind() == Kind.CREDIT_NOTE;
		String root = credit ? "CreditNote" : "Invoice";
		Signed signed = new Signed(credit ? BigDecimal.ONE.negate() : BigDecimal.ONE, document.currency());
		XmlOut xml = new XmlOut().root("urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2", root, "cac", CAC,
				"cbc", CBC);
		xml.leaf(CBC, "CustomizationID", CUSTOMIZATION)
			.leaf(CBC, "ProfileID", PROFILE)
			.leaf(CBC, "ID", document.number())
			.leaf(CBC, "IssueDate", document.issueDate());
		if (credit) {
			xml.leaf(CBC, "CreditNoteTypeCode", "381");
		}
		else {
			xml.leaf(CBC, "DueDate", document.dueDate()).leaf(CBC, "InvoiceTypeCode", "380");
		}
		xml.leaf(CBC, "Note", document.remarks())
			.leaf(CBC, "DocumentCurrencyCode", document.currency())
			.leaf(CBC, "BuyerReference", buyerReference(document));
		if (document.credited() != null) {
			xml.open(CAC, "BillingReference")
				.open(CAC, "InvoiceDocumentReference")
				.leaf(CBC, "ID", document.credited().number())
				.leaf(CBC, "IssueDate", document.credited().issueDate())
				.close()
				.close();
		}
		UblParties.party(xml, "AccountingSupplierParty", document.seller());
		UblParties.party(xml, "AccountingCustomerParty", document.buyer());
		UblParties.payment(xml, document, credit);
		taxTotal(xml, document, signed);
		totals(xml, document, signed);
		for (Line line : document.lines()) {
			line(xml, line, credit, signed);
		}
		return xml.toBytes();
	}

	/**
	 * The buyer reference the e-invoice gives: the document's, or its number.
	 * @param document the document
	 * @return the reference
	 */
	static @Nullable String buyerReference(InvoiceDocument document) {
		String reference = document.buyerReference();
		return (reference != null && !reference.isBlank()) ? reference : document.number();
	}

	private static void taxTotal(XmlOut xml, InvoiceDocument document, Signed signed) {
		xml.open(CAC, "TaxTotal")
			.leaf(CBC, "TaxAmount", signed.amount(document.totalVat()), "currencyID", signed.currency());
		for (VatSubtotal subtotal : document.vat()) {
			xml.open(CAC, "TaxSubtotal")
				.leaf(CBC, "TaxableAmount", signed.amount(subtotal.taxable()), "currencyID", signed.currency())
				.leaf(CBC, "TaxAmount", signed.amount(subtotal.tax()), "currencyID", signed.currency());
			taxCategory(xml, "TaxCategory", subtotal.category(), subtotal.percent(), true);
			xml.close();
		}
		xml.close();
	}

	private static void taxCategory(XmlOut xml, String element, VatCategory category, BigDecimal percent,
			boolean withReason) {
		xml.open(CAC, element).leaf(CBC, "ID", category.code()).leaf(CBC, "Percent", Figures.number(percent));
		if (withReason && category == VatCategory.REVERSE_CHARGE) {
			xml.leaf(CBC, "TaxExemptionReasonCode", "VATEX-EU-AE").leaf(CBC, "TaxExemptionReason", "Reverse charge");
		}
		xml.open(CAC, "TaxScheme").leaf(CBC, "ID", "VAT").close().close();
	}

	private static void totals(XmlOut xml, InvoiceDocument document, Signed signed) {
		BigDecimal settled = document.totalGross().subtract(document.due());
		xml.open(CAC, "LegalMonetaryTotal")
			.leaf(CBC, "LineExtensionAmount", signed.amount(document.totalNet()), "currencyID", signed.currency())
			.leaf(CBC, "TaxExclusiveAmount", signed.amount(document.totalNet()), "currencyID", signed.currency())
			.leaf(CBC, "TaxInclusiveAmount", signed.amount(document.totalGross()), "currencyID", signed.currency())
			.leaf(CBC, "PrepaidAmount", (settled.signum() != 0) ? signed.amount(settled) : null, "currencyID",
					signed.currency())
			.leaf(CBC, "PayableAmount", signed.amount(document.due()), "currencyID", signed.currency())
			.close();
	}

	private static void line(XmlOut xml, Line line, boolean credit, Signed signed) {
		// the price is never negative (BR-27): a negative row is a negative quantity
		BigDecimal quantity = line.quantity().multiply(signed.sign());
		BigDecimal price = line.unitPrice();
		if (price.signum() < 0) {
			price = price.negate();
			quantity = quantity.negate();
		}
		BigDecimal net = line.net().multiply(signed.sign());
		xml.open(CAC, credit ? "CreditNoteLine" : "InvoiceLine")
			.leaf(CBC, "ID", line.position())
			.leaf(CBC, "Note", (line.patientName() != null) ? "Patient: " + line.patientName() : null)
			.leaf(CBC, credit ? "CreditedQuantity" : "InvoicedQuantity", Figures.number(quantity), "unitCode", "C62")
			.leaf(CBC, "LineExtensionAmount", Figures.amount(net), "currencyID", signed.currency());
		if (line.discountPercent().signum() != 0) {
			BigDecimal base = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
			BigDecimal allowance = base.subtract(net);
			boolean charge = line.discountPercent().signum() < 0;
			BigDecimal percent = line.discountPercent().abs();
			// the percentage and base are shown only where they give the amount exactly
			// (PEPPOL-EN16931-R040); the rounding of a row's net may differ by a cent
			boolean exact = base.multiply(percent)
				.movePointLeft(2)
				.setScale(2, RoundingMode.HALF_UP)
				.compareTo(allowance.abs()) == 0;
			xml.open(CAC, "AllowanceCharge")
				.leaf(CBC, "ChargeIndicator", charge)
				.leaf(CBC, "AllowanceChargeReasonCode", charge ? null : "95")
				.leaf(CBC, "AllowanceChargeReason", charge ? "Surcharge" : "Discount")
				.leaf(CBC, "MultiplierFactorNumeric", exact ? Figures.number(percent) : null)
				.leaf(CBC, "Amount", Figures.amount(allowance.abs()), "currencyID", signed.currency())
				.leaf(CBC, "BaseAmount", exact ? Figures.amount(base) : null, "currencyID", signed.currency())
				.close();
		}
		xml.open(CAC, "Item").leaf(CBC, "Name", line.name());
		if (line.itemCode() != null) {
			xml.open(CAC, "SellersItemIdentification").leaf(CBC, "ID", line.itemCode()).close();
		}
		taxCategory(xml, "ClassifiedTaxCategory", line.vatCategory(), line.vatPercent(), false);
		xml.close()
			.open(CAC, "Price")
			.leaf(CBC, "PriceAmount", Figures.amount(price), "currencyID", signed.currency())
			.close()
			.close();
	}

	/**
	 * The sign a document's amounts get in UBL, and their currency.
	 */
	private record Signed(BigDecimal sign, String currency) {

		String amount(BigDecimal amount) {
			return Figures.amount(amount.multiply(this.sign));
		}

	}

}
