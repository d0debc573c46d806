package org.vetbill.documents.sending;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.SampleDocuments;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending over real HTTP and real SMTP: the email the client receives (recipient,
 * language, text, the PDF attached), the e-invoice file in the outbox folder, a credit
 * note, an Idempotency-Key, and the refusals: a draft or voided invoice, a wrong channel
 * or recipient, a missing recipient, a caller without the billing permission.
 */
class InvoiceSendingIntegrationTests extends SendingIntegrationTest {

	private long invoiceOf(long client) {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", client, "rows",
						List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2),
								Map.of("item_id", this.tenant.medicineItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = this.tenant.api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	private long client(String firstname, String lastname, @Nullable String email) {
		return this.tenant.bean(Clients.class)
			.create(this.tenant.caller,
					new ClientDetails(0, firstname, lastname, null, null, null, "Strandvägen 3", null, "65100", "Vasa",
							null, "FI", email, 14, null, false))
			.id();
	}

	/** The email's text, with the line ends as written (SMTP carries them as CRLF). */
	private static String text(MimeMessage email) throws Exception {
		return ((String) ((Multipart) email.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
	}

	private static BodyPart attachment(MimeMessage email) throws Exception {
		Multipart parts = (Multipart) email.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		return parts.getBodyPart(1);
	}

	@Test
	void aFinalizedInvoiceIsEmailedToTheClientInFinnishWithItsPdfAttached() throws Exception {
		long invoice = this.tenant.finalizedInvoice();
		JsonNode accepted = sent(invoice, null);
		assertThat(accepted.path("status").asString()).isEqualTo("PENDING");
		assertThat(accepted.path("channel").asString()).isEqualTo("EMAIL");
		assertThat(accepted.path("recipient").asString()).isEqualTo("anna@example.com");
		assertThat(accepted.path("language").asString()).isEqualTo("fi");
		assertThat(accepted.path("invoice_id").asLong()).isEqualTo(invoice);
		assertThat(accepted.path("requested_by").asString()).startsWith("client:");
		long id = accepted.path("id").asLong();

		MimeMessage email = awaitEmails(id, 1).get(0);
		assertThat(email.getAllRecipients()).extracting(Address::toString).containsExactly("anna@example.com");
		assertThat(email.getFrom()).extracting(Address::toString).containsExactly("billing@vetbill.example");
		assertThat(email.getReplyTo()).extracting(Address::toString).containsExactly("laskutus@esimerkki.example");
		assertThat(email.getSubject()).isEqualTo("Lasku INV-1 – Eläinklinikka Esimerkki Oy");
		// 2 × 50.00 at 24 % and 12.35 at 10 %; 21 days' terms from 4 December
		assertThat(text(email)).isEqualTo("""
				Hei,

				liitteenä on lasku INV-1. Lähettäjä: Eläinklinikka Esimerkki Oy.

				Maksettavaa: 137,59 EUR
				Eräpäivä: 25.12.2026
				Viitenumero: %s

				Ystävällisin terveisin
				Eläinklinikka Esimerkki Oy
				""".formatted(
				this.tenant.api.get(this.tenant.path("/invoices/" + invoice)).get("reference_number").asString()));
		BodyPart pdf = attachment(email);
		assertThat(pdf.getFileName()).isEqualTo("lasku-INV-1.pdf");
		assertThat(pdf.getContentType()).startsWith("application/pdf");
		assertThat(pdf.getInputStream().readAllBytes())
			.isEqualTo(TestDocuments.fakePdf(this.documents.of(this.tenant.caller, invoice)));

		JsonNode done = awaitStatus(invoice, id, "SENT");
		assertThat(done.path("attempts").asInt()).isEqualTo(1);
		assertThat(done.path("sent").asString()).isEqualTo("2026-12-04T10:00:00Z");
		assertThat(done.path("last_error").isNull()).isTrue();
		assertThat(done.path("next_attempt").isNull()).isTrue();
		// the invoice keeps its status: sending is recorded on the sending
		assertThat(this.tenant.api.get(this.tenant.path("/invoices/" + invoice)).get("status").asInt()).isEqualTo(3);
		pause(java.time.Duration.ofMillis(300));
		assertThat(emailsOf(id)).hasSize(1);
	}

	@Test
	void eachClientGetsTheEmailInTheLanguageOfTheirDocument() throws Exception {
		long swedish = client("Anna", "Andersson", "anna@andersson.example");
		this.documents.speaks(swedish, SampleDocuments.SWEDISH);
		long english = client("Jane", "Smith", "jane@smith.example");
		this.documents.speaks(english, java.util.Locale.ENGLISH);
		long toSwedish = invoiceOf(swedish);
		long toEnglish = invoiceOf(english);

		JsonNode sv = sent(toSwedish, null);
		JsonNode en = sent(toEnglish, Map.of("channel", "EMAIL"));
		assertThat(sv.path("language").asString()).isEqualTo("sv");
		assertThat(en.path("language").asString()).isEqualTo("en");

		MimeMessage svEmail = awaitEmails(sv.path("id").asLong(), 1).get(0);
		assertThat(svEmail.getAllRecipients()).extracting(Address::toString).containsExactly("anna@andersson.example");
		assertThat(svEmail.getSubject()).isEqualTo("Faktura INV-1 från Eläinklinikka Esimerkki Oy");
		assertThat(text(svEmail)).startsWith("Hej,\n\nbifogat finns faktura INV-1 från Eläinklinikka Esimerkki Oy.")
			.contains("Att betala: 137,59 EUR\nFörfallodag: 18.12.2026\n")
			.endsWith("Med vänliga hälsningar\nEläinklinikka Esimerkki Oy\n");
		assertThat(attachment(svEmail).getFileName()).isEqualTo("faktura-INV-1.pdf");

		MimeMessage enEmail = awaitEmails(en.path("id").asLong(), 1).get(0);
		assertThat(enEmail.getSubject()).isEqualTo("Invoice INV-2 from Eläinklinikka Esimerkki Oy");
		assertThat(text(enEmail)).contains("please find attached invoice INV-2", "Amount due: 137.59 EUR",
				"Due date: 18 December 2026");
		assertThat(attachment(enEmail).getFileName()).isEqualTo("invoice-INV-2.pdf");
	}

	@Test
	void aCreditNoteIsSentAsACreditNote() throws Exception {
		long invoice = this.tenant.finalizedInvoice();
		ApiResponse credit = this.tenant.api.post(this.tenant.path("/invoices/" + invoice + "/credit-notes"), null);
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		JsonNode accepted = sent(credit.id(), Map.of("recipient", "kirjanpito@example.com"));
		MimeMessage email = awaitEmails(accepted.path("id").asLong(), 1).get(0);
		String number = credit.get("invoice_prefix").asString() + "-" + credit.get("invoice_number").asLong();
		assertThat(email.getAllRecipients()).extracting(Address::toString).containsExactly("kirjanpito@example.com");
		assertThat(email.getSubject()).isEqualTo("Hyvityslasku " + number + " – Eläinklinikka Esimerkki Oy");
		assertThat(text(email)).contains("hyvityslasku " + number + ", joka hyvittää laskun INV-1",
				"Hyvitetään: 137,59 EUR");
		assertThat(attachment(email).getFileName()).isEqualTo("hyvityslasku-" + number + ".pdf");
	}

	@Test
	void anEInvoiceIsWrittenToTheOutboxFolderWhole() throws IOException {
		this.documents.reachedAt(this.tenant.client,
				new InvoiceDocument.ElectronicAddress("0216", "003776543212", "003721291126"));
		long invoice = this.tenant.finalizedInvoice();
		JsonNode toTheirs = sent(invoice, Map.of("channel", "EINVOICE"));
		assertThat(toTheirs.path("recipient").asString()).isEqualTo("0216:003776543212:003721291126");
		JsonNode toAnother = sent(invoice, Map.of("channel", "einvoice", "recipient", "0037:12345671"));
		assertThat(toAnother.path("channel").asString()).isEqualTo("EINVOICE");

		awaitStatus(invoice, toTheirs.path("id").asLong(), "SENT");
		awaitStatus(invoice, toAnother.path("id").asLong(), "SENT");
		Path first = OUTBOX
			.resolve("sending-" + this.tenant.organizationId + "-" + toTheirs.path("id").asLong() + ".xml");
		Path second = OUTBOX
			.resolve("sending-" + this.tenant.organizationId + "-" + toAnother.path("id").asLong() + ".xml");
		assertThat(Files.readString(first)).isEqualTo(
				"<Finvoice><Number>INV-1</Number><Buyer>0216:003776543212:003721291126</Buyer><Total>137.59</Total></Finvoice>");
		assertThat(Files.readString(second)).isEqualTo(
				"<Finvoice><Number>INV-1</Number><Buyer>0037:12345671:null</Buyer><Total>137.59</Total></Finvoice>");
		try (Stream<Path> files = Files.list(OUTBOX)) {
			assertThat(files.map((file) -> file.getFileName().toString())).noneMatch((name) -> name.endsWith(".tmp"));
		}
		assertThat(emailsOf(toTheirs.path("id").asLong())).isEmpty();
	}

	@Test
	void withoutAChannelAnInvoiceGoesTheWayTheClientChose() {
		this.documents.reachedAt(this.tenant.client,
				new InvoiceDocument.ElectronicAddress("0216", "003776543212", "003721291126"));
		long invoice = this.tenant.finalizedInvoice();
		assertThat(sent(invoice, Map.of()).path("channel").asString()).isEqualTo("EMAIL");
		ApiResponse chosen = this.tenant.api.patch(this.tenant.path("/clients/" + this.tenant.client + "/invoicing"),
				Map.of("invoice_delivery", "EINVOICE", "einvoice_address_scheme", "0216", "einvoice_address",
						"003776543212"));
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
		JsonNode sending = sent(invoice, Map.of());
		assertThat(sending.path("channel").asString()).isEqualTo("EINVOICE");
		assertThat(sending.path("recipient").asString()).isEqualTo("0216:003776543212:003721291126");
	}

	@Test
	void aDraftOrAVoidedInvoiceIsNotSentAndTheRefusalNamesItsStatus() {
		ApiResponse draft = this.tenant.api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
						List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1))));
		ApiResponse refused = send(draft.id(), null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.get("code").asString()).isEqualTo("invoice_not_sendable");
		assertThat(refused.get("field").asString()).isEqualTo("status");
		assertThat(refused.get("detail").asString()).isEqualTo(
				"invoice " + draft.id() + " is a draft (status 0); finalize it (POST .../finalize) before sending it");

