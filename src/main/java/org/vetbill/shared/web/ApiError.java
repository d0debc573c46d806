package org.vetbill.shared.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.BusinessError;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;

import org.springframework.http.HttpStatus;

/**
 * An error answer before it is written in an API dialect's format. The status is the one
 * vetbill's own API uses; a dialect may answer another where its document says so (the
 * Cloud API answers rule violations with 400).
 *
 * @param status the status in vetbill's own API
 * @param code a stable, machine-readable reason
 * @param detail what is wrong, for a person
 * @param field the request field a rule is about, if any
 * @param errors for invalid input, what is wrong with each field
 */
public record ApiError(HttpStatus status, String code, String detail, @Nullable String field, List<FieldError> errors) {

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

	public static ApiError invalid(List<FieldError> errors) {
		String detail = (errors.size() == 1) ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid";
		return new ApiError(HttpStatus.BAD_REQUEST, "invalid_input", detail, null, errors);
	}

	public static ApiError of(BusinessError error) {
		return switch (error) {
			case InvalidInput invalid -> invalid(invalid.errors());
			case RuleViolation rule ->
				new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, rule.code(), rule.detail(), rule.field(), List.of());
			case NotFound notFound -> of(HttpStatus.NOT_FOUND, notFound.code(), notFound.detail());
			case Conflict conflict -> of(HttpStatus.CONFLICT, conflict.code(), conflict.detail());
		};
	}

}
