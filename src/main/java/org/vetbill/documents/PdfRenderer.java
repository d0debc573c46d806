package org.vetbill.documents;

/**
 * Writes the printable PDF of an invoice or credit note. Sending attaches it to the
 * invoice email; the PDF module implements it.
 */
@FunctionalInterface
public interface PdfRenderer {

	/**
	 * The PDF of a document.
	 * @param document the invoice or credit note
	 * @return the PDF file's bytes
	 */
	byte[] pdf(InvoiceDocument document);

}
