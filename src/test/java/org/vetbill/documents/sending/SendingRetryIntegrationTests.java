package org.vetbill.documents.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens when the mail server does not take the email: retries with exponential
 * back-off on the injected clock (1, 2, 4 minutes in these tests' settings), a recorded
 * FAILED with the error after the last attempt, one email once the server is back, and
 * the window in which a node that dies after sending and before recording makes another
 * node send the email again (with the same Message-ID), while two nodes never make the
 * same attempt.
 */
class SendingRetryIntegrationTests extends SendingIntegrationTest {

	@Test
	void aMailServerThatIsDownIsRetriedWithBackoffAndTheSendingFailsAfterTheLastAttempt() {
		smtp.stop();
		Instant start = this.clock.instant();
		long invoice = this.tenant.finalizedInvoice();
		long id = sent(invoice, null).path("id").asLong();

		JsonNode first = awaitRecorded(invoice, id, 1);
		assertThat(first.path("status").asString()).isEqualTo("PENDING");
		assertThat(first.path("last_error").asString()).startsWith("MailSendException");
		assertThat(instant(first.path("last_attempt"))).isEqualTo(start);
		assertThat(instant(first.path("next_attempt"))).isEqualTo(start.plus(BASE));
		// not due before its time: the clock stands still, and so does the sending
		pause(Duration.ofMillis(400));
		assertThat(sending(invoice, id).path("attempts").asInt()).isEqualTo(1);

		Instant now = start;
		for (int attempt = 2; attempt < MAX_ATTEMPTS; attempt++) {
			Duration wait = BASE.multipliedBy(1L << (attempt - 2));
			this.clock.advance(wait.minusSeconds(1));
			pause(Duration.ofMillis(300));
			assertThat(sending(invoice, id).path("attempts").asInt()).as("before attempt " + attempt)
				.isEqualTo(attempt - 1);
			this.clock.advance(Duration.ofSeconds(1));
			now = now.plus(wait);
			JsonNode retried = awaitRecorded(invoice, id, attempt);
			assertThat(retried.path("status").asString()).isEqualTo("PENDING");
			assertThat(instant(retried.path("last_attempt"))).isEqualTo(now);
			assertThat(instant(retried.path("next_attempt"))).as("after attempt " + attempt)
				.isEqualTo(now.plus(BASE.multipliedBy(1L << (attempt - 1))));
		}
		this.clock.advance(BASE.multipliedBy(1L << (MAX_ATTEMPTS - 2)));
		JsonNode failed = awaitRecorded(invoice, id, MAX_ATTEMPTS);
		assertThat(failed.path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("next_attempt").isNull()).isTrue();
		assertThat(failed.path("sent").isNull()).isTrue();
		assertThat(failed.path("last_error").asString()).startsWith("MailSendException")
			.contains("Couldn't connect to host");

		// given up is given up: the server back, nothing more is sent
		smtp.start();
		this.clock.advance(Duration.ofHours(2));
		pause(Duration.ofMillis(500));
		assertThat(sending(invoice, id).path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
		assertThat(emailsOf(id)).isEmpty();
	}

	@Test
	void aMailServerThatComesBackGetsTheEmailOnce() {
		smtp.stop();
		long invoice = this.tenant.finalizedInvoice();
		long id = sent(invoice, null).path("id").asLong();
		awaitRecorded(invoice, id, 1);
		smtp.start();
		this.clock.advance(BASE);
		JsonNode done = awaitStatus(invoice, id, "SENT");
		assertThat(done.path("attempts").asInt()).isEqualTo(2);
		assertThat(done.path("last_error").isNull()).isTrue();
		assertThat(instant(done.path("sent"))).isEqualTo(this.clock.instant());
		this.clock.advance(Duration.ofHours(1));
		pause(Duration.ofMillis(400));
		assertThat(emailsOf(id)).hasSize(1);
	}

	@Test
	void aNodeThatDiesAfterSendingLeavesTheSendingToAnotherOnceItsLeaseRunsOut() throws Exception {
		SendingWorker worker = this.context.getBean(SendingWorker.class);
		Sender sender = this.context.getBean(Sender.class);
		SendingProperties properties = this.context.getBean(SendingProperties.class);
		long invoice = this.tenant.finalizedInvoice();
		worker.stop();
		Sender.Claim claim;
		Sender.Outcome outcome;
		try {
			long id = sent(invoice, null).path("id").asLong();
			List<Sender.Claim> claims = sender.claim("node-a", 10, sender.now());
			assertThat(claims).extracting((won) -> won.sending().id()).containsExactly(id);
			claim = claims.get(0);
			// another node at the same moment wins nothing
			assertThat(sender.claim("node-b", 10, sender.now())).isEmpty();
			outcome = sender.attempt(claim, sender.now());
			assertThat(outcome.succeeded()).isTrue();
			// node A dies here, before recording the attempt
		}
		finally {
			worker.start();
		}
		long id = claim.sending().id();
		assertThat(awaitEmails(id, 1)).hasSize(1);
		pause(Duration.ofMillis(400));
		JsonNode held = sending(invoice, id);
		assertThat(held.path("status").asString()).isEqualTo("PENDING");
		assertThat(held.path("attempts").asInt()).isEqualTo(1);

		this.clock.advance(properties.lease());
		JsonNode done = awaitStatus(invoice, id, "SENT");
		assertThat(done.path("attempts").asInt()).isEqualTo(2);
		// at least once: the email went twice, as the same message
		List<MimeMessage> emails = awaitEmails(id, 2);
		assertThat(emails).hasSize(2);
		assertThat(emails.get(1).getMessageID()).isEqualTo(emails.get(0).getMessageID());
		// node A's late record is refused: the sending stays as node B recorded it
		assertThat(sender.record(claim, "node-a", outcome, sender.now())).isFalse();
		assertThat(sending(invoice, id).path("attempts").asInt()).isEqualTo(2);
	}

}
