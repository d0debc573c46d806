package org.vetbill.shared.error;

import java.util.List;

/**
 * Input that is malformed or out of range, field by field (HTTP 400 in vetbill's own
 * API).
 */
public final class InvalidInput extends BusinessError {

	private final List<FieldError> errors;

	public InvalidInput(List<FieldError> errors) {
		super("invalid_input", summary(errors));
		this.errors = List.copyOf(errors);
	}

	public static InvalidInput field(String field, String message) {
		return new InvalidInput(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	private static String summary(List<FieldError> errors) {
		StringBuilder summary = new StringBuilder();
		for (FieldError error : errors) {
			if (!summary.isEmpty()) {
				summary.append("; ");
			}
			summary.append(error.field()).append(": ").append(error.message());
		}
		return summary.toString();
	}

}
