package org.vetbill.shared.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds RFC 9457 problem details with vetbill's stable {@code code} and, for invalid
 * input, the list of {@code errors} naming each field.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:vetbill:problem:";

	private Problems() {
	}

	public static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String detail) {
		return of(status, code, detail, null, List.of());
	}

	public static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
		String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid";
		return of(HttpStatus.BAD_REQUEST, "invalid_input", detail, null, errors);
	}

	public static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String detail,
			@Nullable String field, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		if (field != null) {
			problem.setProperty("field", field);
		}
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
