package org.vetbill.documents.pdf;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.SampleDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice's PDF is PDF/A-3b as veraPDF judges it, and the check can fail: the same
 * document rendered without the PDF/A settings is refused.
 */
class InvoicePdfConformanceTests {

	private static final InvoicePdf PDF = new InvoicePdf();

	static Stream<InvoiceDocument> documents() {
		return Stream.concat(SampleDocuments.finalized().stream(), Stream.of(SampleDocuments.draft()));
	}

	@ParameterizedTest
	@MethodSource("documents")
	void everyDocumentIsPdfA3b(InvoiceDocument document) {
		byte[] pdf = PDF.render(document);

		assertThat(PdfA.declaredFlavour(pdf)).isEqualTo("3b");
		assertThat(PdfA.brokenRules(pdf)).isEmpty();
	}

	@Test
	void thePdfWithoutItsPdfASettingsIsRefused() {
		String html = PDF.html(SampleDocuments.domesticTwoRates(), PaymentCodeImages.NONE);

		byte[] plain = PDF.toPdf(html, false);

		assertThat(PdfA.brokenRules(plain))
			.as("device colours without an output intent (6.2.4.3), no XMP metadata (6.6.2.1)")
			.containsExactlyInAnyOrder("6.2.4.3-2", "6.6.2.1-1");
	}

}
