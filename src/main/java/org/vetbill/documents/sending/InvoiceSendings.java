package org.vetbill.documents.sending;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.InvoicingDetails;
import org.vetbill.clinic.domain.ClientInvoicing.InvoiceDelivery;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocuments;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.time.Timestamps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sending an invoice or credit note to its payer: {@link #send} records the sending in
 * the caller's transaction (so it exists if and only if the request is committed, and an
 * {@code Idempotency-Key} replay records nothing twice), and once committed this node's
 * worker sends it.
 * <p>
 * Only an issued invoice (status 3 or 4) or credit note is sent: a draft has no number
 * and may still change, a voided one is void. Sending does <em>not</em> change the
 * invoice's status. Status 1 ("sent") belongs to the unnumbered draft states before
 * finalization, and a finalized invoice cannot move back to it; so what the payer was
 * sent, when and how is kept on the sending itself ({@link SendingView#sent()}), and the
 * invoice's lifecycle stays as the ledger has it.
 */
@Service
public class InvoiceSendings {

	private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

	private final SendingStore sendings;

	private final InvoiceQueries invoices;

	private final Clients clients;

	private final InvoicingDetails invoicing;

	private final ObjectProvider<InvoiceDocuments> documents;

	private final SendingWorker worker;

	private final Clock clock;

	InvoiceSendings(SendingStore sendings, InvoiceQueries invoices, Clients clients, InvoicingDetails invoicing,
			ObjectProvider<InvoiceDocuments> documents, SendingWorker worker, Clock clock) {
		this.sendings = sendings;
		this.invoices = invoices;
		this.clients = clients;
		this.invoicing = invoicing;
		this.documents = documents;
		this.worker = worker;
		this.clock = clock;
	}

	/**
	 * Records a sending of an issued invoice or credit note, due at once. Without a
	 * channel, it goes the way the client's invoices are delivered
	 * ({@code invoice_delivery}), by email when the client has not said. The recipient
	 * defaults to the client's email address (or, lacking one, the payer's on the
	 * document) for {@code EMAIL}, and to the payer's e-invoice address on the document
	 * for {@code EINVOICE}. The message is written in the document's language.
	 * @param caller who asks
	 * @param invoiceId the invoice or credit note
	 * @param request the channel and recipient, each optional
	 * @return the pending sending
	 * @throws org.vetbill.shared.error.NotFound when there is no such invoice
	 * @throws RuleViolation {@code invoice_not_sendable} (field {@code status}) for a
	 * draft or a voided invoice
	 * @throws InvalidInput naming {@code channel} or {@code recipient} when one is wrong
	 * or no recipient is known
	 */
	@Transactional
	public SendingView send(Caller caller, long invoiceId, SendingRequest request) {
		InvoiceView invoice = this.invoices.get(caller, invoiceId);
		Channel channel = channel(request.channel(), () -> preferred(caller, invoice));
		InvoiceStatus status = InvoiceStatus.of(invoice.status());
		if (!status.isIssued()) {
			throw new RuleViolation("invoice_not_sendable", "status", status.isDraft() ? "draft" : "voided",
					Facts.of("invoice", invoiceId, "status", status.name(), "statusCode", status.code()));
		}
		InvoiceDocument document = documents().of(caller, invoiceId);
		String recipient = switch (channel) {
			case EMAIL -> Recipients.email(emailOf(caller, invoice, document, request.recipient()));
			case EINVOICE -> Recipients.written(einvoiceAddressOf(document, request.recipient()));
		};
		String messageId = "<" + UUID.randomUUID() + "@vetbill>";
		long id = this.sendings.insert(caller,
				new SendingStore.NewSending(invoiceId, channel, recipient, language(document.language()), messageId),
				Timestamps.now(this.clock));
		wakeWorkerAfterCommit();
		SendingView sending = this.sendings.find(caller, id);
		if (sending == null) {
			throw new IllegalStateException("sending " + id + " not found right after it was recorded");
		}
		return sending;
	}

	/**
	 * The sendings of an invoice or credit note, oldest first.
	 * @param caller who asks
	 * @param invoiceId the invoice or credit note
	 * @return its sendings
	 * @throws org.vetbill.shared.error.NotFound when there is no such invoice
	 */
	@Transactional(readOnly = true)
	public List<SendingView> of(Caller caller, long invoiceId) {
		this.invoices.get(caller, invoiceId);
		return this.sendings.ofInvoice(caller, invoiceId);
	}

	private static Channel channel(@Nullable String given, Supplier<Channel> preferred) {
		if (given == null || given.isBlank()) {
			return preferred.get();
		}
		for (Channel channel : Channel.values()) {
			if (channel.name().equalsIgnoreCase(given.strip())) {
				return channel;
			}
		}
		throw InvalidInput.of("channel", "channel_choice", "channel", given);
	}

	/** The client's own choice of delivery, email when it has none. */
	private Channel preferred(Caller caller, InvoiceView invoice) {
		Long clientId = invoice.clientId();
		InvoiceDelivery delivery = (clientId == null) ? null
				: this.invoicing.client(caller, clientId).invoiceDelivery();
		return (delivery == InvoiceDelivery.EINVOICE) ? Channel.EINVOICE : Channel.EMAIL;
	}

	private String emailOf(Caller caller, InvoiceView invoice, InvoiceDocument document, @Nullable String given) {
		if (given != null && !given.isBlank()) {
			return given;
		}
		Long clientId = invoice.clientId();
		String email = (clientId != null) ? this.clients.get(caller, clientId).details().email() : null;
		if (email == null || email.isBlank()) {
			email = document.buyer().email();
		}
		if (email == null || email.isBlank()) {
			throw InvalidInput.of(Recipients.FIELD, "recipient_email_missing");
		}
		return email;
	}

	private static InvoiceDocument.ElectronicAddress einvoiceAddressOf(InvoiceDocument document,
			@Nullable String given) {
		if (given != null && !given.isBlank()) {
			return Recipients.einvoice(given);
		}
		InvoiceDocument.ElectronicAddress address = document.buyer().electronicAddress();
		if (address == null) {
			throw InvalidInput.of(Recipients.FIELD, "recipient_einvoice_missing");
		}
		return address;
	}

	private static String language(Locale locale) {
		String language = locale.getLanguage();
		return LANGUAGES.contains(language) ? language : "en";
	}

	private InvoiceDocuments documents() {
		InvoiceDocuments source = this.documents.getIfAvailable();
		if (source == null) {
			throw new IllegalStateException("no InvoiceDocuments bean: the documents module is not wired");
		}
		return source;
	}

	private void wakeWorkerAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					InvoiceSendings.this.worker.wakeUp();
				}

			});
		}
	}

}
