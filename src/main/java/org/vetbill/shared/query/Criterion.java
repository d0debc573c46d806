package org.vetbill.shared.query;

import java.util.ArrayList;
import java.util.List;

/**
 * One filter of a list query. A list operator's value is written {@code a,b} (also
 * {@code [a,b]} or {@code (a,b)}).
 *
 * @param parameter where the client wrote the filter (such as a query parameter), named
 * in errors
 * @param label the field as the client named it, for messages
 * @param field the field filtered on, as the module that owns the list names it
 * @param operator the operator
 * @param value the value as written
 */
public record Criterion(String parameter, String label, String field, Operator operator, String value) {

	/**
	 * A filter whose field the client names as the module does.
	 * @param parameter where the client wrote it
	 * @param field the field
	 * @param operator the operator
	 * @param value the value
	 * @return the criterion
	 */
	public static Criterion of(String parameter, String field, Operator operator, String value) {
		return new Criterion(parameter, field, field, operator, value);
	}

	/**
	 * The same filter on a field the module names otherwise.
	 * @param moduleField the module's name of the field
	 * @return the criterion
	 */
	public Criterion on(String moduleField) {
		return new Criterion(this.parameter, this.label, moduleField, this.operator, this.value);
	}

	/**
	 * The values of a list operator: {@code [a,b]}, {@code (a,b)} or {@code a,b}.
	 * @return the values, trimmed
	 */
	public List<String> values() {
		String list = this.value.trim();
		if (list.length() >= 2
				&& ((list.startsWith("[") && list.endsWith("]")) || (list.startsWith("(") && list.endsWith(")")))) {
			list = list.substring(1, list.length() - 1);
		}
		List<String> values = new ArrayList<>();
		for (String part : list.split(",", -1)) {
			values.add(part.trim());
		}
		return values;
	}

}
