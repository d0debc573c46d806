package org.vetbill.supply.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.money.Bound;

/**
 * The figures of a supplier invoice. A line's amount is its unit price times the quantity
 * shipped, rounded half up to cents (the quantity ordered but not shipped is not
 * charged); the invoice's tax is the sum of its lines' tax unless given (freight may
 * carry tax of its own); the total is the lines' amounts, the freight and the tax
 * together.
 *
 * @param lines the lines' amounts without tax
 * @param freight the freight
 * @param tax the tax
 * @param total the total
 */
public record SupplierInvoiceFigures(BigDecimal lines, BigDecimal freight, BigDecimal tax, BigDecimal total) {

	private static final int CENTS = 2;

	/**
	 * Adds up an invoice, checking the figures it gives.
	 * @param invoice the invoice
	 * @return its figures, in cents
	 * @throws InvalidInput when a given tax is below the lines' tax (code
	 * {@code tax_below_lines_tax}), a given total is not the sum ({@code total_not_sum}),
	 * or a sum is beyond {@link Bound#AMOUNT}
	 */
	public static SupplierInvoiceFigures of(SupplierInvoiceDetails invoice) {
		SupplierInvoiceFigures figures = asSent(invoice);
		BigDecimal linesTax = linesTax(invoice);
		BigDecimal lines = figures.lines();
		BigDecimal freight = figures.freight();
		BigDecimal tax = figures.tax();
		if (tax.compareTo(linesTax) < 0) {
			throw InvalidInput.of("tax", "tax_below_lines_tax", "tax", tax, "linesTax", linesTax);
		}
		BigDecimal total = lines.add(freight).add(tax);
		if (invoice.total() != null && invoice.total().compareTo(total) != 0) {
			throw InvalidInput.of("total", "total_not_sum", "total", invoice.total(), "lines", lines, "freight",
					freight, "tax", tax, "sum", total);
		}
		return new SupplierInvoiceFigures(lines, freight, tax, total);
	}

	/**
	 * The figures of an invoice as its supplier sent them, unchecked: what is left out is
	 * added up as {@link #of} does.
	 * @param invoice the invoice
	 * @return its figures, in cents
	 * @throws InvalidInput when the tax or total added up lies beyond
	 * {@link Bound#AMOUNT} (the lines' figures are bounded each, not their sum)
	 */
	public static SupplierInvoiceFigures asSent(SupplierInvoiceDetails invoice) {
		BigDecimal lines = cents(BigDecimal.ZERO);
		for (InvoiceLineDetails line : invoice.lines()) {
			lines = lines.add(lineAmount(line));
		}
		BigDecimal freight = cents((invoice.freight() != null) ? invoice.freight() : BigDecimal.ZERO);
		BigDecimal tax = cents((invoice.tax() != null) ? invoice.tax() : linesTax(invoice));
		BigDecimal total = (invoice.total() != null) ? cents(invoice.total()) : lines.add(freight).add(tax);
		// each figure sent is bounded; a sum over many lines is bounded here
		if (!Bound.AMOUNT.admits(tax) || !Bound.AMOUNT.admits(total)) {
			throw new InvalidInput(List.of(Bound.AMOUNT.problem(Bound.AMOUNT.admits(tax) ? "total" : "tax")));
		}
		return new SupplierInvoiceFigures(lines, freight, tax, total);
	}

	/**
	 * A line's amount without tax: unit price times quantity shipped, in cents.
	 * @param line the line
	 * @return the amount
	 */
	public static BigDecimal lineAmount(InvoiceLineDetails line) {
		return cents(line.price().multiply(BigDecimal.valueOf(line.quantityShipped())));
	}

	private static BigDecimal linesTax(SupplierInvoiceDetails invoice) {
		BigDecimal tax = cents(BigDecimal.ZERO);
		for (InvoiceLineDetails line : invoice.lines()) {
			tax = tax.add(line.tax());
		}
		return tax;
	}

	private static BigDecimal cents(BigDecimal value) {
		return value.setScale(CENTS, RoundingMode.HALF_UP);
	}

}
