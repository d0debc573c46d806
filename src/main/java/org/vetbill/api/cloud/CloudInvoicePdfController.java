package org.vetbill.api.cloud;

import org.vetbill.documents.DocumentFile;
import org.vetbill.documents.InvoiceFiles;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.ReadAccess;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cloud API's printable invoice, {@code GET invoice/<id>/pdf/}, at the real API's
 * path: the same PDF/A-3b as vetbill's own API gives.
 */
@RestController
@ReadAccess
class CloudInvoicePdfController {

	private final InvoiceFiles files;

	CloudInvoicePdfController(InvoiceFiles files) {
		this.files = files;
	}

	@GetMapping(path = CloudApi.BASE + "/invoice/{id}/pdf/", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(Caller caller, @PathVariable long id) {
		DocumentFile file = this.files.pdf(caller, id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file.fileName()).build().toString())
			.body(file.bytes());
	}

}
