package org.vetbill.documents.sending;

import java.io.IOException;
import java.nio.file.Path;

import org.vetbill.documents.FinvoiceRenderer;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.UblRenderer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes e-invoices to the outbox folder ({@code vetbill.sending.einvoice-outbox}) that
 * the e-invoicing operator's connector reads: one file per sending, in the format the
 * outbox takes ({@code vetbill.sending.einvoice-format}), written atomically so the
 * connector never picks up half a file. The payer's address on the document is replaced
 * by the sending's recipient, so a sending to another address routes there.
 */
@Component
class EInvoiceOutbox {

	private final ObjectProvider<FinvoiceRenderer> finvoice;

	private final ObjectProvider<UblRenderer> ubl;

	private final SendingProperties properties;

	EInvoiceOutbox(ObjectProvider<FinvoiceRenderer> finvoice, ObjectProvider<UblRenderer> ubl,
			SendingProperties properties) {
		this.finvoice = finvoice;
		this.ubl = ubl;
		this.properties = properties;
	}

	/**
	 * Writes the e-invoice of a sending.
	 * @param sending the sending
	 * @param document what is sent
	 * @param name the file's name without extension
	 * @return the file
	 * @throws IOException when it cannot be written
	 */
	Path write(SendingStore.Due sending, InvoiceDocument document, String name) throws IOException {
		InvoiceDocument addressed = addressedTo(document, Recipients.parsed(sending.recipient()));
		byte[] bytes = switch (this.properties.einvoiceFormat()) {
			case FINVOICE -> Renderers.required(this.finvoice, "Finvoice").finvoice(addressed);
			case UBL -> Renderers.required(this.ubl, "UBL").ubl(addressed);
		};
		return AtomicFiles.write(this.properties.einvoiceOutbox(), name + ".xml", (out) -> out.write(bytes));
	}

	private static InvoiceDocument addressedTo(InvoiceDocument document, InvoiceDocument.ElectronicAddress address) {
		InvoiceDocument.Party buyer = document.buyer();
		InvoiceDocument.Party addressed = new InvoiceDocument.Party(buyer.name(), buyer.company(), buyer.businessId(),
				buyer.vatNumber(), buyer.address(), buyer.email(), buyer.phone(), address, buyer.iban(), buyer.bic());
		return new InvoiceDocument(document.kind(), document.draft(), document.id(), document.number(),
				document.issueDate(), document.dueDate(), document.currency(), document.language(), document.seller(),
				addressed, document.referenceNumber(), document.buyerReference(), document.credited(), document.lines(),
				document.vat(), document.totalNet(), document.totalVat(), document.totalGross(), document.paid(),
				document.due(), document.remarks());
	}

}
