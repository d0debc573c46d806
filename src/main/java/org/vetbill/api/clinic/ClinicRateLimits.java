package org.vetbill.api.clinic;

import java.util.Map;
import java.util.regex.Pattern;

import org.vetbill.ratelimit.RateLimitedApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Clinic API's rate limits. Its document publishes none, so every action has the
 * number vetbill's own API has, 300 requests a minute, and a list's {@code limit} counts
 * in pages of {@value #DEFAULT_PAGE_SIZE}, the document's default. The API sits at the
 * server's root, so it names its paths: the invoices ({@code GET /invoice/}, {@code GET
 * /invoice/{id}}, ...). The token endpoint is not counted, as no token endpoint is.
 */
@Configuration(proxyBeanMethods = false)
class ClinicRateLimits {

	/** Requests per minute of each action. */
	static final int DEFAULT_LIMIT = 300;

	/** The document's default {@code limit} of a list. */
	static final int DEFAULT_PAGE_SIZE = 100;

	/** The path templates that are the Clinic API's actions. */
	static final Pattern ACTIONS = Pattern.compile("^/invoice(/.*)?$");

	@Bean
	RateLimitedApi clinicApiRateLimits() {
		return new RateLimitedApi("clinic", "", "limit", DEFAULT_PAGE_SIZE, DEFAULT_LIMIT, Map.of(), ACTIONS);
	}

}
