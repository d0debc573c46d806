package org.vetbill.invoicing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vetbill.shared.error.Facts;
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
			throw new RuleViolation("already_credited", null, rows.isEmpty() ? "no_rows" : null,
					Facts.of("invoice", invoiceId));
		}
		return ids;
	}

	/**
	 * A partial refund: the chosen rows, each of the invoice, not yet credited and named
	 * once.
	 * @param invoiceId the invoice
	 * @param rows its rows
	 * @param credited those already credited
	 * @param chosen the rows asked for; an entry is null where a client sent no id (JSON
	 * {@code null}), which is refused
	 * @return the rows to credit
	 */
	public static List<Long> partial(long invoiceId, List<Long> rows, Collection<Long> credited, List<Long> chosen) {
		if (chosen.isEmpty()) {
			throw InvalidInput.of("rowIds", "no_rows_to_credit");
		}
		Set<Long> ofInvoice = new HashSet<>(rows);
		Set<Long> seen = new HashSet<>();
		List<FieldError> problems = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			Long rowId = chosen.get(i);
			String field = "rowIds[" + i + "]";
			if (rowId == null) {
				problems.add(FieldError.of(field, "row_id_missing"));
			}
			else if (!ofInvoice.contains(rowId)) {
				problems.add(FieldError.of(field, "row_not_of_invoice", "row", rowId, "invoice", invoiceId));
			}
			else if (credited.contains(rowId)) {
				problems.add(FieldError.of(field, "row_already_credited", "row", rowId));
			}
			else if (!seen.add(rowId)) {
				problems.add(FieldError.of(field, "row_named_twice", "row", rowId));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return List.copyOf(chosen);
	}

}
