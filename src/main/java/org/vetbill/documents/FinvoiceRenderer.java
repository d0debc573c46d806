package org.vetbill.documents;

/**
 * Writes the Finvoice 3.0 message of an invoice or credit note, as Finnish e-invoicing
 * operators take it. Sending writes it to the e-invoice outbox; the e-invoice module
 * implements it.
 */
@FunctionalInterface
public interface FinvoiceRenderer {

	/**
	 * The Finvoice XML of a document.
	 * @param document the invoice or credit note
	 * @return the XML file's bytes (UTF-8)
	 */
	byte[] finvoice(InvoiceDocument document);

}
