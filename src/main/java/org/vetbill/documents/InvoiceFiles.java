package org.vetbill.documents;

import org.vetbill.shared.Caller;

import org.springframework.stereotype.Service;

/**
 * The files of an invoice or credit note as the APIs hand them out: the PDF of any
 * invoice (a draft's marked as one), and the e-invoices of a finalized one, each checked
 * against the official rules before it leaves (an invoice whose master data cannot make a
 * valid one is refused, naming what is missing).
 */
@Service
public class InvoiceFiles {

	private final InvoiceDocuments documents;

	private final PdfRenderer pdf;

	private final UblRenderer ubl;

	private final FinvoiceRenderer finvoice;

	InvoiceFiles(InvoiceDocuments documents, PdfRenderer pdf, UblRenderer ubl, FinvoiceRenderer finvoice) {
		this.documents = documents;
		this.pdf = pdf;
		this.ubl = ubl;
		this.finvoice = finvoice;
	}

	/**
	 * The printable invoice.
	 * @param caller the organization and the actor asking
	 * @param invoiceId the invoice or credit note
	 * @return its PDF/A-3b
	 */
	public DocumentFile pdf(Caller caller, long invoiceId) {
		InvoiceDocument document = this.documents.of(caller, invoiceId);
		return new DocumentFile(name(document, ".pdf"), "application/pdf", this.pdf.pdf(document));
	}

	/**
	 * The Peppol BIS Billing 3.0 UBL invoice or credit note.
	 * @param caller the organization and the actor asking
	 * @param invoiceId a finalized invoice or credit note
	 * @return its UBL, valid by the Peppol and EN 16931 rules
	 * @throws org.vetbill.shared.error.InvalidInput naming the master data that is
	 * missing
	 */
	public DocumentFile ubl(Caller caller, long invoiceId) {
		InvoiceDocument document = this.documents.of(caller, invoiceId);
		return new DocumentFile(name(document, "-peppol.xml"), "application/xml", this.ubl.ubl(document));
	}

	/**
	 * The Finvoice 3.0 invoice or credit note.
	 * @param caller the organization and the actor asking
	 * @param invoiceId a finalized invoice or credit note
	 * @return its Finvoice, valid by the Finvoice 3.0 schema
	 * @throws org.vetbill.shared.error.InvalidInput naming the master data that is
	 * missing
	 */
	public DocumentFile finvoice(Caller caller, long invoiceId) {
		InvoiceDocument document = this.documents.of(caller, invoiceId);
		return new DocumentFile(name(document, "-finvoice.xml"), "application/xml", this.finvoice.finvoice(document));
	}

	private static String name(InvoiceDocument document, String suffix) {
		String number = document.number();
		return ((number == null) ? "draft-" + document.id() : number.replaceAll("[^0-9A-Za-z_-]", "_")) + suffix;
	}

}
