package org.vetbill.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Writes 401 and 403 answers of the security filters as problem details.
 */
final class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, @Nullable AuthenticationException ex)
			throws IOException {
		boolean invalidToken = ex instanceof InvalidBearerTokenException || request.getHeader("Authorization") != null;
		response.setHeader("WWW-Authenticate", invalidToken
				? "Bearer error=\"invalid_token\", error_description=\"the token is invalid or expired\"" : "Bearer");
		write(response, 401, "unauthenticated", invalidToken ? "the access token is invalid or has expired"
				: "authentication is required: send Authorization: Bearer <access token>");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, 403, "forbidden", "your credentials do not permit this action");
	}

	void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "urn:vetbill:problem:" + code);
		body.put("title", (status == 401) ? "Unauthorized" : "Forbidden");
		body.put("status", status);
		body.put("detail", detail);
		body.put("code", code);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), body);
	}

}
