package org.vetbill.supply.domain;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptsTests {

	@Test
	void shippedQuantitiesFillTheLinesOfTheSameProduct() {
		int[] received = Receipts.received(List.of(order("A", null, 10), order("B", null, 4)),
				List.of(shipped("A", "Amoxicillin", 6), shipped("B", "Bandage", 4), shipped("A", "Amoxicillin", 3)));
		assertThat(received).containsExactly(9, 4);
	}

	@Test
	void linesWithoutACodeMatchByDescriptionIgnoringCaseAndSpaces() {
		int[] received = Receipts.received(List.of(order(null, "Gauze swabs 10cm", 5)),
				List.of(shipped("GZ10", "  GAUZE SWABS 10CM ", 5)));
		assertThat(received).containsExactly(5);
	}

	@Test
	void aCodeOnTheOrderWinsOverTheDescription() {
		int[] received = Receipts.received(List.of(order("A", "Gauze", 5), order(null, "Gauze", 5)),
				List.of(shipped("A", "Gauze", 5)));
		assertThat(received).containsExactly(5, 0);
	}

	@Test
	void repeatedProductsFillInLineOrderAndTheLastTakesAnOverDelivery() {
		int[] received = Receipts.received(List.of(order("A", null, 2), order("C", null, 1), order("A", null, 3)),
				List.of(shipped("A", null, 7)));
		assertThat(received).containsExactly(2, 0, 5);
	}

	@Test
	void otherProductsAndEmptyShipmentsReceiveNothing() {
		assertThat(Receipts.received(List.of(order("A", null, 2)), List.of(shipped("Z", "Other", 2))))
			.containsExactly(0);
		assertThat(Receipts.received(List.of(order("A", null, 2)), List.of())).containsExactly(0);
	}

	private static OrderLineDetails order(@Nullable String code, @Nullable String description, int quantity) {
		return new OrderLineDetails(code, description, quantity, null);
	}

	private static InvoiceLineDetails shipped(@Nullable String code, @Nullable String description, int quantity) {
		return new InvoiceLineDetails(code, description, quantity, quantity, null, BigDecimal.ONE, null, null,
				BigDecimal.ZERO, null, null, false);
	}

}
