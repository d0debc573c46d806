package org.vetbill.documents;

/**
 * Writes the Peppol BIS Billing 3.0 UBL of an invoice or credit note, as Peppol access
 * points take it. Sending writes it to the e-invoice outbox; the e-invoice module
 * implements it.
 */
@FunctionalInterface
public interface UblRenderer {

	/**
	 * The UBL 2.1 XML of a document ({@code Invoice} or {@code CreditNote}).
	 * @param document the invoice or credit note
	 * @return the XML file's bytes (UTF-8)
	 */
	byte[] ubl(InvoiceDocument document);

}
