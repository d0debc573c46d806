package org.vetbill.api.clinic;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.web.OAuthPaths;

import org.springframework.stereotype.Component;

/**
 * The Clinic API's token endpoint, whose unreadable requests (a form body that is not
 * UTF-8, a NUL in a field, a parameter without a proper name) are answered as an OAuth2
 * client expects, not in FastAPI's format.
 */
@Component
class ClinicTokenPaths implements OAuthPaths {

	private static final Pattern PATH = Pattern.compile("^" + ClinicApi.TOKEN + "/?$");

	@Override
	public boolean matches(HttpServletRequest request) {
		return PATH.matcher(request.getRequestURI()).matches();
	}

}
