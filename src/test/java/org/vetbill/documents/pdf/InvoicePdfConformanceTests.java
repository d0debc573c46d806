package org.vetbill.documents.pdf;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Line;
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
	void aLongInvoiceGoesOnOverPagesWithItsHeaderAndPageNumbers() {
		InvoiceDocument sample = SampleDocuments.domesticTwoRates();
		List<Line> lines = IntStream.rangeClosed(1, 60)
			.mapToObj((i) -> sample.lines().get(0))
			.map((line) -> new Line(line.position(), line.name(), line.itemCode(), line.patientName(), line.quantity(),
					line.unitPrice(), line.unitPriceWithVat(), line.discountPercent(), line.vatPercent(),
					line.vatCategory(), line.net(), line.vatAmount(), line.gross()))
			.toList();
		InvoiceDocument longOne = new InvoiceDocument(sample.kind(), false, sample.id(), sample.number(),
				sample.issueDate(), sample.dueDate(), sample.currency(), sample.language(), sample.seller(),
				sample.buyer(), sample.referenceNumber(), sample.buyerReference(), null, lines, sample.vat(),
				sample.totalNet(), sample.totalVat(), sample.totalGross(), sample.paid(), sample.due(), null);

		byte[] pdf = PDF.render(longOne);
		String text = PdfTexts.text(pdf);

		int pages = PdfTexts.pages(pdf);
		assertThat(pages).isBetween(2, 4);
		assertThat(text).contains("1 (" + pages + ")", pages + " (" + pages + ")");
		assertThat(text.split("Tuote Potilas Määrä", -1)).as("the rows' header on each page").hasSize(pages + 1);
		assertThat(text.split("Y-tunnus 1234567-1", -1)).as("the clinic's footer on each page").hasSize(pages + 1);
		assertThat(text.split("Consultation Musti 1 60,00 25,5 % 60,00", -1)).as("every row").hasSize(61);
		assertThat(PdfA.brokenRules(pdf)).isEmpty();
		PdfTexts.raster(pdf, "long-invoice");
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
