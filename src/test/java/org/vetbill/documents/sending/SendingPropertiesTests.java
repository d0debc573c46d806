package org.vetbill.documents.sending;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The back-off between attempts: doubling from the base, capped, and none after the last
 * attempt; and the settings that make no sense refused at start.
 */
class SendingPropertiesTests {

	private static SendingProperties properties(Duration base, Duration max, int attempts) {
		return new SendingProperties(true, Duration.ofSeconds(5), Duration.ofMinutes(5), base, max, attempts,
				"vetbill@localhost", Path.of("mail"), Path.of("outbox"), SendingProperties.EInvoiceFormat.FINVOICE);
	}

	@Test
	void theWaitDoublesAfterEachFailureUpToTheMaximumAndEndsAtTheLastAttempt() {
		SendingProperties properties = properties(Duration.ofMinutes(1), Duration.ofMinutes(10), 6);
		assertThat(properties.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(properties.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(properties.retryAfter(5)).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.retryAfter(6)).isNull();
	}

	@Test
	void aLongRunOfFailuresNeverOverflowsTheWait() {
		SendingProperties properties = properties(Duration.ofMinutes(1), Duration.ofHours(1), 1000);
		assertThat(properties.retryAfter(64)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.retryAfter(999)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void settingsThatMakeNoSenseAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofMinutes(1), Duration.ofHours(1), 0))
			.withMessageContaining("max-attempts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
			.withMessageContaining("retry-max");
	}

}
