package org.vetbill.documents.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Address;
import org.vetbill.documents.InvoiceDocument.ElectronicAddress;
import org.vetbill.documents.InvoiceDocument.Kind;
import org.vetbill.documents.InvoiceDocument.Line;
import org.vetbill.documents.InvoiceDocument.Party;
import org.vetbill.documents.InvoiceDocument.VatCategory;
import org.vetbill.documents.InvoiceDocument.VatSubtotal;

import org.springframework.stereotype.Component;

/**
 * Writes an invoice or credit note as a Finvoice 3.0 message, the format of the Finnish
 * banks and e-invoicing operators, with the JDK's StAX writer like
 * {@link PeppolUblWriter} (Finvoice has no Java model worth a dependency).
 * <p>
 * As Finvoice wants them: amounts with a decimal comma and the ledger's sign (a credit
 * note, type {@code INV02} "HYVITYSLASKU", has negative rows and totals), dates as
 * {@code CCYYMMDD}, and the payment instructions ({@code EpiDetails}: account, BIC,
 * reference, amount and due date), which the schema requires even on a credit note. The
 * routing ({@code MessageTransmissionDetails}) is written when both parties' e-invoice
 * addresses and operators are known. Finvoice has no schematron: the figures are the
 * ledger's own, which add up.
 */
@Component
public class FinvoiceWriter {

	private static final String NONE = "";

	private static final String DATE_FORMAT = "CCYYMMDD";

	/**
	 * Writes the Finvoice message.
	 * @param document a finalized invoice or credit note
	 * @return the message, UTF-8
	 * @throws org.vetbill.shared.error.InvalidInput naming the master data the message
	 * misses ({@link EInvoiceMasterData})
	 */
	public byte[] write(InvoiceDocument document) {
		EInvoiceMasterData.require(document, EInvoiceFormat.FINVOICE);
		XmlOut xml = new XmlOut().root(NONE, "Finvoice");
		xml.attribute("Version", "3.0");
		transmission(xml, document);
		seller(xml, document.seller());
		buyer(xml, document.buyer());
		details(xml, document);
		for (Line line : document.lines()) {
			row(xml, line, document.currency());
		}
		payment(xml, document);
		return xml.toBytes();
	}

	private static void transmission(XmlOut xml, InvoiceDocument document) {
		ElectronicAddress from = document.seller().electronicAddress();
		ElectronicAddress to = document.buyer().electronicAddress();
		if (from == null || to == null || from.operator() == null || to.operator() == null) {
			return;
		}
		xml.open(NONE, "MessageTransmissionDetails")
			.open(NONE, "MessageSenderDetails")
			.leaf(NONE, "FromIdentifier", from.id())
			.leaf(NONE, "FromIntermediator", from.operator())
			.close()
			.open(NONE, "MessageReceiverDetails")
			.leaf(NONE, "ToIdentifier", to.id())
			.leaf(NONE, "ToIntermediator", to.operator())
			.close()
			.open(NONE, "MessageDetails")
			.leaf(NONE, "MessageIdentifier", document.number())
			// the issue date, so that the same invoice always gives the same message
			.leaf(NONE, "MessageTimeStamp", document.issueDate() + "T00:00:00")
			.close()
			.close();
	}

	private static void seller(XmlOut xml, Party seller) {
		xml.open(NONE, "SellerPartyDetails")
			.leaf(NONE, "SellerPartyIdentifier", seller.businessId())
			.leaf(NONE, "SellerOrganisationName", seller.name())
			.leaf(NONE, "SellerOrganisationTaxCode", seller.vatNumber());
		address(xml, "Seller", seller.address());
		xml.close();
		ElectronicAddress address = seller.electronicAddress();
		xml.leaf(NONE, "SellerOrganisationUnitNumber", (address != null) ? address.id() : null);
		if (seller.phone() != null || seller.email() != null) {
			xml.open(NONE, "SellerCommunicationDetails")
				.leaf(NONE, "SellerPhoneNumberIdentifier", seller.phone())
				.leaf(NONE, "SellerEmailaddressIdentifier", seller.email())
				.close();
		}
		xml.open(NONE, "SellerInformationDetails")
			.open(NONE, "SellerAccountDetails")
			.leaf(NONE, "SellerAccountID", seller.iban(), "IdentificationSchemeName", "IBAN")
			.leaf(NONE, "SellerBic", seller.bic(), "IdentificationSchemeName", "BIC")
			.close()
			.close();
	}

