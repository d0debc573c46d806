package org.vetbill.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;

/**
 * The error format of an API dialect, for the requests it serves. Errors of requests no
 * dialect claims are written as vetbill's own problem details.
 */
public interface ErrorDialect {

	/**
	 * Whether a request belongs to this dialect.
	 * @param request the request
	 * @return true when this dialect writes its errors
	 */
	boolean handles(HttpServletRequest request);

	/**
	 * The error in this dialect's format.
	 * @param error the error
	 * @return the response: status, headers and body
	 */
	ResponseEntity<Object> render(ApiError error);

}
