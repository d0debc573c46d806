package org.vetbill.supply.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplierInvoiceFiguresTests {

	@Test
	void aLineChargesItsShippedQuantityRoundedHalfUpToCents() {
		// 3 × 4.1250 = 12.375 → 12.38; the 2 ordered but not shipped are not charged
		InvoiceLineDetails line = line("4.1250", 5, 3, "1.24");
		assertThat(SupplierInvoiceFigures.lineAmount(line)).isEqualByComparingTo("12.38");
		assertThat(SupplierInvoiceFigures.lineAmount(line).scale()).isEqualTo(2);
	}

	@Test
	void leftOutFiguresAreAddedUp() {
		SupplierInvoiceFigures figures = SupplierInvoiceFigures
			.of(invoice(null, null, null, line("10.00", 2, 2, "2.00"), line("4.1250", 3, 3, "1.24")));
		assertThat(figures.lines()).isEqualByComparingTo("32.38");
		assertThat(figures.freight()).isEqualByComparingTo("0.00");
		assertThat(figures.tax()).isEqualByComparingTo("3.24");
		assertThat(figures.total()).isEqualByComparingTo("35.62");
	}

	@Test
	void freightAndItsTaxCountInTheTotal() {
		SupplierInvoiceFigures figures = SupplierInvoiceFigures.of(invoice(new BigDecimal("9.95"),
				new BigDecimal("3.00"), new BigDecimal("32.95"), line("10.00", 2, 2, "2.00")));
		assertThat(figures.total()).isEqualByComparingTo("32.95");
	}

	@Test
	void aTotalThatIsNotTheSumIsRefusedNamingTheField() {
		assertThatThrownBy(() -> SupplierInvoiceFigures
			.of(invoice(null, null, new BigDecimal("22.01"), line("10.00", 2, 2, "2.00"))))
			.isInstanceOfSatisfying(InvalidInput.class, (error) -> {
				assertThat(error.errors()).singleElement().satisfies((field) -> {
					assertThat(field.field()).isEqualTo("total");
					assertThat(field.code()).isEqualTo("total_not_sum");
					assertThat(field.facts()).containsEntry("total", new BigDecimal("22.01"))
						.containsEntry("sum", new BigDecimal("22.00"));
				});
			});
	}

	@Test
	void aTaxBelowTheLinesTaxIsRefused() {
		assertThatThrownBy(() -> SupplierInvoiceFigures
			.of(invoice(null, new BigDecimal("1.99"), null, line("10.00", 2, 2, "2.00"))))
			.isInstanceOfSatisfying(InvalidInput.class, (error) -> {
				assertThat(error.errors()).singleElement().satisfies((field) -> {
					assertThat(field.field()).isEqualTo("tax");
					assertThat(field.code()).isEqualTo("tax_below_lines_tax");
					assertThat(field.facts()).containsEntry("tax", new BigDecimal("1.99"))
						.containsEntry("linesTax", new BigDecimal("2.00"));
				});
			});
	}

	@Test
	void figuresAsSentAreKeptUnchecked() {
		SupplierInvoiceFigures figures = SupplierInvoiceFigures
			.asSent(invoice(null, new BigDecimal("1.99"), new BigDecimal("99.90"), line("10.00", 2, 2, "2.00")));
		assertThat(figures.tax()).isEqualByComparingTo("1.99");
		assertThat(figures.total()).isEqualByComparingTo("99.90");
	}

	@Test
	void sumsBeyondTheAmountBoundAreRefusedNamingThem() {
		// each line within its bounds, their sum beyond what a total may be
		InvoiceLineDetails[] lines = new InvoiceLineDetails[20];
		java.util.Arrays.fill(lines, line("99999999.9999", 99999, 99999, "999999999.99"));
		assertThatThrownBy(() -> SupplierInvoiceFigures.asSent(invoice(null, null, null, lines)))
			.isInstanceOfSatisfying(InvalidInput.class, (error) -> assertThat(error.errors()).singleElement()
				.satisfies((field) -> assertThat(field.field() + " " + field.code()).isEqualTo("tax beyond_bound")));
		InvoiceLineDetails costly = line("99999999.9999", 99999, 99999, "0.00");
		assertThatThrownBy(() -> SupplierInvoiceFigures.of(invoice(null, null, null, costly)))
			.isInstanceOfSatisfying(InvalidInput.class, (error) -> assertThat(error.errors()).singleElement()
				.satisfies((field) -> assertThat(field.field() + " " + field.code()).isEqualTo("total beyond_bound")));
	}

	static InvoiceLineDetails line(String price, int ordered, int shipped, String tax) {
		return new InvoiceLineDetails("P1", "Product", ordered, shipped, null, new BigDecimal(price), null, null,
				new BigDecimal(tax), null, null, false);
	}

	private static SupplierInvoiceDetails invoice(@Nullable BigDecimal freight, @Nullable BigDecimal tax,
			@Nullable BigDecimal total, InvoiceLineDetails... lines) {
		return new SupplierInvoiceDetails(1L, null, null, "ACC", LocalDate.of(2026, 11, 2), null, null, null, freight,
				tax, total, List.of(lines));
	}

}
