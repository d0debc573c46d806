package org.vetbill.documents.pdf;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.SampleDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader finds on each sample's PDF, read back with PDFBox's text extraction: the
 * clinic, the payer, the dates, numbers and references, every row, the VAT breakdown and
 * the totals with their exact amounts, in the document's language. The expectations are
 * written out by hand from the samples' worked figures.
 */
class InvoicePdfTests {

	private static final InvoicePdf PDF = new InvoicePdf();

	private static final List<String> CLINIC = List.of("Eläinklinikka Esimerkki Oy", "Esimerkkikatu 1",
			"00100 Helsinki", "IBAN FI21 1234 5600 0007 85", "BIC NDEAFIHH", "laskutus@esimerkki.example",
			"+358 9 123 4567");

	private static final List<String> CLINIC_FI = List.of("Y-tunnus 1234567-1", "ALV-numero FI12345671",
			"Puhelin +358 9 123 4567", "1 (1)");

	private static final List<String> TASSULA = List.of("Laskutettava", "Tassula Oy", "Kauppakatu 5 B", "33100 Tampere",
			"Y-tunnus 7654321-2", "ALV-numero FI76543212");

	private static final String ROWS_FI = "Tuote Potilas Määrä À-hinta Alennus ALV Veroton summa EUR";

