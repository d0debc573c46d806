package org.vetbill.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains a JSON reading error in words a client can act on, without Java class names.
 */
public final class JsonErrors {

	private JsonErrors() {
	}

	public static String describe(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof NulRefusingStrings.NulCharacter) {
			return NulRefusingStrings.MESSAGE;
		}
		if (ex instanceof InvalidFormatException format) {
			return "'" + format.getValue() + "' is not a valid " + typeName(format.getTargetType());
		}
		if (ex instanceof MismatchedInputException mismatched) {
			Class<?> type = mismatched.getTargetType();
			return "must be " + ((type == null) ? "of another type" : withArticle(typeName(type)));
		}
		if (ex instanceof StreamReadException) {
			return "is not valid JSON: " + ex.getOriginalMessage();
		}
		return "cannot be read: " + ex.getOriginalMessage();
	}

	public static String typeName(Class<?> type) {
		if (type == BigDecimal.class || type == Double.class || type == double.class) {
			return "decimal number";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean (true or false)";
		}
		if (type == LocalDate.class) {
			return "date (YYYY-MM-DD)";
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return "date-time (ISO 8601 with offset)";
		}
		if (type == UUID.class) {
			return "UUID";
		}
		if (type == String.class) {
			return "string";
		}
		if (type.isEnum()) {
			return "value";
		}
		if (Collection.class.isAssignableFrom(type)) {
			return "list";
		}
		return "object";
	}

	private static String withArticle(String noun) {
		return (("aeiou".indexOf(noun.charAt(0)) >= 0) ? "an " : "a ") + noun;
	}

}
