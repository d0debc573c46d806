package org.vetbill.documents.sending;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.SampleDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice email as it is written, before any server: its text in the sending's
 * language from the hand-made sample documents, the PDF attached under a name in that
 * language, the addresses, and a Message-ID that saving the message again does not
 * change.
 */
class MailComposerTests {

	private final MailComposer composer = new MailComposer(
			new SendingProperties(true, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(1),
					Duration.ofHours(1), 8, "billing@vetbill.example", Path.of("mail"), Path.of("outbox"),
					SendingProperties.EInvoiceFormat.FINVOICE),
			Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

	private static SendingStore.Due sending(String recipient, String language) {
		return new SendingStore.Due(1, 7, 0, 1, Channel.EMAIL, recipient, language, "<fixed-id@vetbill>",
				"client:test");
	}

	private static String text(MimeMessage message) throws Exception {
		return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
	}

	@Test
	void aSwedishDocumentIsWrittenInSwedishWithItsPdfAttached() throws Exception {
		InvoiceDocument document = SampleDocuments.consumerInSwedish();
		byte[] pdf = TestDocuments.fakePdf(document);
		MimeMessage message = this.composer.compose(sending("anna@andersson.example", "sv"), document, pdf);
		message.saveChanges();

		assertThat(message.getSubject())
			.isEqualTo("Faktura " + document.number() + " från " + document.seller().name());
		assertThat(message.getFrom()).extracting(Address::toString).containsExactly("billing@vetbill.example");
		assertThat(message.getReplyTo()).extracting(Address::toString).containsExactly(document.seller().email());
		assertThat(message.getAllRecipients()).extracting(Address::toString).containsExactly("anna@andersson.example");
		assertThat(message.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
		assertThat(text(message)).startsWith("Hej,\n\nbifogat finns faktura " + document.number())
			.contains("Förfallodag: 18.12.2026")
			.contains("Referensnummer: " + document.referenceNumber());
		Multipart parts = (Multipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("faktura-" + document.number() + ".pdf");
		assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);
	}

	@Test
	void thePdfTravelsAsBase64SoItsBytesArriveUnchanged() throws Exception {
		InvoiceDocument document = SampleDocuments.domesticTwoRates();
		// all ASCII with line ends: as 7bit text, its LFs would become CRLFs on the way
		byte[] pdf = TestDocuments.fakePdf(document);
		MimeMessage message = this.composer.compose(sending("a@example.com", "fi"), document, pdf);
		message.saveChanges();
		java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
		message.writeTo(wire);
		MimeMessage read = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
				new java.io.ByteArrayInputStream(wire.toByteArray()));
		jakarta.mail.internet.MimeBodyPart attachment = (jakarta.mail.internet.MimeBodyPart) ((Multipart) read
			.getContent()).getBodyPart(1);
		assertThat(attachment.getEncoding()).isEqualTo("base64");
		assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
	}

	@Test
	void theAmountDueIsWrittenAsTheLanguageWritesNumbers() throws Exception {
		InvoiceDocument document = SampleDocuments.domesticTwoRates();
		String due = document.due().toPlainString();
		assertThat(text(this.composer.compose(sending("a@example.com", "fi"), document, new byte[0])))
			.contains("Maksettavaa: " + due.replace('.', ',') + " EUR");
		assertThat(text(this.composer.compose(sending("a@example.com", "en"), document, new byte[0])))
			.contains("Amount due: " + due + " EUR");
	}

	@Test
	void aLanguageWithoutItsOwnTextsGetsTheEnglishOnes() throws Exception {
		InvoiceDocument document = SampleDocuments.domesticTwoRates();
		MimeMessage message = this.composer.compose(sending("a@example.com", "de"), document, new byte[0]);
		assertThat(message.getSubject())
			.isEqualTo("Invoice " + document.number() + " from " + document.seller().name());
	}

	@Test
	void aCreditNoteNamesTheInvoiceItCreditsAndTheAmountCredited() throws Exception {
		InvoiceDocument document = SampleDocuments.creditNote();
		MimeMessage message = this.composer.compose(sending("a@example.com", "fi"), document, new byte[0]);
		InvoiceDocument.Credited credited = document.credited();
		assertThat(credited).isNotNull();
		assertThat(message.getSubject()).startsWith("Hyvityslasku " + document.number());
		assertThat(text(message)).contains("joka hyvittää laskun " + credited.number())
			.contains("Hyvitetään: " + document.totalGross().abs().toPlainString().replace('.', ','))
			.doesNotContain("Eräpäivä");
	}

	@Test
	void everySaveKeepsTheSendingsMessageId() throws Exception {
		MimeMessage message = this.composer.compose(sending("a@example.com", "fi"), SampleDocuments.domesticTwoRates(),
				new byte[0]);
		message.saveChanges();
		message.saveChanges();
		assertThat(message.getMessageID()).isEqualTo("<fixed-id@vetbill>");
	}

}
