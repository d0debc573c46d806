package org.vetbill.invoicing.domain;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.money.Money;

import static org.assertj.core.api.Assertions.assertThat;

class RowPricingTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	private static Money eur(String amount) {
		return Money.of(amount, EUR);
	}

	private static RowFigures net(String price, String quantity, String change, String vat) {
		return RowPricing.price(PriceMode.NET, d(price), d(quantity), d(change), d(vat), EUR);
	}

	private static RowFigures gross(String price, String quantity, String change, String vat) {
		return RowPricing.price(PriceMode.GROSS, d(price), d(quantity), d(change), d(vat), EUR);
	}

	@Test
	void netPricesAddVatPerRow() {
		RowFigures row = net("10.00", "3", "0", "24");
		assertThat(row.sum()).isEqualTo(eur("30.00"));
		assertThat(row.sumVat()).isEqualTo(eur("7.20"));
		assertThat(row.sumTotal()).isEqualTo(eur("37.20"));
		assertThat(row.price()).isEqualByComparingTo("10.00");
		assertThat(row.priceWithVat()).isEqualByComparingTo("12.40");
		assertThat(row.discountAmount()).isEqualTo(eur("0.00"));
	}

	@Test
	void aUnitPriceIsShownWithoutAndWithVatWhicheverWasEntered() {
		// entered net: the gross is exact, up to 4 decimals; entered gross: the net is
		// rounded half-up to 4 decimals; both keep at least the currency's 2
		assertThat(RowPricing.netUnitPrice(PriceMode.NET, d("12.35"), d("10"), EUR)).isEqualTo(d("12.35"));
		assertThat(RowPricing.grossUnitPrice(PriceMode.NET, d("12.35"), d("10"), EUR)).isEqualTo(d("13.585"));
		assertThat(RowPricing.grossUnitPrice(PriceMode.NET, d("50.0000"), d("24"), EUR)).isEqualTo(d("62.00"));
		assertThat(RowPricing.netUnitPrice(PriceMode.GROSS, d("50.00"), d("24"), EUR)).isEqualTo(d("40.3226"));
		assertThat(RowPricing.grossUnitPrice(PriceMode.GROSS, d("50.00"), d("24"), EUR)).isEqualTo(d("50.00"));
		assertThat(RowPricing.netUnitPrice(PriceMode.GROSS, d("12.40"), d("24"), EUR)).isEqualTo(d("10.00"));
		// and a row of one, without change, has the same unit prices
		assertThat(gross("50.00", "1", "0", "24").price()).isEqualTo(d("40.3226"));
		assertThat(net("12.35", "1", "0", "10").priceWithVat()).isEqualTo(d("13.585"));
	}

	@Test
	void netSumRoundsHalfUp() {
		// 2.5 x 0.05 = 0.125: half-up gives 0.13 where half-even would give 0.12
		assertThat(net("2.5", "0.05", "0", "0").sum()).isEqualTo(eur("0.13"));
	}

	@Test
	void netVatRoundsHalfUp() {
		// 10 % of 0.25 = 0.025: half-up gives 0.03 where half-even would give 0.02
		RowFigures row = net("0.25", "1", "0", "10");
		assertThat(row.sumVat()).isEqualTo(eur("0.03"));
		assertThat(row.sumTotal()).isEqualTo(eur("0.28"));
	}

	@Test
	void grossPricesDeriveVatFromTheRowsGross() {
		RowFigures row = gross("12.40", "1", "0", "24");
		assertThat(row.sumTotal()).isEqualTo(eur("12.40"));
		assertThat(row.sumVat()).isEqualTo(eur("2.40"));
		assertThat(row.sum()).isEqualTo(eur("10.00"));
		assertThat(row.price()).isEqualByComparingTo("10.00");
		assertThat(row.priceWithVat()).isEqualByComparingTo("12.40");
	}

	@Test
	void grossTotalSumRoundsHalfToEven() {
		// 2.5 x 0.05 = 0.125 -> 0.12 (half-even); 2.7 x 0.05 = 0.135 -> 0.14
		assertThat(gross("2.5", "0.05", "0", "0").sumTotal()).isEqualTo(eur("0.12"));
		assertThat(gross("2.7", "0.05", "0", "0").sumTotal()).isEqualTo(eur("0.14"));
	}

	@Test
	void vatDerivedFromGrossRoundsHalfUp() {
		// 0.76 x 60 / 160 = 0.285: half-up gives 0.29 where half-even would give 0.28
		RowFigures row = gross("0.76", "1", "0", "60");
		assertThat(row.sumVat()).isEqualTo(eur("0.29"));
		assertThat(row.sum()).isEqualTo(eur("0.47"));
	}

	@Test
	void negativePercentageChangeIsADiscountAndPositiveASurcharge() {
		RowFigures discounted = net("19.99", "1", "-10", "24");
		assertThat(discounted.sum()).isEqualTo(eur("17.99"));
		assertThat(discounted.sumVat()).isEqualTo(eur("4.32"));
		assertThat(discounted.sumTotal()).isEqualTo(eur("22.31"));
		assertThat(net("10", "1", "50", "0").sum()).isEqualTo(eur("15.00"));
		assertThat(net("10", "1", "-100", "24").sumTotal()).isEqualTo(eur("0.00"));
	}

	@Test
	void fractionalQuantitiesAndFourDecimalUnitPricesAreExactUntilTheOneRounding() {
		// 0.0450 per mg x 333.333 mg = 14.9999985 -> 15.00
		assertThat(net("0.0450", "333.333", "0", "0").sum()).isEqualTo(eur("15.00"));
		// unit net price of a gross price keeps 4 decimals: 10.00 / 1.24 = 8.0645
		assertThat(gross("10.00", "1", "0", "24").price()).isEqualByComparingTo("8.0645");
	}

	@Test
	void anInvoiceDiscountShareComesOffTheGrossWithVatAtTheRowsRate() {
		RowFigures base = net("100", "1", "0", "24");
		RowFigures row = RowPricing.discounted(base, eur("12.40"), d("24"));
		assertThat(row.sumTotal()).isEqualTo(eur("111.60"));
		assertThat(row.sumVat()).isEqualTo(eur("21.60"));
		assertThat(row.sum()).isEqualTo(eur("90.00"));
		assertThat(row.discountAmount()).isEqualTo(eur("12.40"));
		assertThat(RowPricing.discounted(base, eur("0.00"), d("24"))).isSameAs(base);
	}

}
