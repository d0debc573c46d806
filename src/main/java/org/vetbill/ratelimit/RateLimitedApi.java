package org.vetbill.ratelimit;

import java.util.Map;

/**
 * An API whose endpoint actions are rate-limited, declared as a bean by the module that
 * serves it. An action is the HTTP method and the path template of its handler relative
 * to the API's root, such as {@code GET /invoice/} or {@code POST
 * /invoicepayment/{id}/cancel_payment/}.
 *
 * @param name the API's key in the settings ({@code vetbill.rate-limit.apis.<name>})
 * @param root the path template every handler of the API starts with, such as
 * {@code /{provet_id}/api/0.1}
 * @param pageSizeParameter the query parameter that sets a list's page size
 * @param defaultPageSize a list's page size without it: a GET with a page size weighs
 * {@code ceil(page size / defaultPageSize)} requests
 * @param defaultLimit requests per minute of an action that {@code limits} does not list
 * @param limits requests per minute by action
 */
public record RateLimitedApi(String name, String root, String pageSizeParameter, int defaultPageSize, int defaultLimit,
		Map<String, Integer> limits) {

	public RateLimitedApi {
		if (defaultPageSize < 1 || defaultLimit < 1) {
			throw new IllegalArgumentException("the default page size and limit must be positive");
		}
		limits = Map.copyOf(limits);
	}

}
