package org.vetbill.invoicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InvoiceCalculatorTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static Money eur(String amount) {
		return Money.of(amount, EUR);
	}

	private static RowInput row(String price, String quantity, String vat) {
		return new RowInput(new BigDecimal(price), new BigDecimal(quantity), BigDecimal.ZERO, new BigDecimal(vat));
	}

	@Test
	void totalsAreExactSumsOfTheRows() {
		InvoiceCalculator.Calculation calculation = InvoiceCalculator.calculate(PriceMode.NET, EUR,
				List.of(row("0.125", "1", "24"), row("0.125", "1", "24"), row("0.125", "1", "24")), null,
				Money.zero(EUR));
		// each row: 0.13 net, 0.03 VAT; the totals add the rounded rows, not a re-rounded
		// 0.375
		assertThat(calculation.totals().total()).isEqualTo(eur("0.39"));
		assertThat(calculation.totals().totalVat()).isEqualTo(eur("0.09"));
		assertThat(calculation.totals().totalWithVat()).isEqualTo(eur("0.48"));
	}

	@Test
	void anInvoiceDiscountIsSpreadByGrossAndVatRecomputedPerRate() {
		// rows: 100.00 net at 24 % (124.00 gross) and 10.00 net at 10 % (11.00 gross)
		InvoiceCalculator.Calculation calculation = InvoiceCalculator.calculate(PriceMode.NET, EUR,
				List.of(row("100", "1", "24"), row("10", "1", "10")), null, eur("10.00"));
		// shares 10.00 x 124/135 = 9.185.. and 10.00 x 11/135 = 0.814..: floors 9.18 and
		// 0.81, the
		// cent left goes to the larger remainder (the first row)
		assertThat(calculation.rows().get(0).discountAmount()).isEqualTo(eur("9.19"));
		assertThat(calculation.rows().get(1).discountAmount()).isEqualTo(eur("0.81"));
		assertThat(calculation.rows().get(0).sumTotal()).isEqualTo(eur("114.81"));
		assertThat(calculation.rows().get(0).sumVat()).isEqualTo(eur("22.22"));
		assertThat(calculation.rows().get(1).sumTotal()).isEqualTo(eur("10.19"));
		assertThat(calculation.rows().get(1).sumVat()).isEqualTo(eur("0.93"));
		assertThat(calculation.totals().totalWithVat()).isEqualTo(eur("125.00"));
		assertThat(calculation.totals().totalVat()).isEqualTo(eur("23.15"));
		assertThat(calculation.totals().total()).isEqualTo(eur("101.85"));
		assertThat(calculation.discountAmount()).isEqualTo(eur("10.00"));
	}

	@Test
	void aDiscountPercentIsTakenOfTheGrossTotalRoundedHalfUp() {
		// 12.5 % of 0.28 = 0.035 -> 0.04
		InvoiceCalculator.Calculation calculation = InvoiceCalculator.calculate(PriceMode.NET, EUR,
				List.of(row("0.25", "1", "10")), new BigDecimal("12.5"), Money.zero(EUR));
		assertThat(calculation.discountAmount()).isEqualTo(eur("0.04"));
		assertThat(calculation.totals().totalWithVat()).isEqualTo(eur("0.24"));
	}

	@Test
	void aDiscountAboveTheGrossTotalIsRefused() {
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> InvoiceCalculator.calculate(PriceMode.GROSS, EUR, List.of(row("10", "1", "24")), null,
					eur("10.01")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("discount_exceeds_total");
				assertThat(ex.field()).isEqualTo("discountAmount");
				assertThat(ex.facts()).containsEntry("discount", new BigDecimal("10.01"))
					.containsEntry("total", new BigDecimal("10.00"));
			});
	}

	@Test
	void aDiscountOverNegativeRowsIsRefused() {
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> InvoiceCalculator.calculate(PriceMode.GROSS, EUR,
					List.of(row("10", "1", "24"), row("-1", "1", "24")), null, eur("1.00")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("discount_not_allowed"));
	}

	@Property(tries = 300)
	void discountedInvoicesAddUpToTheCent(@ForAll("rows") List<RowInput> rows, @ForAll boolean grossPrices,
			@ForAll @IntRange(min = 0, max = 100) int discountPercentOfGross) {
		PriceMode mode = PriceMode.of(grossPrices);
		InvoiceCalculator.Calculation undiscounted = InvoiceCalculator.calculate(mode, EUR, rows, null,
				Money.zero(EUR));
		Money gross = undiscounted.totals().totalWithVat();
		Money discount = Money.round(
				gross.amount().multiply(BigDecimal.valueOf(discountPercentOfGross)).movePointLeft(2), EUR,
				RoundingMode.DOWN);
		InvoiceCalculator.Calculation calculation = InvoiceCalculator.calculate(mode, EUR, rows, null, discount);
		assertThat(calculation.totals().totalWithVat()).isEqualTo(gross.minus(discount));
		Money shares = Money.zero(EUR);
		Money net = Money.zero(EUR);
		Money vat = Money.zero(EUR);
		for (int i = 0; i < rows.size(); i++) {
			RowFigures figures = calculation.rows().get(i);
			assertThat(figures.sum().plus(figures.sumVat())).isEqualTo(figures.sumTotal());
			assertThat(figures.sumTotal().isNegative()).isFalse();
			BigDecimal rate = rows.get(i).vatPercentage();
			if (!figures.discountAmount().isZero()) {
				assertThat(figures.sumVat().amount()).isEqualTo(figures.sumTotal()
					.amount()
					.multiply(rate)
					.divide(BigDecimal.valueOf(100).add(rate), 2, RoundingMode.HALF_UP));
			}
			shares = shares.plus(figures.discountAmount());
			net = net.plus(figures.sum());
			vat = vat.plus(figures.sumVat());
		}
		assertThat(shares).isEqualTo(discount);
		assertThat(calculation.totals().total()).isEqualTo(net);
		assertThat(calculation.totals().totalVat()).isEqualTo(vat);
	}

	@Provide
	Arbitrary<List<RowInput>> rows() {
		Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals()
			.between(BigDecimal.ZERO, new BigDecimal("5000"))
			.ofScale(4);
		Arbitrary<BigDecimal> quantities = Arbitraries.bigDecimals()
			.between(new BigDecimal("0.001"), new BigDecimal("50"))
			.ofScale(3);
		Arbitrary<BigDecimal> changes = Arbitraries.integers().between(-100, 100).map(BigDecimal::valueOf);
		Arbitrary<BigDecimal> rates = Arbitraries.of("0", "10", "13.5", "14", "24", "25.5").map(BigDecimal::new);
		return Combinators.combine(prices, quantities, changes, rates)
			.as(RowInput::new)
			.list()
			.ofMinSize(1)
			.ofMaxSize(12)
			.map(ArrayList::new);
	}

}
