package org.vetbill.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The endpoints that answer RFC 6749 error responses (the token endpoints), declared by
 * the modules that serve them. {@link RequestSanity} reads their form bodies strictly and
 * answers what it refuses there as {@code {"error": "invalid_request",
 * "error_description": ...}}, as the OAuth2 clients that call them expect.
 */
public interface OAuthPaths {

	/**
	 * Whether a request is for one of these endpoints.
	 * @param request the request
	 * @return true when it is
	 */
	boolean matches(HttpServletRequest request);

}
