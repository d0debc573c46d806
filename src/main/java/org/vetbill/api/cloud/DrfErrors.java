package org.vetbill.api.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.access.Permission;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.ErrorDialect;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private static final Set<String> WRITE_AUTHORITIES = Set.of(Permission.BILLING.authority(),
			Permission.SETTINGS.authority());

	@Override
	public boolean handles(HttpServletRequest request) {
		return CloudApi.PATH.matcher(request.getRequestURI()).matches();
	}

	@Override
	public String catalog() {
		return "cloud";
	}

	/**
	 * As {@link #render(ApiError)}; a method the endpoint does not have is, as in Django
	 * REST framework (which checks permissions before it looks for the method's handler),
	 * a 403 for a caller that may not write at all, and only otherwise a 405.
	 */
	@Override
	public ResponseEntity<Object> render(ApiError error, HttpServletRequest request) {
		if (error.status() == HttpStatus.METHOD_NOT_ALLOWED) {
			if (!SAFE_METHODS.contains(request.getMethod()) && !mayWrite()) {
				return render(ApiError.of(HttpStatus.FORBIDDEN, "forbidden", "no permission"));
			}
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("detail", "Method \"" + request.getMethod() + "\" not allowed."));
		}
		return render(error);
	}

	/** Whether the caller holds a permission that allows some unsafe method. */
	private static boolean mayWrite() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> WRITE_AUTHORITIES.contains(authority.getAuthority()));
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
