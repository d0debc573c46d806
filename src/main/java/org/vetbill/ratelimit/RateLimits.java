package org.vetbill.ratelimit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The limit of every endpoint action: the numbers each API publishes, replaced by the
 * configured ones, and what one request of an action weighs.
 */
final class RateLimits {

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	/** The APIs, the longest root first, so that a nested root wins. */
	private final List<Api> apis;

	RateLimits(List<RateLimitedApi> apis, RateLimitProperties properties) {
		Map<String, RateLimitedApi> byName = new HashMap<>();
		for (RateLimitedApi api : apis) {
			if (byName.put(api.name(), api) != null) {
				throw new IllegalStateException("two rate-limited APIs are named " + api.name());
			}
		}
		Set<String> unknown = new TreeSet<>(properties.apis().keySet());
		unknown.removeAll(byName.keySet());
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("vetbill.rate-limit.apis names no such API: " + unknown + "; the APIs are "
					+ new TreeSet<>(byName.keySet()));
		}
		List<Api> resolved = new ArrayList<>();
		for (RateLimitedApi api : apis) {
			Map<String, Integer> limits = new HashMap<>();
			api.limits().forEach((action, limit) -> limits.put(action(action), positive(limit, action)));
			int defaultLimit = api.defaultLimit();
			RateLimitProperties.ApiLimits configured = properties.apis().get(api.name());
			if (configured != null) {
				if (configured.defaultLimit() != null) {
					defaultLimit = positive(configured.defaultLimit(),
							"vetbill.rate-limit.apis." + api.name() + ".default-limit");
				}
				for (String entry : configured.limits()) {
					Map.Entry<String, Integer> limit = entry(entry);
					limits.put(limit.getKey(), limit.getValue());
				}
			}
			resolved.add(new Api(api, defaultLimit, Map.copyOf(limits)));
		}
		resolved.sort(Comparator.comparingInt((Api api) -> api.definition().root().length()).reversed());
		this.apis = List.copyOf(resolved);
	}

	/**
	 * The action a request is, from its handler's path template.
	 * @param method the request's HTTP method (HEAD counts as GET)
	 * @param pattern the path template of the request's handler
	 * @return the action, or null when no rate-limited API serves the handler
	 */
	@Nullable Action action(String method, String pattern) {
		for (Api api : this.apis) {
			String root = api.definition().root();
			if (pattern.startsWith(root)
					&& (pattern.length() == root.length() || pattern.charAt(root.length()) == '/')) {
				String path = (pattern.length() == root.length()) ? "/" : pattern.substring(root.length());
				if (!api.definition().owns(path)) {
					continue;
				}
				String name = ("HEAD".equals(method) ? "GET" : method) + " " + path;
				return new Action(api.definition(), name, api.limits().getOrDefault(name, api.defaultLimit()));
			}
		}
		return null;
	}

	/**
	 * The limit of an action as configured, for the README and the tests.
	 * @param api the API's name
	 * @param action the action, such as {@code GET /invoice/}
	 * @return requests per minute
	 */
	int limit(String api, String action) {
		for (Api candidate : this.apis) {
			if (candidate.definition().name().equals(api)) {
				return candidate.limits().getOrDefault(action(action), candidate.defaultLimit());
			}
		}
		throw new IllegalArgumentException("no rate-limited API is named " + api);
	}

	/**
	 * Reads a configured entry such as {@code GET /invoice/ = 60}.
	 * @param entry the entry
	 * @return the action and its limit
	 */
	static Map.Entry<String, Integer> entry(String entry) {
		int equals = entry.lastIndexOf('=');
		if (equals < 0) {
			throw invalid(entry, "write it as METHOD /path/template/ = requests per minute");
		}
		String action = action(entry.substring(0, equals));
		int limit;
		try {
			limit = Integer.parseInt(entry.substring(equals + 1).strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(entry, "the limit after '=' is not a whole number");
		}
		return Map.entry(action, positive(limit, entry));
	}

	/**
	 * An action written as {@code METHOD /path/template/}, with its method in capitals
	 * and one space.
	 * @param action the action as written
	 * @return the action as the limiter names it
	 */
	static String action(String action) {
		String[] parts = action.strip().split("\\s+");
		if (parts.length != 2) {
			throw invalid(action, "write an action as METHOD /path/template/, such as GET /invoice/{id}/");
		}
		String method = parts[0].toUpperCase(Locale.ROOT);
		if (!METHODS.contains(method)) {
			throw invalid(action, "the method must be one of " + new TreeSet<>(METHODS));
		}
		if (!parts[1].startsWith("/")) {
			throw invalid(action, "the path template starts with / (relative to the API's root)");
		}
		return method + " " + parts[1];
	}

	private static int positive(int limit, String what) {
		if (limit < 1) {
			throw invalid(what, "a limit is at least 1 request per minute");
		}
		return limit;
	}

	private static IllegalArgumentException invalid(String entry, String reason) {
		return new IllegalArgumentException("invalid rate limit '" + entry.strip() + "': " + reason);
	}

	/**
	 * An API with its limits resolved.
	 */
	private record Api(RateLimitedApi definition, int defaultLimit, Map<String, Integer> limits) {
	}

	/**
	 * One endpoint action of a rate-limited API and its limit.
	 *
	 * @param api the API
	 * @param name the method and the path template relative to the API's root
	 * @param limit requests per minute
	 */
	record Action(RateLimitedApi api, String name, int limit) {

		/**
		 * What a request costs: a GET with a page size weighs {@code ceil(page size /
		 * default page size)}, at least 1 and never more than the whole budget, so that a
		 * large page waits for the budget rather than failing forever; every other
		 * request weighs 1. A page size that is not a positive whole number weighs 1 (the
		 * handler refuses it).
		 * @param request the request
		 * @return the number of requests it counts as
		 */
		long weight(HttpServletRequest request) {
			if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
				return 1;
			}
			String value = queryParameter(request.getQueryString(), this.api.pageSizeParameter());
			if (value == null) {
				return 1;
			}
			long size;
			try {
				size = Long.parseLong(value.strip());
			}
			catch (NumberFormatException ex) {
				return 1;
			}
			if (size < 1) {
				return 1;
			}
			long pages = (size + this.api.defaultPageSize() - 1) / this.api.defaultPageSize();
			return Math.min(pages, this.limit);
		}

		/**
		 * A parameter of the query string alone: a page size is never sent in a body, and
		 * asking the request for its parameters would parse the body, which throws for a
		 * malformed multipart body before any handler could refuse it.
		 */
		static @Nullable String queryParameter(@Nullable String query, String name) {
			if (query == null) {
				return null;
			}
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				if (name.equals((equals < 0) ? pair : pair.substring(0, equals))) {
					try {
						return URLDecoder.decode((equals < 0) ? "" : pair.substring(equals + 1),
								StandardCharsets.UTF_8);
					}
					catch (IllegalArgumentException ex) {
						return null;
					}
				}
			}
			return null;
		}

	}

}
