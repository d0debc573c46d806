package org.vetbill.webhooks;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PayloadTests {

	private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

	@Test
	void aFormBodyCarriesTheIdAsTextKeyedByTheObjectsType() {
		assertThat(Payload.of("invoice", 123, "client:erp 1", AT, 1))
			.isEqualTo(new Payload("application/x-www-form-urlencoded",
					"invoice_id=123&user=client%3Aerp+1&timestamp=2026-11-21T10%3A00%3A00Z"));
	}

	@Test
	void aFormBodyLeavesOutAUserNotRecorded() {
		assertThat(Payload.of("invoice", 123, null, AT, 1).body())
			.isEqualTo("invoice_id=123&timestamp=2026-11-21T10%3A00%3A00Z");
	}

	@Test
	void aJsonBodyCarriesTheIdAsANumber() {
		assertThat(Payload.of("unallocatedpayment", 9876543210L, "user:\"quoted\"", AT.plusMillis(250), 2))
			.isEqualTo(new Payload("application/json", "{\"unallocatedpayment_id\":9876543210,"
					+ "\"user\":\"user:\\\"quoted\\\"\",\"timestamp\":\"2026-11-21T10:00:00.250Z\"}"));
		assertThat(Payload.of("invoice", 1, null, AT, 2).body())
			.isEqualTo("{\"invoice_id\":1,\"user\":null,\"timestamp\":\"2026-11-21T10:00:00Z\"}");
	}

	@Test
	void everyTriggerNamesItsObjectsKey() {
		assertThat(Trigger.CODES).containsExactly(9, 10, 11, 12, 23, 45, 63);
		assertThat(java.util.Arrays.stream(Trigger.values())
			.map((t) -> Payload.of(t.objectType(), 1, null, AT, 1).body())
			.map((body) -> body.substring(0, body.indexOf('&')))).containsExactly("invoice_id=1", "invoice_id=1",
					"invoicepayment_id=1", "unallocatedpayment_id=1", "invoicerow_id=1", "consultation_id=1",
					"department_id=1");
	}

	@Test
	void anUnknownContentTypeIsAProgrammingError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Payload.of("invoice", 1, null, AT, 3));
	}

}
