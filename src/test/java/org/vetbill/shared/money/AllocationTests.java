package org.vetbill.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AllocationTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static Money eur(String amount) {
		return Money.of(amount, EUR);
	}

	@Test
	void sharesFollowTheWeights() {
		assertThat(Allocation.proportionally(eur("30.00"), List.of(eur("100.00"), eur("200.00"))))
			.containsExactly(eur("10.00"), eur("20.00"));
	}

	@Test
	void leftoverCentsGoToTheLargestRemainders() {
		// 10.00 over 3 equal weights: 3.33 each and one cent left, to the first on a tie
		assertThat(Allocation.proportionally(eur("10.00"), List.of(eur("1.00"), eur("1.00"), eur("1.00"))))
			.containsExactly(eur("3.34"), eur("3.33"), eur("3.33"));
		// 1.00 over 10/20/30: exact shares 0.1666.., 0.3333.., 0.50 -> floors 0.16, 0.33,
		// 0.50 and the
		// cent goes to the largest remainder (the first)
		assertThat(Allocation.proportionally(eur("1.00"), List.of(eur("10.00"), eur("20.00"), eur("30.00"))))
			.containsExactly(eur("0.17"), eur("0.33"), eur("0.50"));
		// 5 cents over 3/4/3: exact shares 1.5, 2.0, 1.5 cents; floors 1, 2, 1 and the
		// cent left
		// goes to the first of the two equal remainders
		assertThat(Allocation.proportionally(eur("0.05"), List.of(eur("3.00"), eur("4.00"), eur("3.00"))))
			.containsExactly(eur("0.02"), eur("0.02"), eur("0.01"));
	}

	@Test
	void zeroWeightsGetNothing() {
		assertThat(Allocation.proportionally(eur("5.00"), List.of(eur("0.00"), eur("10.00"))))
			.containsExactly(eur("0.00"), eur("5.00"));
	}

	@Test
	void nothingToAllocateGivesZeros() {
		assertThat(Allocation.proportionally(eur("0.00"), List.of(eur("0.00"), eur("0.00"))))
			.containsExactly(eur("0.00"), eur("0.00"));
	}

	@Test
	void refusesWhatCannotBeAllocated() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Allocation.proportionally(eur("-1.00"), List.of(eur("1.00"))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Allocation.proportionally(eur("1.00"), List.of(eur("-1.00"), eur("2.00"))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Allocation.proportionally(eur("1.00"), List.of(eur("0.00"))));
	}

	@Property
	void sharesAlwaysAddUpAndStayWithinACentOfTheExactShare(
			@ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 10_000_000) Long> weightCents,
			@ForAll @IntRange(min = 0, max = 100) int percent) {
		long total = weightCents.stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return;
		}
		List<Money> weights = weightCents.stream().map((c) -> Money.ofMinorUnits(c, EUR)).toList();
		Money amount = Money.ofMinorUnits(total * percent / 100, EUR);
		List<Money> shares = Allocation.proportionally(amount, weights);
		assertThat(shares.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(amount.amount());
		for (int i = 0; i < shares.size(); i++) {
			BigDecimal exact = amount.amount()
				.multiply(weights.get(i).amount())
				.divide(Money.ofMinorUnits(total, EUR).amount(), 10, RoundingMode.HALF_UP);
			assertThat(shares.get(i).amount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
			assertThat(shares.get(i).isNegative()).isFalse();
		}
	}

}
