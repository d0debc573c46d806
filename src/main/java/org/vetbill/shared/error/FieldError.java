package org.vetbill.shared.error;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field's name as the client wrote it (snake_case, with indexes such as
 * {@code rows[0].quantity})
 * @param message what is wrong, for a person
 * @param type a machine-readable kind of error for the dialects that name one (the Clinic
 * API's {@code missing}, {@code json_invalid}), or null; vetbill's own problem details
 * and the Cloud API do not write it
 */
public record FieldError(String field, String message, @Nullable String type) {

	public FieldError(String field, String message) {
		this(field, message, null);
	}

}
