package org.vetbill.api.vetbill;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.web.LargeBodies;

import org.springframework.stereotype.Component;

/**
 * The supply CSV imports (orders and supplier invoices), whose bodies are whole files and
 * may be larger than other requests ({@code vetbill.web.max-import-size}).
 */
@Component
class SupplyImportBodies implements LargeBodies {

	private static final Pattern PATH = Pattern.compile("^/[^/]+/vetbill/v1/suppliers/[^/]+/(orders|invoices)/import$");

	@Override
	public boolean matches(HttpServletRequest request) {
		return PATH.matcher(request.getRequestURI()).matches();
	}

}
