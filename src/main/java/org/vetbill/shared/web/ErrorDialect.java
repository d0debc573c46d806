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
	 * The name of this dialect's own catalog of error wordings
	 * ({@code messages/<name>-errors.properties}), which replaces the default wording of
	 * the keys it has.
	 * @return the catalog's name
	 */
	String catalog();

	/**
	 * The error in this dialect's format.
	 * @param error the error
	 * @return the response: status, headers and body
	 */
	ResponseEntity<Object> render(ApiError error);

	/**
	 * The error in this dialect's format, for a dialect whose answer depends on the
	 * request (such as one that answers in the format its {@code Accept} header asks
	 * for). A body that is a {@code byte[]} is written as it is, in the response's
	 * content type.
	 * @param error the error
	 * @param request the request that failed
	 * @return the response: status, headers and body
	 */
	default ResponseEntity<Object> render(ApiError error, HttpServletRequest request) {
		return render(error);
	}

}
