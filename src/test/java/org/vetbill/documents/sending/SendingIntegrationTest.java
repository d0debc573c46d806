package org.vetbill.documents.sending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vetbill.clinic.Clients;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.INVOICE_SENDING;

/**
 * What the sending tests share: an SMTP server in this process (GreenMail, started afresh
 * for each test on a port of its own, which the application's {@code spring.mail.*}
 * points at), an e-invoice outbox and a mail folder of their own, the stand-in documents
 * and renderers, a tenant with a finalized invoice, and this context's sending worker
 * (the other test contexts, which share the database, run none). The tests' settings poll
 * every 100 ms and back off from 1 to 4 minutes over 4 attempts, so a test moves the
 * clock to make the next attempt due.
 */
@Import(SendingIntegrationTest.StandIns.class)
abstract class SendingIntegrationTest extends IntegrationTest {

	static final int SMTP_PORT = freePort();

	static final Duration BASE = Duration.ofMinutes(1);

	static final int MAX_ATTEMPTS = 4;

	static final Path FOLDERS = temporaryFolder();

	static final Path OUTBOX = FOLDERS.resolve("einvoice-outbox");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(true);

	protected TestTenant tenant;

	protected TestDocuments documents;

	@DynamicPropertySource
	static void sending(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("vetbill.sending.worker-enabled", () -> "true");
		registry.add("vetbill.sending.poll-interval", () -> "100ms");
		registry.add("vetbill.sending.retry-base", () -> BASE.toString());
		registry.add("vetbill.sending.retry-max", () -> BASE.multipliedBy(4).toString());
		registry.add("vetbill.sending.max-attempts", () -> MAX_ATTEMPTS);
		registry.add("vetbill.sending.lease", () -> "10m");
		registry.add("vetbill.sending.from", () -> "billing@vetbill.example");
		registry.add("vetbill.sending.einvoice-outbox", OUTBOX::toString);
		registry.add("vetbill.sending.mail-folder", () -> FOLDERS.resolve("mail").toString());
	}

	@BeforeEach
	void setUpTenant() {
		this.clock.set("2026-12-04T10:00:00Z");
		this.tenant = newTenant();
		this.documents = this.context.getBean(TestDocuments.class);
	}

	/**
	 * Ends whatever a test left pending, so that no later test's worker sends it.
	 */
	@AfterEach
	void endWhatIsLeftPending() {
		this.context.getBean(DSLContext.class)
			.update(INVOICE_SENDING)
			.set(INVOICE_SENDING.STATUS, SendingStatus.FAILED.name())
			.setNull(INVOICE_SENDING.NEXT_ATTEMPT)
			.where(INVOICE_SENDING.STATUS.eq(SendingStatus.PENDING.name()))
			.and(INVOICE_SENDING.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.execute();
	}

	ApiResponse send(long invoice, Object body) {
		return this.tenant.api.post(this.tenant.path("/invoices/" + invoice + "/sendings"), body);
	}

	JsonNode sent(long invoice, Object body) {
		ApiResponse response = send(invoice, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		return response.body();
	}

	List<JsonNode> sendings(long invoice) {
		ApiResponse response = this.tenant.api.get(this.tenant.path("/invoices/" + invoice + "/sendings"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body().valueStream().toList();
	}

	JsonNode sending(long invoice, long id) {
		return sendings(invoice).stream()
			.filter((sending) -> sending.path("id").asLong() == id)
			.findFirst()
			.orElseThrow();
	}

	JsonNode awaitStatus(long invoice, long id, String status) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> sending(invoice, id), (sending) -> status.equals(sending.path("status").asString()));
	}

	/**
	 * Waits until a sending's attempt is recorded (its lease released).
	 * @param invoice the invoice
	 * @param id the sending
	 * @param attempts which attempt
	 * @return the sending after it
	 */
	JsonNode awaitRecorded(long invoice, long id, int attempts) {
		DSLContext dsl = this.context.getBean(DSLContext.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> dsl.fetchExists(INVOICE_SENDING,
					INVOICE_SENDING.ORGANIZATION_ID.eq(this.tenant.organizationId)
						.and(INVOICE_SENDING.ID.eq(id))
						.and(INVOICE_SENDING.ATTEMPTS.eq(attempts))
						.and(INVOICE_SENDING.LEASE_OWNER.isNull())));
		return sending(invoice, id);
	}

	/**
	 * The emails the SMTP server received with a sending's Message-ID.
	 * @param id the sending
	 * @return the emails
	 */
	List<MimeMessage> emailsOf(long id) {
		String messageId = this.context.getBean(DSLContext.class)
			.select(INVOICE_SENDING.MESSAGE_ID)
			.from(INVOICE_SENDING)
			.where(INVOICE_SENDING.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(INVOICE_SENDING.ID.eq(id))
			.fetchSingle()
			.value1();
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return messageId.equals(message.getMessageID());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	List<MimeMessage> awaitEmails(long id, int count) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> emailsOf(id), (emails) -> emails.size() >= count);
	}

	static Instant instant(JsonNode node) {
		return Instant.parse(node.asString());
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("vetbill-sending-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StandIns {

		/**
		 * The stand-in documents, preferred over the ledger's own documents where those
		 * are wired in too, so these tests choose each client's language and address.
		 * @param invoices the invoices
		 * @param clients the clients
		 * @return the stand-ins
		 */
		@Bean
		@Primary
		TestDocuments testDocuments(InvoiceQueries invoices, Clients clients) {
			return new TestDocuments(invoices, clients);
		}

	}

}
