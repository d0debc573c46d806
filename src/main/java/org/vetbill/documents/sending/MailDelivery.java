package org.vetbill.documents.sending;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands an email over: to the mail server through Spring's {@link JavaMailSender} (which
 * Spring Boot sets up from {@code spring.mail.*} when {@code spring.mail.host} is given),
 * or, with no mail server configured (the demo), as an {@code .eml} file in
 * {@code vetbill.sending.mail-folder}, which any mail program opens.
 */
@Component
class MailDelivery {

	private final @Nullable JavaMailSender sender;

	private final Path folder;

	MailDelivery(ObjectProvider<JavaMailSender> sender, SendingProperties properties) {
		this.sender = sender.getIfAvailable();
		this.folder = properties.mailFolder();
	}

	/**
	 * Sends an email, or writes it to the mail folder.
	 * @param message the email
	 * @param name the file's name without extension, when it is written to the folder
	 * @throws org.springframework.mail.MailException when the mail server cannot be
	 * reached or refuses it
	 * @throws IOException when the file cannot be written
	 * @throws MessagingException when the message cannot be written out
	 */
	void deliver(MimeMessage message, String name) throws IOException, MessagingException {
		JavaMailSender mail = this.sender;
		if (mail != null) {
			mail.send(message);
			return;
		}
		message.saveChanges();
		AtomicFiles.write(this.folder, name + ".eml", (out) -> {
			try {
				message.writeTo(out);
			}
			catch (MessagingException ex) {
				throw new IOException(ex);
			}
		});
	}

}
