package org.vetbill.shared.web;

/**
 * Where vetbill's own API lives: under the tenant, next to the Cloud API's
 * {@code api/0.1}.
 */
public final class ApiPaths {

	/** The base path of vetbill's own API for one organization. */
	public static final String VETBILL = "/{provet_id}/vetbill/v1";

	private ApiPaths() {
	}

}
