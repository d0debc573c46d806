package org.vetbill.webhooks;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant FAILED = Instant.parse("2026-11-21T10:00:00Z");

	private final RetryPolicy defaults = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 10);

	@Test
	void theWaitStartsAtTheBaseAndDoublesAfterEachFailureUpToTheMaximum() {
		assertThat(this.defaults.delay(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.defaults.delay(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.defaults.delay(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.defaults.delay(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(this.defaults.delay(8)).isEqualTo(Duration.ofHours(1));
		assertThat(this.defaults.delay(9)).isEqualTo(Duration.ofHours(1));
		assertThat(this.defaults.delay(200)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aDelayThatWouldBeExactlyTheMaximumIsTheMaximum() {
		RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 10);
		assertThat(policy.delay(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(policy.delay(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.delay(3)).isEqualTo(Duration.ofMillis(400));
		assertThat(policy.delay(4)).isEqualTo(Duration.ofMillis(400));
	}

	@Test
	void everyAttemptButTheLastIsFollowedByAnotherAfterTheWait() {
		assertThat(this.defaults.nextTry(1, FAILED)).isEqualTo(Instant.parse("2026-11-21T10:00:30Z"));
		assertThat(this.defaults.nextTry(9, FAILED)).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
		assertThat(this.defaults.nextTry(10, FAILED)).isNull();
	}

	@Test
	void tenAttemptsWithTheDefaultsSpanAboutThreeHours() {
		Duration total = Duration.ZERO;
		for (int attempt = 1; attempt < 10; attempt++) {
			total = total.plus(this.defaults.delay(attempt));
		}
		// 30 s, 1, 2, 4, 8, 16, 32, 60 and 60 minutes
		assertThat(total).isEqualTo(Duration.ofMinutes(183).plusSeconds(30));
	}

}
