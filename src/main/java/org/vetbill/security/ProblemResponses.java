package org.vetbill.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.ErrorResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Writes the 401 and 403 answers of the security filters in the format of the request's
 * API dialect.
 */
final class ProblemResponses {

	private final ErrorResponses responses;

	ProblemResponses(ErrorResponses responses) {
		this.responses = responses;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, @Nullable AuthenticationException ex)
			throws IOException {
		boolean invalidToken = ex instanceof InvalidBearerTokenException || request.getHeader("Authorization") != null;
		response.setHeader("WWW-Authenticate", invalidToken
				? "Bearer error=\"invalid_token\", error_description=\"the token is invalid or expired\"" : "Bearer");
		this.responses.write(
				ApiError.of(HttpStatus.UNAUTHORIZED, invalidToken ? "invalid_token" : "unauthenticated",
						invalidToken ? "the access token is invalid or has expired"
								: "authentication is required: send Authorization: Bearer <access token>"),
				request, response);
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "your credentials do not permit this action");
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
			throws IOException {
		this.responses.write(ApiError.of(status, code, detail), request, response);
	}

}
