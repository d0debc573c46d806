package org.vetbill.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical encoding of the audit chain, checked against hashes computed outside
 * vetbill with the recipe of docs/operations.md (netstrings of the fields, SHA-256).
 */
class AuditHashTests {

	private static final AuditHash.Fields FIRST = new AuditHash.Fields(7, 1, Instant.parse("2026-11-21T10:00:00Z"),
			"user:frontdesk", "payment.recorded", "payment", 42,
			"{\"before\":null,\"after\":{\"paid\":\"62.00\",\"info\":\"Käteinen\"}}", AuditHash.GENESIS);

	@Test
	void theFirstEventHashesItsFieldsAfterTheGenesis() {
		assertThat(AuditHash.of(FIRST)).isEqualTo("d5b13f3660661abd007342a54f8e3c38cffdf5c5e24d736e2229bbfbb7ce664e");
	}

	@Test
	void theNextEventCoversThePreviousHashAndANullDetails() {
		AuditHash.Fields second = new AuditHash.Fields(7, 2, Instant.parse("2026-11-21T10:00:00.123456Z"),
				"user:frontdesk", "payment.cancelled", "payment", 43, null, AuditHash.of(FIRST));
		assertThat(AuditHash.of(second)).isEqualTo("8f16ff1e09ca22e314836879229cf5eb0a4ba4cd3f8b281a9eef20ae26252a0d");
	}

	@Test
	void everyFieldCounts() {
		String hash = AuditHash.of(FIRST);
		assertThat(AuditHash.of(new AuditHash.Fields(8, 1, FIRST.occurred(), FIRST.actor(), FIRST.action(),
				FIRST.entityType(), FIRST.entityId(), FIRST.details(), FIRST.previousHash())))
			.isNotEqualTo(hash);
		assertThat(AuditHash.of(new AuditHash.Fields(7, 1, FIRST.occurred().plusNanos(1000), FIRST.actor(),
				FIRST.action(), FIRST.entityType(), FIRST.entityId(), FIRST.details(), FIRST.previousHash())))
			.isNotEqualTo(hash);
		// moving a character from one field to the next changes the hash (netstrings)
		assertThat(AuditHash.of(new AuditHash.Fields(7, 1, FIRST.occurred(), "user:frontdes", "kpayment.recorded",
				FIRST.entityType(), FIRST.entityId(), FIRST.details(), FIRST.previousHash())))
			.isNotEqualTo(hash);
		assertThat(AuditHash.of(new AuditHash.Fields(7, 1, FIRST.occurred(), FIRST.actor(), FIRST.action(),
				FIRST.entityType(), FIRST.entityId(), "", FIRST.previousHash())))
			.isNotEqualTo(AuditHash.of(new AuditHash.Fields(7, 1, FIRST.occurred(), FIRST.actor(), FIRST.action(),
					FIRST.entityType(), FIRST.entityId(), null, FIRST.previousHash())));
	}

}
