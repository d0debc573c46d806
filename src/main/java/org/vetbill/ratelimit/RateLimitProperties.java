package org.vetbill.ratelimit;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code vetbill.rate-limit}.
 *
 * @param enabled whether requests are rate-limited at all
 * @param store where the counters live; by default the database on PostgreSQL and memory
 * on the embedded H2 database
 * @param redisUrl the Redis server of the {@code redis} store
 * @param apis per API ({@code cloud}, {@code vetbill}), the limits that replace its
 * published ones
 */
@ConfigurationProperties("vetbill.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @Nullable Store store,
		@DefaultValue("redis://127.0.0.1:6379") String redisUrl, @DefaultValue Map<String, ApiLimits> apis) {

	RateLimitProperties {
		apis = Map.copyOf(apis);
	}

	/**
	 * Where the counters of the rate limits live.
	 */
	enum Store {

		/** In this node's memory: each node counts on its own. */
		MEMORY,

		/** In PostgreSQL, shared by every node on the same database. */
		DATABASE,

		/** In Redis, shared by every node on the same Redis. */
		REDIS

	}

	/**
	 * The limits of one API that replace its published ones.
	 *
	 * @param defaultLimit requests per minute of an action not listed, if not the API's
	 * own default
	 * @param limits entries {@code "METHOD /path/template/ = requests per minute"}, such
	 * as {@code "GET /invoice/ = 60"}
	 */
	record ApiLimits(@Nullable Integer defaultLimit, @DefaultValue List<String> limits) {

		ApiLimits {
			limits = List.copyOf(limits);
		}

	}

}
