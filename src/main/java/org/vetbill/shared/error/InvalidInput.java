package org.vetbill.shared.error;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Input that is malformed or out of range, field by field (answered as HTTP 400).
 */
public final class InvalidInput extends BusinessError {

	private final List<FieldError> errors;

	public InvalidInput(List<FieldError> errors) {
		super("invalid_input", null, Map.of());
		this.errors = List.copyOf(errors);
	}

	/**
	 * One field is wrong.
	 * @param field the input
	 * @param code what is wrong
	 * @param namesAndValues the facts, as names and values
	 * @return the error
	 */
	public static InvalidInput of(String field, String code, @Nullable Object... namesAndValues) {
		return new InvalidInput(List.of(FieldError.of(field, code, namesAndValues)));
	}

	/**
	 * One input, as the request names it, is wrong.
	 * @param name the request's name of the input
	 * @param code what is wrong
	 * @param namesAndValues the facts, as names and values
	 * @return the error
	 */
	public static InvalidInput written(String name, String code, @Nullable Object... namesAndValues) {
		return new InvalidInput(List.of(FieldError.written(name, code, namesAndValues)));
	}

	/**
	 * One field is wrong, as an API words it itself.
	 * @param field the field, as the request names it
	 * @param message what is wrong, for a person
	 * @return the error
	 */
	public static InvalidInput worded(String field, String message) {
		return new InvalidInput(List.of(FieldError.worded(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	@Override
	public InvalidInput withFields(UnaryOperator<String> naming) {
		return new InvalidInput(this.errors.stream().map((error) -> error.renamed(naming)).toList());
	}

	@Override
	public String getMessage() {
		return "invalid_input " + this.errors;
	}

}
