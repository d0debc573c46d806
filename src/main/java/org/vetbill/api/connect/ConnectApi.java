package org.vetbill.api.connect;

import java.util.List;

/**
 * Paths and header names of the Connect API. Its document's paths are kept under one
 * prefix, {@code /connect}: {@code GET /connect/invoices} is the document's
 * {@code GET /invoices}.
 */
final class ConnectApi {

	/** The prefix every path of the Connect API starts with. */
	static final String PREFIX = "/connect";

	/** The invoice list. */
	static final String INVOICES = PREFIX + "/invoices";

	/** One invoice. */
	static final String INVOICE = INVOICES + "/{InvoiceNumber}";

	static final String API_VERSION = "Api-Version";

	static final String CLIENT = "Client";

	static final String CLIENT_AUTH = "Client-Auth";

	static final String USER_AUTH = "User-Auth";

	static final String PRACTICE = "Practice";

	static final String USER = "User";

	static final String ACCOUNT_CODE = "Account-Code";

	/** The headers every request must send, in the document's order. */
	static final List<String> REQUIRED_HEADERS = List.of(API_VERSION, CLIENT, CLIENT_AUTH, USER_AUTH, PRACTICE, USER);

	/** The only version of the API. */
	static final int VERSION = 1;

	static final String DATE_FROM = "DateFrom";

	static final String DATE_TO = "DateTo";

	static final String UPDATED_AFTER = "UpdatedAfter";

	static final String INVOICE_NUMBER = "InvoiceNumber";

	private ConnectApi() {
	}

	/**
	 * Whether a request path is the Connect API's.
	 * @param path the request URI
	 * @return true for {@code /connect} and everything below it
	 */
	static boolean owns(String path) {
		return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
	}

}
