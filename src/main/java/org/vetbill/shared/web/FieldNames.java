package org.vetbill.shared.web;

import java.util.List;

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
