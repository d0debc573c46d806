package org.vetbill.documents.einvoice;

import static org.vetbill.documents.einvoice.PeppolUblWriter.CAC;
import static org.vetbill.documents.einvoice.PeppolUblWriter.CBC;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Address;
import org.vetbill.documents.InvoiceDocument.ElectronicAddress;
import org.vetbill.documents.InvoiceDocument.Party;

/**
 * The parties and the payment instructions of a Peppol UBL document.
 */
final class UblParties {

	/** The ISO 6523 scheme of a Finnish business id (Y-tunnus). */
	static final String FINNISH_BUSINESS_ID = "0037";

	private UblParties() {
	}

	/**
	 * Writes a party: its electronic address, postal address, VAT number, legal name and
	 * business id, and contact.
	 * @param xml the document
	 * @param role {@code AccountingSupplierParty} or {@code AccountingCustomerParty}
	 * @param party the seller or the buyer
	 */
	static void party(XmlOut xml, String role, Party party) {
		xml.open(CAC, role).open(CAC, "Party");
		ElectronicAddress endpoint = party.electronicAddress();
		if (endpoint != null) {
			xml.leaf(CBC, "EndpointID", endpoint.id(), "schemeID", endpoint.scheme());
		}
		Address address = party.address();
		xml.open(CAC, "PostalAddress")
			.leaf(CBC, "StreetName", address.street())
			.leaf(CBC, "AdditionalStreetName", address.street2())
			.leaf(CBC, "CityName", address.city())
			.leaf(CBC, "PostalZone", address.zipCode())
			.open(CAC, "Country")
			.leaf(CBC, "IdentificationCode", address.countryCode())
			.close()
			.close();
		if (party.vatNumber() != null) {
			xml.open(CAC, "PartyTaxScheme")
				.leaf(CBC, "CompanyID", party.vatNumber())
				.open(CAC, "TaxScheme")
				.leaf(CBC, "ID", "VAT")
				.close()
				.close();
		}
		xml.open(CAC, "PartyLegalEntity")
			.leaf(CBC, "RegistrationName", party.name())
			.leaf(CBC, "CompanyID", party.businessId(), "schemeID", finnish(party) ? FINNISH_BUSINESS_ID : null)
			.close();
		if (party.phone() != null || party.email() != null) {
			xml.open(CAC, "Contact")
				.leaf(CBC, "Telephone", party.phone())
				.leaf(CBC, "ElectronicMail", party.email())
				.close();
		}
		xml.close().close();
	}

	/**
	 * Writes the payment means when something is to be paid: a SEPA credit transfer (58)
	 * to the seller's account, with the payment reference, and on a credit note its due
	 * date; on an invoice with an amount due and no due date, payment terms saying it is
	 * due on receipt (BR-CO-25).
	 * @param xml the document
	 * @param document the invoice or credit note
	 * @param credit whether it is a credit note
	 */
	static void payment(XmlOut xml, InvoiceDocument document, boolean credit) {
		if (!payable(document)) {
			return;
		}
		Party seller = document.seller();
		xml.open(CAC, "PaymentMeans")
			.leaf(CBC, "PaymentMeansCode", "58", "name", "SEPA credit transfer")
			.leaf(CBC, "PaymentDueDate", credit ? document.dueDate() : null)
			.leaf(CBC, "PaymentID", document.referenceNumber())
			.open(CAC, "PayeeFinancialAccount")
			.leaf(CBC, "ID", seller.iban());
		if (seller.bic() != null) {
			xml.open(CAC, "FinancialInstitutionBranch").leaf(CBC, "ID", seller.bic()).close();
		}
		xml.close().close();
		if (!credit && document.dueDate() == null) {
			xml.open(CAC, "PaymentTerms").leaf(CBC, "Note", "Due on receipt").close();
		}
	}

	/**
	 * Whether the document asks for a payment: an invoice with an amount due, or a credit
	 * note with a due date.
	 * @param document the document
	 * @return true when payment means are written
	 */
	static boolean payable(InvoiceDocument document) {
		return (document.kind() == InvoiceDocument.Kind.CREDIT_NOTE) ? document.dueDate() != null
				: document.due().signum() > 0;
	}

	private static boolean finnish(Party party) {
		return "FI".equals(countryCode(party));
	}

	private static @Nullable String countryCode(Party party) {
		return party.address().countryCode();
	}

}
