package org.vetbill.security;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.web.OAuthPaths;

import org.springframework.stereotype.Component;

/**
 * The organizations' token and revocation endpoints, which answer RFC 6749 errors even
 * for the requests refused before them.
 */
@Component
class TokenPaths implements OAuthPaths {

	private static final Pattern PATH = Pattern.compile("^/[^/]+/oauth2/(token|revoke_token)/?$");

	@Override
	public boolean matches(HttpServletRequest request) {
		return PATH.matcher(request.getRequestURI()).matches();
	}

}
