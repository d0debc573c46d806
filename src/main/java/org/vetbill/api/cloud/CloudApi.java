package org.vetbill.api.cloud;

import java.util.regex.Pattern;

/**
 * Paths of the Cloud API.
 */
final class CloudApi {

	/** The base path; every resource path below it ends with a slash. */
	static final String BASE = "/{provet_id}/api/0.1";

	/** Any request path of the Cloud API. */
	static final Pattern PATH = Pattern.compile("^/[^/]+/api/0\\.1(/.*)?$");

	private CloudApi() {
	}

}
