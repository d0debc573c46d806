package org.vetbill.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * {@link RequestSanity}'s refusals on the endpoints that answer RFC 6749 errors: an
 * {@code invalid_request} error response (section 5.2), not cached.
 */
final class OAuthRefusals {

	/** The longest form body read on these endpoints (their forms are a few fields). */
	static final int MAX_FORM = 64 * 1024;

	private final List<OAuthPaths> paths;

	private final JsonMapper json;

	OAuthRefusals(List<OAuthPaths> paths, JsonMapper json) {
		this.paths = List.copyOf(paths);
		this.json = json;
	}

	boolean matches(HttpServletRequest request) {
		return this.paths.stream().anyMatch((path) -> path.matches(request));
	}

	void refuse(HttpStatus status, String description, HttpServletResponse response) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "invalid_request");
		body.put("error_description", description);
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), body);
	}

}
