package org.vetbill.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Endpoints whose requests may be larger than {@code vetbill.web.max-body-size} (imports
 * of whole files), declared by the modules that serve them; they get
 * {@code vetbill.web.max-import-size}.
 */
public interface LargeBodies {

	/**
	 * Whether a request is for one of these endpoints.
	 * @param request the request
	 * @return true when it is
	 */
	boolean matches(HttpServletRequest request);

}