	private static void buyer(XmlOut xml, Party buyer) {
		xml.open(NONE, "BuyerPartyDetails")
			.leaf(NONE, "BuyerPartyIdentifier", buyer.businessId())
			.leaf(NONE, "BuyerOrganisationName", buyer.name())
			.leaf(NONE, "BuyerOrganisationTaxCode", buyer.vatNumber());
		address(xml, "Buyer", buyer.address());
		xml.close();
		ElectronicAddress address = buyer.electronicAddress();
		xml.leaf(NONE, "BuyerOrganisationUnitNumber", (address != null) ? address.id() : null);
		if (buyer.phone() != null || buyer.email() != null) {
			xml.open(NONE, "BuyerCommunicationDetails")
				.leaf(NONE, "BuyerPhoneNumberIdentifier", buyer.phone())
				.leaf(NONE, "BuyerEmailaddressIdentifier", buyer.email())
				.close();
		}
	}

	/**
	 * A postal address, written only when whole: Finvoice requires street, town and code.
	 */
	private static void address(XmlOut xml, String party, Address address) {
		if (address.street() == null || address.city() == null || address.zipCode() == null) {
			return;
		}
		xml.open(NONE, party + "PostalAddressDetails")
			.leaf(NONE, party + "StreetName", address.street())
			.leaf(NONE, party + "StreetName", address.street2())
			.leaf(NONE, party + "TownName", address.city())
			.leaf(NONE, party + "PostCodeIdentifier", address.zipCode())
			.leaf(NONE, "CountryCode", address.countryCode())
			.close();
	}

	private static void details(XmlOut xml, InvoiceDocument document) {
		boolean credit = document.kind() == Kind.CREDIT_NOTE;
		String currency = document.currency();
		xml.open(NONE, "InvoiceDetails")
			.leaf(NONE, "InvoiceTypeCode", credit ? "INV02" : "INV01")
			.leaf(NONE, "InvoiceTypeCodeUN", credit ? "381" : "380")
			.leaf(NONE, "InvoiceTypeText", credit ? "HYVITYSLASKU" : "LASKU")
			.leaf(NONE, "OriginCode", "Original")
			.leaf(NONE, "InvoiceNumber", document.number());
		date(xml, "InvoiceDate", document.issueDate());
		if (document.credited() != null) {
			xml.leaf(NONE, "OriginalInvoiceNumber", document.credited().number());
			date(xml, "OriginalInvoiceDate", document.credited().issueDate());
		}
		xml.leaf(NONE, "BuyerReferenceIdentifier", document.buyerReference());
		amount(xml, "RowsTotalVatExcludedAmount", document.totalNet(), currency);
		amount(xml, "InvoiceTotalVatExcludedAmount", document.totalNet(), currency);
		amount(xml, "InvoiceTotalVatAmount", document.totalVat(), currency);
		amount(xml, "InvoiceTotalVatIncludedAmount", document.totalGross(), currency);
		if (document.paid().signum() != 0) {
			amount(xml, "InvoicePaidAmount", document.paid(), currency);
		}
		for (VatSubtotal subtotal : document.vat()) {
			xml.open(NONE, "VatSpecificationDetails");
			amount(xml, "VatBaseAmount", subtotal.taxable(), currency);
			xml.leaf(NONE, "VatRatePercent", Figures.finvoiceNumber(subtotal.percent()))
				.leaf(NONE, "VatCode", subtotal.category().code());
			amount(xml, "VatRateAmount", subtotal.tax(), currency);
			if (subtotal.category() == VatCategory.REVERSE_CHARGE) {
				xml.leaf(NONE, "VatFreeText", "Reverse charge").leaf(NONE, "VatExemptionReasonCode", "VATEX-EU-AE");
			}
			xml.close();
		}
		xml.leaf(NONE, "InvoiceFreeText", document.remarks());
		if (document.dueDate() != null) {
			xml.open(NONE, "PaymentTermsDetails");
			date(xml, "InvoiceDueDate", document.dueDate());
			xml.close();
		}
		xml.close();
	}

