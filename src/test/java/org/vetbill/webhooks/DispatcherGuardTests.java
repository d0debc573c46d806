package org.vetbill.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.net.OutboundGuard;
import org.vetbill.shared.net.OutboundProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher posts only where the outbound guard permits, checked when it connects:
 * an internal address, written as an address or as a name that resolves to one, is
 * refused without a connection, and an address the setting allows is reached.
 */
class DispatcherGuardTests {

	private static final WebhookProperties PROPERTIES = new WebhookProperties(false, Duration.ofSeconds(1),
			Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMillis(400), 10, 1,
			Duration.ofHours(1), Duration.ofDays(1));

	private static Dispatcher dispatcher(List<String> allowed) {
		return new Dispatcher(null, PROPERTIES, Clock.systemUTC(), new OutboundGuard(new OutboundProperties(allowed)));
	}

	private static Dispatcher.Claim claim(String url) {
		return new Dispatcher.Claim(1, 1, 1, 1, "invoice", 7, url, Payload.JSON, "whsec_c2VjcmV0", null, "client:1",
				Instant.parse("2026-11-21T10:00:00Z"));
	}

	@Test
	void internalAddressesAreRefusedWithoutAConnection() {
		try (Receiver receiver = Receiver.start()) {
			String local = receiver.url("/hook");
			int port = Integer.parseInt(local.replaceAll(".*:(\\d+)/hook", "$1"));
			Dispatcher dispatcher = dispatcher(List.of());
			for (String url : List.of(local, "http://localhost:" + port + "/hook", "http://10.0.0.1/hook",
					"http://169.254.169.254/latest/meta-data/", "http://[::1]:" + port + "/hook")) {
				Dispatcher.Outcome outcome = dispatcher.attempt(claim(url), Instant.now());
				assertThat(outcome.status()).as(url).isNull();
				assertThat(outcome.error()).as(url)
					.startsWith("Refused: vetbill does not connect to ")
					.contains("not a public address");
			}
			assertThat(receiver.all()).isEmpty();
		}
	}

	@Test
	void anAllowedAddressIsReached() {
		try (Receiver receiver = Receiver.start()) {
			Dispatcher.Outcome outcome = dispatcher(List.of("127.0.0.0/8", "::1")).attempt(claim(receiver.url("/hook")),
					Instant.now());
			assertThat(outcome.status()).isEqualTo(200);
			assertThat(receiver.await("/hook", 1)).hasSize(1);
		}
	}

	@Test
	void aRedirectIsNotFollowed() {
		try (Receiver receiver = Receiver.start()) {
			receiver.answer("/moved", 302);
			Dispatcher.Outcome outcome = dispatcher(List.of("127.0.0.0/8")).attempt(claim(receiver.url("/moved")),
					Instant.now());
			assertThat(outcome.status()).isEqualTo(302);
			assertThat(receiver.all()).extracting(Receiver.Received::path).containsExactly("/moved");
		}
	}

}