		long voided = this.tenant.finalizedInvoice();
		ApiResponse voiding = this.tenant.api.post(this.tenant.path("/invoices/" + voided + "/void"), null);
		assertThat(voiding.status()).as(voiding.toString()).isEqualTo(200);
		ApiResponse refusedVoid = send(voided, Map.of("channel", "EMAIL"));
		assertThat(refusedVoid.status()).as(refusedVoid.toString()).isEqualTo(422);
		assertThat(refusedVoid.get("field").asString()).isEqualTo("status");
		assertThat(refusedVoid.get("detail").asString()).contains("is voided (status 99)");

		assertThat(sendings(draft.id())).isEmpty();
		assertThat(sendings(voided)).isEmpty();
	}

	@Test
	void aWrongOrMissingChannelOrRecipientIsRefusedNamingTheField() {
		long invoice = this.tenant.finalizedInvoice();
		assertRefused(send(invoice, Map.of("channel", "FAX")), "channel", "\"FAX\" is not a valid channel");
		assertRefused(send(invoice, Map.of("recipient", "Anna <anna@example.com>")), "recipient",
				"is not an email address");
		assertRefused(send(invoice, Map.of("recipient", "anna")), "recipient", "is not an email address");
		assertRefused(send(invoice, Map.of("channel", "EINVOICE")), "recipient", "no e-invoice address");
		assertRefused(send(invoice, Map.of("channel", "EINVOICE", "recipient", "003712345671")), "recipient",
				"is not an e-invoice address");
		long noEmail = client("Matti", "Meikäläinen", null);
		assertRefused(send(invoiceOf(noEmail), null), "recipient", "the client has no email address");
		assertThat(sendings(invoice)).isEmpty();

		ApiResponse unknown = send(invoice + 1000, null);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
	}

	private static void assertRefused(ApiResponse response, String field, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body().path("errors").findValuesAsString("field")).containsExactly(field);
		assertThat(response.body().path("errors").get(0).path("message").asString()).contains(message);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyRecordsAndSendsOneSending() {
		long invoice = this.tenant.finalizedInvoice();
		String path = this.tenant.path("/invoices/" + invoice + "/sendings");
		ApiResponse first = this.tenant.api.post(path, Map.of("channel", "EMAIL"), "Idempotency-Key", "send-1");
		ApiResponse retry = this.tenant.api.post(path, Map.of("channel", "EMAIL"), "Idempotency-Key", "send-1");
		assertThat(first.status()).as(first.toString()).isEqualTo(202);
		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.raw()).isEqualTo(first.raw());
		assertThat(retry.header("Idempotent-Replayed")).contains("true");
		long id = first.id();
		awaitStatus(invoice, id, "SENT");
		assertThat(sendings(invoice)).hasSize(1);
		pause(java.time.Duration.ofMillis(300));
		assertThat(emailsOf(id)).hasSize(1);
	}

	@Test
	void sendingNeedsTheBillingPermissionAndListingReading() {
		long invoice = this.tenant.finalizedInvoice();
		Api reader = this.tenant.apiWith("read");
		ApiResponse refused = reader.post(this.tenant.path("/invoices/" + invoice + "/sendings"), null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		long id = sent(invoice, null).path("id").asLong();
		ApiResponse listed = reader.get(this.tenant.path("/invoices/" + invoice + "/sendings"));
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		assertThat(listed.body().valueStream().map((sending) -> sending.path("id").asLong())).containsExactly(id);
	}

}
