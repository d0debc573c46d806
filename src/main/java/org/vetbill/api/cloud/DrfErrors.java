package org.vetbill.api.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.ErrorDialect;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors of the Cloud API as Django REST framework writes them: validation errors (and
 * refused business rules) as 400 {@code {"field": ["message"]}}, everything else as
 * {@code {"detail": "..."}} with DRF's own texts for 401, 403 and 404. An Idempotency-Key
 * reused for another request stays a 422.
 */
@Component
class DrfErrors implements ErrorDialect {

	/** The key of an error that no single field is to blame for. */
	static final String NON_FIELD_ERRORS = "non_field_errors";

	@Override
	public boolean handles(HttpServletRequest request) {
		return CloudApi.PATH.matcher(request.getRequestURI()).matches();
	}

	@Override
	public String catalog() {
		return "cloud";
	}

	@Override
	public ResponseEntity<Object> render(ApiError error) {
		HttpStatus status = error.status();
		Object body;
		if (status == HttpStatus.BAD_REQUEST && !error.errors().isEmpty()) {
			body = byField(error.errors());
		}
		else if (status == HttpStatus.UNPROCESSABLE_CONTENT && !ApiError.IDEMPOTENCY_KEY_REUSED.equals(error.code())) {
			status = HttpStatus.BAD_REQUEST;
			body = Map.of((error.field() != null) ? error.field() : NON_FIELD_ERRORS, List.of(error.detail()));
		}
		else {
			body = Map.of("detail", detail(error));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static String detail(ApiError error) {
		return switch (error.status()) {
			case UNAUTHORIZED -> "invalid_token".equals(error.code()) ? "Invalid token."
					: "Authentication credentials were not provided.";
			case FORBIDDEN -> "You do not have permission to perform this action.";
			case NOT_FOUND -> "invalid_page".equals(error.code()) ? "Invalid page." : "Not found.";
			case INTERNAL_SERVER_ERROR -> "A server error occurred.";
			default -> error.detail();
		};
	}

	private static Map<String, List<String>> byField(List<ApiError.FieldProblem> errors) {
		Map<String, List<String>> body = new LinkedHashMap<>();
		for (ApiError.FieldProblem error : errors) {
			body.computeIfAbsent(error.field(), (field) -> new ArrayList<>()).add(error.message());
		}
		return body;
	}

}
