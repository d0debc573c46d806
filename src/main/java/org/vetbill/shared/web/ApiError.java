package org.vetbill.shared.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * An error answer, worded, before it is written in an API dialect's format. The status is
 * the one vetbill's own API uses; a dialect may answer another where its document says so
 * (the Cloud API answers rule violations with 400).
 *
 * @param status the status in vetbill's own API
 * @param code a stable, machine-readable reason
 * @param detail what is wrong, for a person
 * @param field the request field a rule is about, if any
 * @param errors for invalid input, what is wrong with each field
 */
public record ApiError(HttpStatus status, String code, String detail, @Nullable String field,
		List<ApiError.FieldProblem> errors) {

	/**
	 * The code of an Idempotency-Key reused for another request: a 422 in every dialect.
	 */
	public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";

	public ApiError {
		errors = List.copyOf(errors);
	}

	public static ApiError of(HttpStatus status, String code, String detail) {
		return new ApiError(status, code, detail, null, List.of());
	}

	public static ApiError invalid(List<FieldProblem> errors) {
		String detail = (errors.size() == 1) ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid";
		return new ApiError(HttpStatus.BAD_REQUEST, "invalid_input", detail, null, errors);
	}

	/**
	 * What is wrong with one field of a request, worded.
	 *
	 * @param field the field's name as the client wrote it (such as
	 * {@code rows[0].quantity})
	 * @param message what is wrong, for a person
	 * @param type a machine-readable kind of error for the dialects that name one (the
	 * Clinic API's {@code missing}, {@code json_invalid}), or null
	 */
	public record FieldProblem(String field, String message, @Nullable String type) {

		public FieldProblem(String field, String message) {
			this(field, message, null);
		}

	}

}
