package org.vetbill.api.connect;

import org.vetbill.shared.web.ApiError;

import org.springframework.http.HttpStatus;

/**
 * A Connect request refused before it reaches the supply module: bad credentials (401) or
 * an {@code Accept} header naming no format the API writes (406).
 */
final class ConnectRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient ApiError error;

	ConnectRefusal(HttpStatus status, String code, String message) {
		super(message, null, false, false);
		this.error = ApiError.of(status, code, message);
	}

	ApiError error() {
		return this.error;
	}

}
