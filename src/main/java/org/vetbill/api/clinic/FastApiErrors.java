package org.vetbill.api.clinic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.ErrorDialect;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors of the Clinic API as a FastAPI server writes them. Invalid input and refused
 * business rules are 422 {@code {"detail": [{"loc": [...], "msg": "...", "type":
 * "..."}]}}, where {@code loc} starts with where the value was sent ({@code body},
 * {@code query}, {@code path} or {@code header}) and goes on with the field's path, list
 * indexes as numbers; everything else is {@code {"detail": "..."}}, with Starlette's and
 * FastAPI's own texts for 401 (and {@code WWW-Authenticate: Bearer}), 403, 404, 405 and
 * 500.
 */
@Component
class FastApiErrors implements ErrorDialect {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Set<String> LOCATIONS = Set.of("body", "query", "path", "header");

	/** The messages that only say a value is missing, which FastAPI words its own way. */
	private static final Pattern REQUIRED = Pattern.compile("(?i).*\\b(required|must not be null)\\b.*");

	private static final Set<String> PLAIN_REQUIRED = Set.of("is required", "must not be null", "header is required");

	private static final String MISSING = "missing";

	private static final String JSON_INVALID = "json_invalid";

	@Override
	public boolean handles(HttpServletRequest request) {
		return ClinicApi.PATH.matcher(request.getRequestURI()).matches();
	}

	@Override
	public String catalog() {
		return "clinic";
	}

	@Override
	public ResponseEntity<Object> render(ApiError error) {
		HttpStatus status = error.status();
		if (status == HttpStatus.BAD_REQUEST && !error.errors().isEmpty()) {
			return validation(error.errors().stream().map(FastApiErrors::item).toList());
		}
		if (status == HttpStatus.UNPROCESSABLE_CONTENT) {
			List<Object> loc = ApiError.IDEMPOTENCY_KEY_REUSED.equals(error.code()) ? List.of("header", IDEMPOTENCY_KEY)
					: loc(error.field());
			return validation(List.of(item(loc, error.detail(), error.code())));
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return response.body(Map.of("detail", detail(error)));
	}

	private static String detail(ApiError error) {
		return switch (error.status()) {
			case UNAUTHORIZED ->
				"invalid_token".equals(error.code()) ? "Could not validate credentials" : "Not authenticated";
			case FORBIDDEN -> "Not enough permissions";
			case NOT_FOUND -> "Not Found";
			case METHOD_NOT_ALLOWED -> "Method Not Allowed";
			case INTERNAL_SERVER_ERROR -> "Internal Server Error";
			default -> error.detail();
		};
	}

	private static ResponseEntity<Object> validation(List<Map<String, Object>> items) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("detail", items));
	}

	/**
	 * One entry of a validation error. A field error without a type is {@code missing}
	 * when its message says the value is required, else {@code value_error}; a missing
	 * value and a body that is not JSON have pydantic's own texts.
	 * @param error the field error
	 * @return the entry
	 */
	static Map<String, Object> item(ApiError.FieldProblem error) {
		String type = error.type();
		String msg = error.message();
		if (type == null) {
			type = REQUIRED.matcher(msg).matches() ? MISSING : "value_error";
			if (MISSING.equals(type) && PLAIN_REQUIRED.contains(msg)) {
				msg = "Field required";
			}
		}
		else if (MISSING.equals(type)) {
			msg = "Field required";
		}
		else if (JSON_INVALID.equals(type)) {
			return item(List.of("body"), "JSON decode error", type);
		}
		return item(loc(error.field()), msg, type);
	}

	private static Map<String, Object> item(List<Object> loc, String msg, String type) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("loc", loc);
		item.put("msg", msg);
		item.put("type", type);
		return item;
	}

	/**
	 * Where a field is, as FastAPI's {@code loc}: {@code items[0].quantity} becomes
	 * {@code ["body", "items", 0, "quantity"]}, {@code query.limit} becomes
	 * {@code ["query", "limit"]}; the body itself (no field, or {@code body}) is
	 * {@code ["body"]}, and the Idempotency-Key is a header.
	 * @param field the field, as vetbill names it
	 * @return the location
	 */
	static List<Object> loc(@Nullable String field) {
		List<Object> loc = new ArrayList<>();
		if (field == null || field.isEmpty() || field.equals("body")) {
			loc.add("body");
			return loc;
		}
		if (field.equalsIgnoreCase(IDEMPOTENCY_KEY)) {
			return List.of("header", IDEMPOTENCY_KEY);
		}
		String path = field;
		int dot = field.indexOf('.');
		if (dot > 0 && LOCATIONS.contains(field.substring(0, dot))) {
			loc.add(field.substring(0, dot));
			path = field.substring(dot + 1);
		}
		else {
			loc.add("body");
		}
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '.' || c == '[') {
				flush(name, loc);
				if (c == '[') {
					int close = path.indexOf(']', i);
					String index = path.substring(i + 1, (close < 0) ? path.length() : close);
					loc.add(index.matches("[0-9]{1,9}") ? (Object) Integer.valueOf(index) : index);
					i = (close < 0) ? path.length() : close;
				}
			}
			else {
				name.append(c);
			}
		}
		flush(name, loc);
		return loc;
	}

	private static void flush(StringBuilder name, List<Object> loc) {
		if (!name.isEmpty()) {
			loc.add(name.toString());
			name.setLength(0);
		}
	}

}
