package org.vetbill.documents.sending;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;
import org.vetbill.documents.InvoiceDocument;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes the email of an invoice or credit note: a short text in the sending's language
 * (the {@code messages/sending/mail} bundle: Finnish, Swedish, English as the fallback),
 * the PDF attached, from {@code vetbill.sending.from} with the clinic's own address as
 * Reply-To. The Message-ID is the sending's own, the same in every attempt, so a mail
 * system that meets a repeated attempt can tell it is the same message.
 */
@Component
class MailComposer {

	private static final String BUNDLE = "messages.sending.mail";

	private final SendingProperties properties;

	private final Clock clock;

	private final Session session = Session.getInstance(new Properties());

	MailComposer(SendingProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The email of one sending.
	 * @param sending the sending
	 * @param document what is sent
	 * @param pdf its PDF
	 * @return the message, ready to send or to write out
	 * @throws MessagingException when an address or a part cannot be written
	 */
	MimeMessage compose(SendingStore.Due sending, InvoiceDocument document, byte[] pdf) throws MessagingException {
		Locale locale = Locale.forLanguageTag(sending.language());
		ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		boolean credit = document.kind() == InvoiceDocument.Kind.CREDIT_NOTE;
		String kind = credit ? "credit_note" : "invoice";
		String number = (document.number() != null) ? document.number() : String.valueOf(document.id());
		String seller = document.seller().name();
		InvoiceDocument.Credited credited = document.credited();

		MimeMessage message = new FixedIdMessage(this.session, sending.messageId());
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(sending.recipient());
		String replyTo = document.seller().email();
		if (replyTo != null && !replyTo.isBlank()) {
			helper.setReplyTo(replyTo);
		}
		helper.setSentDate(Date.from(this.clock.instant()));
		helper.setSubject(text(texts, locale, "subject." + kind, number, seller));
		helper.setText(body(texts, locale, document, kind, number, seller, (credited != null) ? credited.number() : ""),
				false);
		helper.addAttachment(text(texts, locale, "file." + kind, fileSafe(number)), new ByteArrayResource(pdf),
				"application/pdf");
		// base64 whatever the bytes look like: Jakarta Mail would send a PDF that happens
		// to
		// be all ASCII as 7bit text, whose line ends the way to the reader may change
		MimeMultipart parts = helper.getRootMimeMultipart();
		parts.getBodyPart(parts.getCount() - 1).setHeader("Content-Transfer-Encoding", "base64");
		return message;
	}

	private static String body(ResourceBundle texts, Locale locale, InvoiceDocument document, String kind,
			String number, String seller, String creditedNumber) {
		List<String> lines = new ArrayList<>();
		lines.add(text(texts, locale, "greeting"));
		lines.add("");
		lines.add(text(texts, locale, "intro." + kind, number, seller, creditedNumber));
		lines.add("");
		if (document.kind() == InvoiceDocument.Kind.CREDIT_NOTE) {
			lines.add(text(texts, locale, "line.credited", amount(document.totalGross().abs(), locale),
					document.currency()));
		}
		else {
			lines.add(text(texts, locale, "line.due", amount(document.due(), locale), document.currency()));
			LocalDate dueDate = document.dueDate();
			if (dueDate != null) {
				lines.add(text(texts, locale, "line.due_date",
						DateTimeFormatter.ofPattern(texts.getString("date.pattern"), locale).format(dueDate)));
			}
			String reference = document.referenceNumber();
			if (reference != null) {
				lines.add(text(texts, locale, "line.reference", reference));
			}
		}
		lines.add("");
		lines.add(text(texts, locale, "closing", seller));
		return String.join("\n", lines) + "\n";
	}

	private static String text(ResourceBundle texts, Locale locale, String key, @Nullable Object... arguments) {
		return new MessageFormat(texts.getString(key), locale).format(arguments);
	}

	private static String amount(BigDecimal amount, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(Math.max(amount.scale(), 0));
		format.setMaximumFractionDigits(Math.max(amount.scale(), 0));
		return format.format(amount);
	}

	/**
	 * A document number as a file name's part: letters, digits, '-', '_' and '.' only.
	 */
	private static String fileSafe(String number) {
		return number.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	/**
	 * A message whose Message-ID is given rather than made up anew each time it is saved,
	 * as Jakarta Mail would.
	 */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