	private static void row(XmlOut xml, Line line, String currency) {
		xml.open(NONE, "InvoiceRow")
			.leaf(NONE, "ArticleIdentifier", line.itemCode())
			.leaf(NONE, "ArticleName", line.name())
			.leaf(NONE, "DeliveredQuantity", Figures.finvoiceNumber(line.quantity()), "QuantityUnitCodeUN", "C62");
		xml.leaf(NONE, "UnitPriceAmount", Figures.finvoiceAmount(line.unitPrice()), "AmountCurrencyIdentifier",
				currency);
		xml.leaf(NONE, "RowPositionIdentifier", line.position())
			.leaf(NONE, "RowFreeText", (line.patientName() != null) ? "Patient: " + line.patientName() : null);
		if (line.discountPercent().signum() != 0) {
			xml.leaf(NONE, "RowDiscountPercent", Figures.finvoiceNumber(line.discountPercent().abs()));
		}
		xml.leaf(NONE, "RowVatRatePercent", Figures.finvoiceNumber(line.vatPercent()))
			.leaf(NONE, "RowVatCode", line.vatCategory().code());
		amount(xml, "RowVatAmount", line.vatAmount(), currency);
		amount(xml, "RowVatExcludedAmount", line.net(), currency);
		amount(xml, "RowAmount", line.gross(), currency);
		xml.close();
	}

	private static void payment(XmlOut xml, InvoiceDocument document) {
		Party seller = document.seller();
		String reference = document.referenceNumber();
		LocalDate due = (document.dueDate() != null) ? document.dueDate() : document.issueDate();
		xml.open(NONE, "EpiDetails").open(NONE, "EpiIdentificationDetails");
		date(xml, "EpiDate", document.issueDate());
		xml.leaf(NONE, "EpiReference", document.number())
			.close()
			.open(NONE, "EpiPartyDetails")
			.open(NONE, "EpiBfiPartyDetails")
			.leaf(NONE, "EpiBfiIdentifier", seller.bic(), "IdentificationSchemeName", "BIC")
			.close()
			.open(NONE, "EpiBeneficiaryPartyDetails")
			.leaf(NONE, "EpiNameAddressDetails", shortened(seller.name(), 35))
			.leaf(NONE, "EpiBei", seller.businessId())
			.leaf(NONE, "EpiAccountID", seller.iban(), "IdentificationSchemeName", "IBAN")
			.close()
			.close()
			.open(NONE, "EpiPaymentInstructionDetails")
			.leaf(NONE, "EpiRemittanceInfoIdentifier", reference, "IdentificationSchemeName", scheme(reference));
		amount(xml, "EpiInstructedAmount", document.due(), document.currency());
		xml.leaf(NONE, "EpiCharge", "SHA", "ChargeOption", "SHA");
		date(xml, "EpiDateOptionDate", due);
		xml.close().close();
	}

	/** {@code ISO} for an RF creditor reference, {@code SPY} for a Finnish one. */
	private static @Nullable String scheme(@Nullable String reference) {
		if (reference == null) {
			return null;
		}
		return reference.toUpperCase(Locale.ROOT).startsWith("RF") ? "ISO" : "SPY";
	}

	private static String shortened(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	private static void date(XmlOut xml, String name, LocalDate date) {
		xml.leaf(NONE, name, Figures.finvoiceDate(date), "Format", DATE_FORMAT);
	}

	private static void amount(XmlOut xml, String name, BigDecimal amount, String currency) {
		xml.leaf(NONE, name, Figures.finvoiceAmount(amount), "AmountCurrencyIdentifier", currency);
	}

}
