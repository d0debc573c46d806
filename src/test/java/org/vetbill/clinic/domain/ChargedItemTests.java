package org.vetbill.clinic.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChargedItemTests {

	private static ChargedItem charge(long item, String price, String name) {
		return new ChargedItem(item, BigDecimal.ONE, new BigDecimal(price), null, null, name);
	}

	@Test
	void anotherItemTakesItsOwnNameAndPriceUnlessTheChangeGivesThem() {
		ChargedItem changed = charge(2, "50.00", "Consultation").replacing(1, "Consultation", new BigDecimal("50.0"));
		assertThat(changed.name()).isNull();
		assertThat(changed.unitPrice()).isNull();
		ChargedItem named = charge(2, "30", "Follow-up").replacing(1, "Consultation", new BigDecimal("50"));
		assertThat(named.name()).isEqualTo("Follow-up");
		assertThat(named.unitPrice()).isEqualByComparingTo("30");
	}

	@Test
	void theSameItemKeepsEverything() {
		ChargedItem same = charge(1, "50.00", "Consultation");
		assertThat(same.replacing(1, "Consultation", new BigDecimal("50"))).isSameAs(same);
		assertThat(same.percentageChangeOrZero()).isZero();
	}

}
