package org.vetbill.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.BusinessError;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes an {@link ApiError} in the format of the dialect that serves the request, or as
 * RFC 9457 problem details with vetbill's {@code code}, {@code field} and {@code errors}.
 * Used by the exception handler and by the security filters, so a request gets the same
 * error format whether it fails before or inside a controller.
 */
@Component
public class ErrorResponses {

	private static final String TYPE_PREFIX = "urn:vetbill:problem:";

	private final List<ErrorDialect> dialects;

	private final ErrorCatalogs catalogs;

	private final JsonMapper json;

	ErrorResponses(List<ErrorDialect> dialects, ErrorCatalogs catalogs, JsonMapper json) {
		this.dialects = List.copyOf(dialects);
		this.catalogs = catalogs;
		this.json = json;
	}

	public ResponseEntity<Object> toResponse(ApiError error, HttpServletRequest request) {
		ErrorDialect dialect = dialect(request);
		return (dialect != null) ? dialect.render(error, request) : problem(error, request);
	}

	/**
	 * A business error, worded as the dialect that serves the request words it, in the
	 * dialect's format.
	 * @param error the core's error
	 * @param request the request
	 * @return the response
	 */
	public ResponseEntity<Object> toResponse(BusinessError error, HttpServletRequest request) {
		return toResponse(wording(request).apiError(error), request);
	}

	/**
	 * How the dialect that serves a request words errors.
	 * @param request the request
	 * @return the wording
	 */
	public ErrorWording wording(HttpServletRequest request) {
		ErrorDialect dialect = dialect(request);
		return (dialect != null) ? this.catalogs.of(dialect.catalog()) : this.catalogs.defaults();
	}

	private @Nullable ErrorDialect dialect(HttpServletRequest request) {
		for (ErrorDialect dialect : this.dialects) {
			if (dialect.handles(request)) {
				return dialect;
			}
		}
		return null;
	}

	/**
	 * Writes the error outside Spring MVC, as a servlet filter must.
	 * @param error the error
	 * @param request the request
	 * @param response the response, not yet committed
	 * @throws IOException when writing fails
	 */
	public void write(ApiError error, HttpServletRequest request, HttpServletResponse response) throws IOException {
		ResponseEntity<Object> entity = toResponse(error, request);
		response.setStatus(entity.getStatusCode().value());
		// the dialect's headers replace any the filter set before (such as its own
		// WWW-Authenticate)
		entity.getHeaders().forEach((name, values) -> {
			for (int i = 0; i < values.size(); i++) {
				if (i == 0) {
					response.setHeader(name, values.get(i));
				}
				else {
					response.addHeader(name, values.get(i));
				}
			}
		});
		if (entity.getBody() != null) {
			if (entity.getHeaders().getContentType() == null) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			}
			if (entity.getBody() instanceof byte[] bytes) {
				// a dialect that wrote its body itself (in JSON or XML)
				response.getOutputStream().write(bytes);
			}
			else {
				this.json.writeValue(response.getOutputStream(), entity.getBody());
			}
		}
	}

	private static ResponseEntity<Object> problem(ApiError error, HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPE_PREFIX + error.code());
		body.put("title", error.status().getReasonPhrase());
		body.put("status", error.status().value());
		body.put("detail", error.detail());
		body.put("instance", request.getRequestURI());
		body.put("code", error.code());
		if (error.field() != null) {
			body.put("field", error.field());
		}
		if (!error.errors().isEmpty()) {
			body.put("errors", error.errors().stream().map(ErrorResponses::problemFieldError).toList());
		}
		return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	/**
	 * A field error of problem details: its field and message (the type some dialects
	 * write is not part of it).
	 */
	private static Map<String, String> problemFieldError(ApiError.FieldProblem error) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("field", error.field());
		body.put("message", error.message());
		return body;
	}

}