	static Stream<Arguments> samples() {
		return Stream.of(Arguments.of("domestic-two-rates", SampleDocuments.domesticTwoRates(),
				List.of(CLINIC, CLINIC_FI, TASSULA, List.of("Lasku", "Laskun numero A-1001", "Päivämäärä 4.12.2026",
						"Eräpäivä 18.12.2026", "Viitenumero 2026 00428", "Viitteenne PO-4711", ROWS_FI,
						"Consultation Musti 1 60,00 25,5 % 60,00", "Metacam 1.5 mg/ml 10 ml Musti 2 12,50 10 % 25,00",
						"ALV-kanta Veroton ALV Verollinen", "25,5 % 60,00 15,30 75,30", "10 % 25,00 2,50 27,50",
						"Veroton yhteensä 85,00 EUR", "ALV 17,80 EUR", "Verollinen yhteensä 102,80 EUR",
						"Maksettu 0,00 EUR", "Maksettavaa 102,80 EUR", "MAKSUTIEDOT",
						"Saaja Eläinklinikka Esimerkki Oy", "Summa 102,80 EUR")),
				List.of("LUONNOS", "Hyvitettävä")),
				Arguments.of("eu-reverse-charge", SampleDocuments.euReverseCharge(), List
					.of(CLINIC, List.of("Business ID 1234567-1", "VAT number FI12345671", "Phone +358 9 123 4567",
							"1 (1)", "Invoice", "Invoice number A-1002", "Date 4 Dec 2026", "Due date 18 Dec 2026",
							"Reference number RF18 5390 0754 7034", "Your reference Beispiel-2026-17", "Bill to",
							"Tierklinik Beispiel GmbH", "Hauptstraße 12", "10115 Berlin", "GERMANY",
							"VAT number DE123456789", "Item Patient Qty Unit price Discount VAT Amount excl. VAT EUR",
							"Specialist consultation 1 200.00 0% 200.00", "Reverse charge 0% 200.00 0.00 200.00",
							"Total excl. VAT 200.00 EUR", "VAT 0.00 EUR", "Total incl. VAT 200.00 EUR", "Paid 0.00 EUR",
							"Amount due 200.00 EUR", "Reverse charge: VAT to be accounted for by the buyer",
							"PAYMENT DETAILS", "Amount 200.00 EUR")),
						List.of("Lasku", "DRAFT")),
				Arguments.of("credit-note", SampleDocuments.creditNote(), List.of(CLINIC, CLINIC_FI, TASSULA,
						List.of("Hyvityslasku", "Hyvityslaskun numero A-1003", "Päivämäärä 7.12.2026",
								"Viitteenne PO-4711", "Hyvitettävä lasku A-1001, 4.12.2026", ROWS_FI,
								"Metacam 1.5 mg/ml 10 ml Musti -2 12,50 10 % -25,00", "10 % -25,00 -2,50 -27,50",
								"Veroton yhteensä -25,00 EUR", "ALV -2,50 EUR", "Verollinen yhteensä -27,50 EUR",
								"Maksettu 0,00 EUR", "Hyvitettävää -27,50 EUR", "LISÄTIEDOT", "Returned unopened")),
						List.of("Eräpäivä", "Viitenumero", "MAKSUTIEDOT", "Maksettavaa")),
				Arguments.of("discounted-paid-in-part", SampleDocuments.discountedPaidInPart(),
						List.of(CLINIC, CLINIC_FI, TASSULA, List.of("Laskun numero A-1004", "Viitenumero 2026 00415",
								"Viitteenne PO-4712", ROWS_FI, "Consultation Musti 1 80,00 10 % 25,5 % 72,00",
								"Vaccination Musti 1 40,00 25,5 % 40,00", "25,5 % 112,00 28,56 140,56",
								"Veroton yhteensä 112,00 EUR", "ALV 28,56 EUR", "Verollinen yhteensä 140,56 EUR",
								"Maksettu 50,00 EUR", "Maksettavaa 90,56 EUR", "Summa 90,56 EUR")),
						List.of("LUONNOS")),
				Arguments.of("countersale-paid", SampleDocuments.countersaleToCompany(),
						List.of(CLINIC, CLINIC_FI, TASSULA,
								List.of("Laskun numero A-1005", "Eräpäivä 4.12.2026", "Viitteenne Counter",
										"Dog food 12 kg 2 30,00 25,5 % 60,00", "25,5 % 60,00 15,30 75,30",
										"Verollinen yhteensä 75,30 EUR", "Maksettu 75,30 EUR", "Maksettavaa 0,00 EUR")),
						List.of("Viitenumero", "MAKSUTIEDOT")),
				Arguments.of("consumer-in-swedish", SampleDocuments.consumerInSwedish(), List.of(CLINIC,
						List.of("FO-nummer 1234567-1", "Momsnummer FI12345671", "Telefon +358 9 123 4567", "1 (1)",
								"Faktura", "Fakturanummer A-1006", "Datum 4.12.2026", "Förfallodag 18.12.2026",
								"Referensnummer RF46 2026 0042 8", "Faktureras", "Anna Andersson", "Strandvägen 3",
								"65100 Vasa", "Artikel Patient Antal À-pris Rabatt Moms Belopp exkl. moms EUR",
								"Consultation Sessan 1 60,00 25,5 % 60,00", "Momssats Exkl. moms Moms Inkl. moms",
								"25,5 % 60,00 15,30 75,30", "Summa exkl. moms 60,00 EUR", "Moms 15,30 EUR",
								"Summa inkl. moms 75,30 EUR", "Betalt 0,00 EUR", "Att betala 75,30 EUR",
								"BETALNINGSUPPGIFTER", "Mottagare Eläinklinikka Esimerkki Oy", "Belopp 75,30 EUR")),
						List.of("Lasku", "Er referens", "Momsnummer FI7")),
				Arguments.of("draft", SampleDocuments.draft(),
						List.of(CLINIC, CLINIC_FI, TASSULA,
								List.of("Lasku", "LUONNOS", "Päivämäärä 4.12.2026", "Eräpäivä 18.12.2026",
										"Viitteenne PO-4711", "Consultation Musti 1 60,00 25,5 % 60,00",
										"Verollinen yhteensä 102,80 EUR", "Maksettavaa 102,80 EUR")),
						List.of("A-1001", "Laskun numero", "Viitenumero", "MAKSUTIEDOT")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void theDocumentShowsEveryFieldInItsLanguage(String name, InvoiceDocument document, List<List<String>> shown,
			List<String> notShown) {
		byte[] pdf = PDF.render(document);
		String text = PdfTexts.text(pdf);

		assertThat(PdfTexts.pages(pdf)).isOne();
		assertThat(shown.stream().flatMap(List::stream)).allSatisfy((line) -> assertThat(text).contains(line));
		assertThat(notShown).allSatisfy((line) -> assertThat(text).doesNotContain(line));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void theFirstPageIsAnA4PageAt150Dpi(String name, InvoiceDocument document) {
		BufferedImage page = PdfTexts.raster(PDF.render(document), name);

		assertThat(page.getWidth()).isEqualTo(1240);
		assertThat(page.getHeight()).isEqualTo(1753);
		assertThat(PdfTexts.inkedShare(page)).as("share of the page with ink on it").isBetween(0.01, 0.25);
	}

	@Test
	void theDraftMarkCoversThePage() {
		BufferedImage draft = PdfTexts.raster(PDF.render(SampleDocuments.draft()), "draft-mark");
		BufferedImage finalized = PdfTexts.raster(PDF.render(SampleDocuments.domesticTwoRates()),
				"draft-mark-finalized");

		assertThat(PdfTexts.greyShare(draft)).as("light grey of the diagonal mark")
			.isGreaterThan(PdfTexts.greyShare(finalized) + 0.02);
	}

	@Test
	void documentsRenderedAtTheSameTimeAreTheSameAsOneByOne() throws Exception {
		List<InvoiceDocument> documents = List.of(SampleDocuments.domesticTwoRates(),
				SampleDocuments.consumerInSwedish(), SampleDocuments.euReverseCharge(), SampleDocuments.creditNote());
		List<String> alone = documents.stream().map((document) -> PdfTexts.text(PDF.render(document))).toList();

		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			List<Future<String>> together = IntStream.range(0, 12)
				.mapToObj((i) -> threads.submit(() -> PdfTexts.text(PDF.render(documents.get(i % 4)))))
				.toList();
			for (int i = 0; i < together.size(); i++) {
				assertThat(together.get(i).get()).isEqualTo(alone.get(i % 4));
			}
		}
	}

}
