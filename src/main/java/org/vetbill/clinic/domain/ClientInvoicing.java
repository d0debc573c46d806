package org.vetbill.clinic.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;

/**
 * How a client's invoices reach them: the language of their documents, email or
 * e-invoice, their e-invoice address and operator, and the reference they want on
 * invoices (their order number or cost centre).
 *
 * @param documentLanguage {@code fi}, {@code sv} or {@code en}; null for the
 * organization's
 * @param invoiceDelivery how invoices are sent; null sends nothing unless asked
 * @param einvoiceAddressScheme the Peppol EAS scheme of the e-invoice address (four
 * digits: {@code 0216} for an OVT code, {@code 0037} for a Finnish business id,
 * {@code 9930} for a German VAT number)
 * @param einvoiceAddress the e-invoice address
 * @param einvoiceOperator the client's e-invoicing operator (its BIC or OVT code)
 * @param buyerReference the reference the client wants on their invoices
 */
public record ClientInvoicing(@Nullable String documentLanguage, @Nullable InvoiceDelivery invoiceDelivery,
		@Nullable String einvoiceAddressScheme, @Nullable @Size(max = 100) String einvoiceAddress,
		@Nullable @Size(max = 35) String einvoiceOperator, @Nullable @Size(max = 70) String buyerReference) {

	/** A client with nothing set. */
	public static final ClientInvoicing NONE = new ClientInvoicing(null, null, null, null, null, null);

	/**
	 * Checks the rules that tie fields together.
	 * @return the problems found, empty when valid
	 */
	public List<FieldError> problems() {
		List<FieldError> problems = new ArrayList<>();
		if (this.documentLanguage != null && !Codes.isDocumentLanguage(this.documentLanguage)) {
			problems.add(FieldError.of("documentLanguage", "not_a_document_language", "documentLanguage",
					this.documentLanguage));
		}
		EinvoiceAddresses.check(this.einvoiceAddressScheme, this.einvoiceAddress, problems);
		if (this.invoiceDelivery == InvoiceDelivery.EINVOICE && this.einvoiceAddress == null) {
			problems.add(FieldError.of("einvoiceAddress", "required_for_einvoice_delivery"));
		}
		return problems;
	}

	/** How a client's invoices are sent. */
	public enum InvoiceDelivery {

		/** By email to the client's address, the PDF attached. */
		EMAIL,

		/** As an e-invoice to the client's e-invoice address, through the operator. */
		EINVOICE

	}

}
