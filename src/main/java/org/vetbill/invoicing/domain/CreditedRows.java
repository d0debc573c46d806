package org.vetbill.invoicing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;

/**
 * Which rows of an invoice a credit note credits: each row at most once, only rows of
 * that invoice.
 */
public final class CreditedRows {

	private CreditedRows() {
	}

	/**
	 * A full refund: every row not yet credited.
	 * @param invoiceId the invoice
	 * @param rows its rows, in order
	 * @param credited those already credited
	 * @return the rows to credit
	 */
	public static List<Long> full(long invoiceId, List<Long> rows, Collection<Long> credited) {
		List<Long> ids = rows.stream().filter((id) -> !credited.contains(id)).toList();
		if (ids.isEmpty()) {
			throw new RuleViolation("already_credited", "every row of invoice " + invoiceId + " is already credited"
					+ (rows.isEmpty() ? " (it has no rows)" : ""));
		}
		return ids;
	}

	/**
	 * A partial refund: the chosen rows, each of the invoice, not yet credited and named
	 * once.
	 * @param invoiceId the invoice
	 * @param rows its rows
	 * @param credited those already credited
	 * @param chosen the rows asked for
	 * @return the rows to credit
	 */
	public static List<Long> partial(long invoiceId, List<Long> rows, Collection<Long> credited, List<Long> chosen) {
		if (chosen.isEmpty()) {
			throw InvalidInput.field("invoice_rows", "Name at least one row to credit, or use full_refund.");
		}
		Set<Long> ofInvoice = new HashSet<>(rows);
		Set<Long> seen = new HashSet<>();
		List<FieldError> problems = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			long rowId = chosen.get(i);
			String field = "invoice_rows[" + i + "].invoice_row";
			if (!ofInvoice.contains(rowId)) {
				problems.add(new FieldError(field, "Row " + rowId + " is not a row of invoice " + invoiceId + "."));
			}
			else if (credited.contains(rowId)) {
				problems.add(new FieldError(field, "Row " + rowId + " is already credited."));
			}
			else if (!seen.add(rowId)) {
				problems.add(new FieldError(field, "Row " + rowId + " is named twice."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return List.copyOf(chosen);
	}

}
