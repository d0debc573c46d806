package org.vetbill.shared.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.vetbill.shared.error.BusinessError;
import tools.jackson.core.JacksonException;

/**
 * Turns Java property paths into the snake_case field names clients write.
 */
public final class FieldNames {

	private FieldNames() {
	}

	/**
	 * Converts a property name or path to the API's snake_case, numbers set apart as the
	 * Cloud API writes them: {@code rows[0].unitPrice} becomes
	 * {@code rows[0].unit_price}, {@code reportingDimension1} becomes
	 * {@code reporting_dimension_1}.
	 * @param path the Java property path
	 * @return the JSON field path
	 */
	public static String snakeCase(String path) {
		StringBuilder out = new StringBuilder(path.length() + 8);
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			char previous = (i > 0) ? path.charAt(i - 1) : '.';
			if (Character.isUpperCase(c)) {
				if (previous != '.') {
					out.append('_');
				}
				out.append(Character.toLowerCase(c));
			}
			else if (Character.isDigit(c) && Character.isLetter(previous)) {
				out.append('_').append(c);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Runs a use case whose inputs a request names otherwise: an error it raises names
	 * the request's fields. An input's path is renamed by its whole path or by its first
	 * name ({@code paymentDate} to {@code date_added} renames {@code paymentDate[0].x}
	 * too); other inputs keep the name the API's wording gives them.
	 * @param <T> the use case's result
	 * @param names the request's name of each input that it names otherwise
	 * @param call the use case
	 * @return its result
	 * @throws BusinessError the use case's error, naming the request's fields
	 */
	public static <T> T renamed(Map<String, String> names, Supplier<T> call) {
		return renamed(renaming(names), call);
	}

	/**
	 * Runs a use case whose inputs a request names otherwise.
	 * @param <T> the use case's result
	 * @param naming the request's name of an input
	 * @param call the use case
	 * @return its result
	 * @throws BusinessError the use case's error, naming the request's fields
	 */
	public static <T> T renamed(UnaryOperator<String> naming, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (BusinessError error) {
			throw error.withFields(naming);
		}
	}

	/**
	 * Renames inputs by their whole path or their first name.
	 * @param names the new names
	 * @return the renaming
	 */
	public static UnaryOperator<String> renaming(Map<String, String> names) {
		return (field) -> {
			String whole = names.get(field);
			if (whole != null) {
				return whole;
			}
			int end = 0;
			while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
				end++;
			}
			String first = names.get(field.substring(0, end));
			return (first != null) ? first + field.substring(end) : field;
		};
	}

	/**
	 * The JSON path at which reading failed, such as {@code rows[2].quantity}.
	 * @param path the references from the reading error
	 * @return the path, or an empty string for the document itself
	 */
	public static String of(List<JacksonException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			String name = reference.getPropertyName();
			if (name != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(name);
			}
			else if (reference.getIndex() >= 0) {
				out.append('[').append(reference.getIndex()).append(']');
			}
		}
		return out.toString();
	}

}
