package org.vetbill.documents.sending;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocuments;
import org.vetbill.documents.PdfRenderer;
import org.vetbill.shared.Caller;
import org.vetbill.shared.time.Timestamps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sends the queue, in three steps any number of nodes may run at once on one database:
 * {@link #claim} reserves due sendings for one attempt each (a lease), with a conditional
 * update only one node can win per attempt; {@link #attempt} sends one; {@link #record}
 * writes how it went, if this node still holds the lease.
 * <p>
 * <b>At least once, and the window of a repeat.</b> A sending is never lost: it is
 * recorded with the request, and stays pending until an attempt is recorded as sent or
 * the last one failed. An email is sent twice for one sending only if a node dies (or
 * loses its database) after the mail server accepted the message and before the
 * {@code SENT} was written — a window of one database update. SMTP has no way to ask
 * whether a message was already taken, so no sender can close it; the lease (longer than
 * the mail timeouts) keeps every other node off the sending meanwhile, and the repeat
 * carries the same Message-ID, by which mail systems and clients can tell it is the same
 * message. The files of the e-invoice outbox and of the mail folder have one name per
 * sending, so a repeat replaces its file rather than adding one (unless the connector
 * took the first away in that window).
 */
@Component
class Sender {

	private static final Logger log = LoggerFactory.getLogger(Sender.class);

	private static final int MAX_ERROR = 1000;

	private final SendingStore sendings;

	private final SendingProperties properties;

	private final ObjectProvider<InvoiceDocuments> documents;

	private final ObjectProvider<PdfRenderer> pdf;

	private final MailComposer composer;

	private final MailDelivery mail;

	private final EInvoiceOutbox outbox;

	private final Clock clock;

	Sender(SendingStore sendings, SendingProperties properties, ObjectProvider<InvoiceDocuments> documents,
			ObjectProvider<PdfRenderer> pdf, MailComposer composer, MailDelivery mail, EInvoiceOutbox outbox,
			Clock clock) {
		this.sendings = sendings;
		this.properties = properties;
		this.documents = documents;
		this.pdf = pdf;
		this.composer = composer;
		this.mail = mail;
		this.outbox = outbox;
		this.clock = clock;
	}

	Instant now() {
		return Timestamps.now(this.clock);
	}

	/**
	 * Claims up to {@code max} sendings that are due at {@code now}, for one attempt
	 * each, until the lease runs out.
	 * @param node who claims them
	 * @param max how many at most
	 * @param now the time
	 * @return the attempts this node won
	 */
	List<Claim> claim(String node, int max, Instant now) {
		List<Claim> won = new ArrayList<>();
		for (SendingStore.Due due : this.sendings.due(max, now)) {
			if (reserve(node, due, now)) {
				won.add(new Claim(due, due.attempts() + 1));
			}
		}
		return won;
	}

	private boolean reserve(String node, SendingStore.Due due, Instant now) {
		try {
			return this.sendings.reserve(node, due.organizationId(), due.id(), due.attempts(),
					now.plus(this.properties.lease()), now);
		}
		catch (DataAccessException ex) {
			// another node changed the row at the same moment (H2 may say so instead of
			// waiting)
			log.debug("Lost the claim of sending {} to another node: {}", due.id(), ex.getMessage());
			return false;
		}
	}

	/**
	 * Makes one claimed attempt: reads the document, renders it and hands it over (the
	 * email to the mail server or the mail folder, the e-invoice to the outbox).
	 * @param claim the attempt
	 * @param at when it is made
	 * @return how it went; never throws
	 */
	Outcome attempt(Claim claim, Instant at) {
		SendingStore.Due sending = claim.sending();
		try {
			InvoiceDocument document = Renderers.required(this.documents, "invoice document")
				.of(new Caller(sending.organizationId(), sending.requestedBy()), sending.invoiceId());
			String name = "sending-" + sending.organizationId() + "-" + sending.id();
			switch (sending.channel()) {
				case EMAIL -> {
					byte[] attachment = Renderers.required(this.pdf, "PDF").pdf(document);
					this.mail.deliver(this.composer.compose(sending, document, attachment), name);
				}
				case EINVOICE -> this.outbox.write(sending, document, name);
			}
			return new Outcome(at, null);
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			log.info("Sending {} attempt {} failed: {}", sending.id(), claim.attempt(), ex.toString());
			return new Outcome(at, describe(ex));
		}
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		String text = ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return (text.length() > MAX_ERROR) ? text.substring(0, MAX_ERROR) : text;
	}

	/**
	 * Writes how an attempt went and releases the lease: sent; or due again after the
	 * back-off; or failed after the last attempt, its error kept. Nothing is written if
	 * the lease was lost meanwhile (another node has taken the sending over).
	 * @param claim the attempt
	 * @param node the node that claimed it
	 * @param outcome how it went
	 * @param now the time
	 * @return whether it was written
	 */
	boolean record(Claim claim, String node, Outcome outcome, Instant now) {
		SendingStatus status;
		Instant next = null;
		if (outcome.succeeded()) {
			status = SendingStatus.SENT;
		}
		else {
			Duration wait = this.properties.retryAfter(claim.attempt());
			status = (wait != null) ? SendingStatus.PENDING : SendingStatus.FAILED;
			next = (wait != null) ? now.plus(wait) : null;
		}
		SendingStore.Due sending = claim.sending();
		int written = this.sendings.recordAttempt(node, sending.organizationId(), sending.id(), claim.attempt(), status,
				next, outcome.at(), outcome.error(), now);
		if (written == 0) {
			log.info("Sending {} attempt {} was taken over by another node before it was recorded", sending.id(),
					claim.attempt());
		}
		return written == 1;
	}

	/**
	 * Claims, sends and records the due sendings one after the other, as one node.
	 * @param node the node
	 * @param max how many to claim at most
	 * @return how many were attempted
	 */
	int sendDue(String node, int max) {
		List<Claim> claims = claim(node, max, now());
		for (Claim claim : claims) {
			Outcome outcome = attempt(claim, now());
			record(claim, node, outcome, now());
		}
		return claims.size();
	}

	/**
	 * One attempt of a sending that a node holds the lease of.
	 *
	 * @param sending the sending, as it was due
	 * @param attempt which attempt this is, from 1
	 */
	record Claim(SendingStore.Due sending, int attempt) {
	}

	/**
	 * How an attempt went.
	 *
	 * @param at when it was made
	 * @param error why it failed, null when it was handed over
	 */
	record Outcome(Instant at, @Nullable String error) {

		boolean succeeded() {
			return this.error == null;
		}

	}

}
