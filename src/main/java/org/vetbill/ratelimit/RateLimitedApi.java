package org.vetbill.ratelimit;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An API whose endpoint actions are rate-limited, declared as a bean by the module that
 * serves it. An action is the HTTP method and the path template of its handler relative
 * to the API's root, such as {@code GET /invoice/} or {@code POST
 * /invoicepayment/{id}/cancel_payment/}.
 *
 * @param name the API's key in the settings ({@code vetbill.rate-limit.apis.<name>})
 * @param root the path template every handler of the API starts with, such as
 * {@code /{provet_id}/api/0.1}; empty for an API at the server's root
 * @param pageSizeParameter the query parameter that sets a list's page size
 * @param defaultPageSize a list's page size without it: a GET with a page size weighs
 * {@code ceil(page size / defaultPageSize)} requests
 * @param defaultLimit requests per minute of an action that {@code limits} does not list
 * @param limits requests per minute by action
 * @param paths which path templates below the root are the API's, or null for all of them
 * (an API at the server's root names its own, so that it does not take in every other
 * handler)
 */
public record RateLimitedApi(String name, String root, String pageSizeParameter, int defaultPageSize, int defaultLimit,
		Map<String, Integer> limits, @Nullable Pattern paths) {

	public RateLimitedApi {
		if (defaultPageSize < 1 || defaultLimit < 1) {
			throw new IllegalArgumentException("the default page size and limit must be positive");
		}
		limits = Map.copyOf(limits);
	}

	/**
	 * An API that owns every path template below its root.
	 * @param name the API's key in the settings
	 * @param root the path template every handler of the API starts with
	 * @param pageSizeParameter the query parameter that sets a list's page size
	 * @param defaultPageSize a list's page size without it
	 * @param defaultLimit requests per minute of an action that {@code limits} does not
	 * list
	 * @param limits requests per minute by action
	 */
	public RateLimitedApi(String name, String root, String pageSizeParameter, int defaultPageSize, int defaultLimit,
			Map<String, Integer> limits) {
		this(name, root, pageSizeParameter, defaultPageSize, defaultLimit, limits, null);
	}

	/**
	 * Whether a path template below the root is this API's.
	 * @param path the template relative to the root, such as {@code /invoice/{id}}
	 * @return true when it is
	 */
	boolean owns(String path) {
		return this.paths == null || this.paths.matcher(path).matches();
	}

}
