package org.vetbill.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final Currency JPY = Currency.getInstance("JPY");

	private static final Currency KWD = Currency.getInstance("KWD");

	@Test
	void amountsTakeTheCurrencysScale() {
		assertThat(Money.of("12", EUR).amount()).isEqualTo(new BigDecimal("12.00"));
		assertThat(Money.of("12.5", EUR).amount().toPlainString()).isEqualTo("12.50");
		assertThat(Money.of("1200", JPY).amount().scale()).isZero();
		assertThat(Money.of("1.5", KWD).amount().toPlainString()).isEqualTo("1.500");
	}

	@Test
	void trailingZerosBeyondTheScaleAreAcceptedAndDropped() {
		assertThat(Money.of("12.3400", EUR).amount().toPlainString()).isEqualTo("12.34");
	}

	@Test
	void moreDecimalsThanTheCurrencyAllowsAreRefusedNotRounded() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("12.345", EUR))
			.withMessageContaining("more than 2 decimals");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("0.5", JPY));
	}

	@Test
	void roundingHappensOnlyThroughRoundWithAnExplicitMode() {
		assertThat(Money.round(new BigDecimal("0.125"), EUR, RoundingMode.HALF_UP)).isEqualTo(Money.of("0.13", EUR));
		assertThat(Money.round(new BigDecimal("0.125"), EUR, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("0.12", EUR));
		assertThat(Money.round(new BigDecimal("0.135"), EUR, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("0.14", EUR));
		assertThat(Money.round(new BigDecimal("-0.125"), EUR, RoundingMode.HALF_UP)).isEqualTo(Money.of("-0.13", EUR));
	}

	@Test
	void arithmeticIsExact() {
		Money a = Money.of("0.10", EUR);
		Money sum = Money.zero(EUR);
		for (int i = 0; i < 10; i++) {
			sum = sum.plus(a);
		}
		assertThat(sum).isEqualTo(Money.of("1.00", EUR));
		assertThat(sum.minus(Money.of("1.01", EUR))).isEqualTo(Money.of("-0.01", EUR));
		assertThat(sum.negate().isNegative()).isTrue();
		assertThat(Money.zero(EUR).isZero()).isTrue();
		assertThat(a.isPositive()).isTrue();
		assertThat(a.isGreaterThan(Money.zero(EUR))).isTrue();
		assertThat(a.isLessThan(Money.zero(EUR))).isFalse();
	}

	@Test
	void currenciesAreNeverMixed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", EUR).plus(Money.of("1", JPY)))
			.withMessageContaining("EUR and JPY");
	}

	@Test
	void minorUnitsRoundTrip() {
		assertThat(Money.of("12.34", EUR).minorUnits()).isEqualTo(1234);
		assertThat(Money.ofMinorUnits(1234, EUR)).isEqualTo(Money.of("12.34", EUR));
		assertThat(Money.ofMinorUnits(-5, EUR).amount().toPlainString()).isEqualTo("-0.05");
		assertThat(Money.of("12.34", EUR)).hasToString("12.34 EUR");
	}

	@Test
	void pseudoCurrenciesWithoutMinorUnitAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.zero(Currency.getInstance("XXX")));
	}

}
