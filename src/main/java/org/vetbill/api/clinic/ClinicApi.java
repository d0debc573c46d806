package org.vetbill.api.clinic;

import java.util.regex.Pattern;

/**
 * Paths of the Clinic API: its document's own, at the server's root, with no tenant in
 * them (the token tells the organization).
 */
final class ClinicApi {

	/** Any request path of the Clinic API: the invoices and the token endpoint. */
	public static final Pattern PATH = Pattern.compile("^/invoice(/.*)?$|^/token/?$");

	/** The invoice collection, with its trailing slash as the document writes it. */
	static final String INVOICES = "/invoice/";

	/** One invoice, without a trailing slash as the document writes it. */
	static final String INVOICE = "/invoice/{id}";

	/** The OAuth2 password flow's token endpoint. */
	static final String TOKEN = "/token";

	private ClinicApi() {
	}

}
