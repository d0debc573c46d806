package org.vetbill.documents.sending;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.documents.FinvoiceRenderer;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocuments;
import org.vetbill.documents.PdfRenderer;
import org.vetbill.documents.SampleDocuments;
import org.vetbill.documents.UblRenderer;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.shared.Caller;

/**
 * Stand-ins for what other modules provide to sending: the documents, read from the
 * ledger through {@link InvoiceQueries} with the language and e-invoice address the test
 * gives each client (master data vetbill does not keep yet), and renderers whose bytes
 * name the document (a fake PDF is enough: what these tests test is the sending).
 */
final class TestDocuments implements InvoiceDocuments, PdfRenderer, FinvoiceRenderer, UblRenderer {

	private final InvoiceQueries invoices;

	private final Clients clients;

	private final Map<Long, Locale> languages = new ConcurrentHashMap<>();

	private final Map<Long, InvoiceDocument.ElectronicAddress> addresses = new ConcurrentHashMap<>();

	TestDocuments(InvoiceQueries invoices, Clients clients) {
		this.invoices = invoices;
		this.clients = clients;
	}

	/**
	 * Sets the language a client's documents are written in (Finnish unless set).
	 * @param clientId the client
	 * @param language the language
	 */
	void speaks(long clientId, Locale language) {
		this.languages.put(clientId, language);
	}

	/**
	 * Gives a client an e-invoice address.
	 * @param clientId the client
	 * @param address the address
	 */
	void reachedAt(long clientId, InvoiceDocument.ElectronicAddress address) {
		this.addresses.put(clientId, address);
	}

	@Override
	public InvoiceDocument of(Caller caller, long invoiceId) {
		InvoiceView invoice = this.invoices.get(caller, invoiceId);
		Long clientId = invoice.clientId();
		Client client = (clientId != null) ? this.clients.get(caller, clientId) : null;
		InvoiceDocument.Party buyer = new InvoiceDocument.Party(
				(client != null) ? client.details().fullName() : "Countersale", false, null, null,
				new InvoiceDocument.Address(null, null, null, null, "FI"),
				(client != null) ? client.details().email() : null, null,
				(clientId != null) ? this.addresses.get(clientId) : null, null, null);
		boolean draft = InvoiceStatus.of(invoice.status()).isDraft();
		InvoiceDocument.Credited credited = null;
		Long original = invoice.creditNoteOriginalInvoiceId();
		if (original != null) {
			InvoiceView credit = this.invoices.get(caller, original);
			credited = new InvoiceDocument.Credited(original, credit.documentNumber(), credit.invoiceDate());
		}
		return new InvoiceDocument(
				invoice.creditNote() ? InvoiceDocument.Kind.CREDIT_NOTE : InvoiceDocument.Kind.INVOICE, draft,
				invoiceId, draft ? null : invoice.documentNumber(), invoice.invoiceDate(), invoice.invoiceDueDate(),
				invoice.currency(),
				(clientId != null) ? this.languages.getOrDefault(clientId, SampleDocuments.FINNISH)
						: SampleDocuments.FINNISH,
				SampleDocuments.clinic(), buyer, invoice.referenceNumber(), null, credited, List.of(), List.of(),
				invoice.total(), invoice.totalVat(), invoice.totalWithVat(), invoice.paidAmount(), invoice.dueSum(),
				invoice.remarks());
	}

	@Override
	public byte[] pdf(InvoiceDocument document) {
		return fakePdf(document);
	}

	/**
	 * The fake PDF of a document.
	 * @param document the document
	 * @return bytes that name it
	 */
	static byte[] fakePdf(InvoiceDocument document) {
		return ("%PDF-1.7\n% fake PDF of " + document.number() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public byte[] finvoice(InvoiceDocument document) {
		return xml("Finvoice", document);
	}

	@Override
	public byte[] ubl(InvoiceDocument document) {
		return xml("Invoice", document);
	}

	private static byte[] xml(String root, InvoiceDocument document) {
		InvoiceDocument.ElectronicAddress address = document.buyer().electronicAddress();
		return ("<" + root + "><Number>" + document.number() + "</Number><Buyer>" + text(address) + "</Buyer><Total>"
				+ plain(document.totalGross()) + "</Total></" + root + ">")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(InvoiceDocument.@Nullable ElectronicAddress address) {
		return (address != null) ? address.scheme() + ":" + address.id() + ":" + address.operator() : "none";
	}

	private static String plain(BigDecimal amount) {
		return amount.toPlainString();
	}

}
