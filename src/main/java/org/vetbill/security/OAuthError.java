package org.vetbill.security;

import org.springframework.http.HttpStatus;

/**
 * A refusal of an OAuth2 endpoint, answered as an RFC 6749 error response
 * ({@code {"error", "error_description"}}).
 */
final class OAuthError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String error;

	OAuthError(HttpStatus status, String error, String description) {
		super(description, null, false, false);
		this.status = status;
		this.error = error;
	}

	static OAuthError invalidRequest(String description) {
		return new OAuthError(HttpStatus.BAD_REQUEST, "invalid_request", description);
	}

	static OAuthError invalidGrant(String description) {
		return new OAuthError(HttpStatus.BAD_REQUEST, "invalid_grant", description);
	}

	static OAuthError invalidClient(String description) {
		return new OAuthError(HttpStatus.UNAUTHORIZED, "invalid_client", description);
	}

	HttpStatus status() {
		return this.status;
	}

	String error() {
		return this.error;
	}

	String description() {
		String message = getMessage();
		return (message != null) ? message : this.error;
	}

}
