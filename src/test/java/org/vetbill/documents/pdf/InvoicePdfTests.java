package org.vetbill.documents.pdf;

import org.junit.jupiter.api.Test;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.SampleDocuments;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePdfTests {

	private static final InvoicePdf PDF = new InvoicePdf();

	@Test
	void rendersEverySample() {
		int i = 0;
		for (InvoiceDocument document : SampleDocuments.finalized()) {
			byte[] pdf = PDF.render(document, PaymentCodes.NONE);
			PdfTexts.raster(pdf, "sample-" + (++i));
			System.out.println(PdfTexts.text(pdf));
		}
		byte[] pdf = PDF.render(SampleDocuments.draft(), PaymentCodes.NONE);
		PdfTexts.raster(pdf, "draft");
		assertThat(pdf).isNotEmpty();
	}

}
