package org.vetbill.documents.sending;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetbill.documents.SampleDocuments;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mail server (no {@code spring.mail.host}, as in the demo) an email is written
 * as an {@code .eml} file to the mail folder, whole, and a repeated attempt replaces its
 * file rather than adding another.
 */
class MailDeliveryTests {

	@TempDir
	Path folder;

	@Test
	void withoutAMailServerTheEmailIsWrittenAsAnEmlFileOnce() throws Exception {
		SendingProperties properties = new SendingProperties(true, Duration.ofSeconds(5), Duration.ofMinutes(5),
				Duration.ofMinutes(1), Duration.ofHours(1), 8, "billing@vetbill.example", this.folder.resolve("mail"),
				this.folder.resolve("outbox"), SendingProperties.EInvoiceFormat.FINVOICE);
		MailDelivery delivery = new MailDelivery(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
				properties);
		MailComposer composer = new MailComposer(properties, Clock.systemUTC());
		SendingStore.Due sending = new SendingStore.Due(1, 7, 0, 1, Channel.EMAIL, "anna@example.com", "fi",
				"<eml-id@vetbill>", "client:test");

		delivery.deliver(composer.compose(sending, SampleDocuments.domesticTwoRates(), new byte[] { 1, 2, 3 }),
				"sending-1-7");
		delivery.deliver(composer.compose(sending, SampleDocuments.domesticTwoRates(), new byte[] { 1, 2, 3 }),
				"sending-1-7");

		try (Stream<Path> files = Files.list(this.folder.resolve("mail"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("sending-1-7.eml");
		}
		try (InputStream in = Files.newInputStream(this.folder.resolve("mail/sending-1-7.eml"))) {
			MimeMessage read = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
			assertThat(read.getMessageID()).isEqualTo("<eml-id@vetbill>");
			assertThat(read.getSubject()).startsWith("Lasku ");
			assertThat(read.getAllRecipients()[0].toString()).isEqualTo("anna@example.com");
		}
	}

}
