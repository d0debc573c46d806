package org.vetbill.webhooks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PayloadTests {

	@Test
	void aFormBodyCarriesTheIdAsTextKeyedByTheObjectsType() {
		assertThat(Payload.of("invoice", 123, 1))
			.isEqualTo(new Payload("application/x-www-form-urlencoded", "invoice_id=123"));
	}

	@Test
	void aJsonBodyCarriesTheIdAsANumber() {
		assertThat(Payload.of("unallocatedpayment", 9876543210L, 2))
			.isEqualTo(new Payload("application/json", "{\"unallocatedpayment_id\":9876543210}"));
	}

	@Test
	void everyTriggerNamesItsObjectsKey() {
		assertThat(Trigger.CODES).containsExactly(9, 10, 11, 12, 23, 45, 63);
		assertThat(java.util.Arrays.stream(Trigger.values()).map((t) -> Payload.of(t.objectType(), 1, 1).body()))
			.containsExactly("invoice_id=1", "invoice_id=1", "invoicepayment_id=1", "unallocatedpayment_id=1",
					"invoicerow_id=1", "consultation_id=1", "department_id=1");
	}

	@Test
	void anUnknownContentTypeIsAProgrammingError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Payload.of("invoice", 1, 3));
	}

}
