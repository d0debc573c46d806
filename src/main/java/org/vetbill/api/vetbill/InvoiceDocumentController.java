package org.vetbill.api.vetbill;

import org.vetbill.documents.DocumentFile;
import org.vetbill.documents.InvoiceFiles;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.web.ApiPaths;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An invoice's documents in vetbill's own API, each at a path of its own: the PDF of any
 * invoice or credit note (a draft's marked DRAFT, without payment codes), and the Peppol
 * UBL and Finvoice e-invoices of a finalized one.
 */
@RestController
@ReadAccess
class InvoiceDocumentController {

	private static final String INVOICE = ApiPaths.VETBILL + "/invoices/{id}";

	private final InvoiceFiles files;

	InvoiceDocumentController(InvoiceFiles files) {
		this.files = files;
	}

	@GetMapping(path = INVOICE + "/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(Caller caller, @PathVariable long id) {
		return file(this.files.pdf(caller, id), "inline");
	}

	@GetMapping(path = INVOICE + "/ubl", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<byte[]> ubl(Caller caller, @PathVariable long id) {
		return file(this.files.ubl(caller, id), "attachment");
	}

	@GetMapping(path = INVOICE + "/finvoice", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<byte[]> finvoice(Caller caller, @PathVariable long id) {
		return file(this.files.finvoice(caller, id), "attachment");
	}

	/**
	 * A file answer, named for saving.
	 * @param file the document
	 * @param disposition {@code inline} to show it, {@code attachment} to save it
	 * @return the answer
	 */
	static ResponseEntity<byte[]> file(DocumentFile file, String disposition) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.builder(disposition).filename(file.fileName()).build().toString())
			.body(file.bytes());
	}

}
