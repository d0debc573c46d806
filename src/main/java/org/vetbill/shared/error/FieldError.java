package org.vetbill.shared.error;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one input of a request.
 *
 * @param field the input, as the use case names it ({@code rows[0].unitPrice}), which an
 * API names as its requests do; or, when {@code asWritten}, the request's own name of it
 * (a query parameter as the client wrote it), which no API renames
 * @param asWritten whether the field is the request's own name
 * @param code what is wrong, the key of its wording, such as {@code not_found}
 * @param facts what it is about
 */
public record FieldError(String field, boolean asWritten, String code, Map<String, @Nullable Object> facts) {

	/**
	 * The code of an error an API worded itself: its facts hold the {@value #MESSAGE}
	 * and, for the APIs that name one, the {@value #TYPE} of the error.
	 */
	public static final String WORDED = "worded";

	/** The fact of a worded error holding its message. */
	public static final String MESSAGE = "message";

	/** The fact of a worded error holding its machine-readable type. */
	public static final String TYPE = "type";

	/**
	 * A field error with its facts.
	 * @param field the input
	 * @param code what is wrong
	 * @param namesAndValues the facts, as names and values
	 * @return the error
	 */
	public static FieldError of(String field, String code, @Nullable Object... namesAndValues) {
		return new FieldError(field, false, code, Facts.of(namesAndValues));
	}

	/**
	 * A field error about an input as the request names it, such as a query parameter.
	 * @param name the request's name of the input
	 * @param code what is wrong
	 * @param namesAndValues the facts, as names and values
	 * @return the error
	 */
	public static FieldError written(String name, String code, @Nullable Object... namesAndValues) {
		return new FieldError(name, true, code, Facts.of(namesAndValues));
	}

	/**
	 * An error an API words itself, about a field as the API's request names it.
	 * @param field the field as the request names it
	 * @param message what is wrong, for a person
	 * @return the error
	 */
	public static FieldError worded(String field, String message) {
		return new FieldError(field, true, WORDED, Facts.of(MESSAGE, message));
	}

	/**
	 * An error an API words itself, with the machine-readable type the API gives it.
	 * @param field the field as the request names it
	 * @param message what is wrong, for a person
	 * @param type the type, such as {@code missing}
	 * @return the error
	 */
	public static FieldError worded(String field, String message, String type) {
		return new FieldError(field, true, WORDED, Facts.of(MESSAGE, message, TYPE, type));
	}

	/**
	 * Whether an API worded this error itself (its field is the request's name).
	 * @return true for a worded error
	 */
	public boolean isWorded() {
		return WORDED.equals(this.code);
	}

	/**
	 * The same error about another input, as the request names it.
	 * @param name the request's name of the input
	 * @return the error
	 */
	public FieldError at(String name) {
		return new FieldError(name, true, this.code, this.facts);
	}

	FieldError renamed(UnaryOperator<String> naming) {
		return this.asWritten ? this : new FieldError(naming.apply(this.field), false, this.code, this.facts);
	}

}
