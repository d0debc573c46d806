package org.vetbill.ratelimit;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.vetbill.security.VetbillPrincipal;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.ErrorResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Rate-limits the authenticated requests of the rate-limited APIs, per caller
 * (organization and actor) and endpoint action. Runs after authentication, which tells
 * the caller, and before the idempotency layer and the handler: a throttled request runs
 * nothing, stores nothing and holds no lock, and is answered 429 with {@code Retry-After}
 * in whole seconds and the dialect's error body ({@code {"detail": "Request was
 * throttled. Expected available in 23 seconds."}} in the Cloud API, as Django REST
 * framework words it). When the store cannot be reached the request is let through (and
 * logged): an outage of the counters must not become an outage of the API.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	static final String CODE = "throttled";

	private static final Log logger = LogFactory.getLog(RateLimitFilter.class);

	private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final HandlerMapping handlers;

	private final RateLimits limits;

	private final RateLimiter limiter;

	private final ErrorResponses errors;

	private final AtomicLong lastFailureLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	RateLimitFilter(HandlerMapping handlers, RateLimits limits, RateLimiter limiter, ErrorResponses errors) {
		this.handlers = handlers;
		this.limits = limits;
		this.limiter = limiter;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		VetbillPrincipal caller = caller();
		String pattern = (caller != null) ? pattern(request) : null;
		RateLimits.Action action = (pattern != null) ? this.limits.action(request.getMethod(), pattern) : null;
		if (caller == null || action == null) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe;
		try {
			probe = this.limiter.tryConsume(key(caller, action), action.limit(), action.weight(request));
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			chain.doFilter(request, response);
			return;
		}
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = retryAfterSeconds(probe.getNanosToWaitForRefill());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		this.errors.write(ApiError.of(HttpStatus.TOO_MANY_REQUESTS, CODE, detail(seconds)), request, response);
	}

	/**
	 * The bucket of a caller's action. The limit is part of it, so that a changed limit
	 * starts a new bucket rather than meeting one of the old size.
	 * @param caller the caller
	 * @param action the action
	 * @return the key
	 */
	static String key(VetbillPrincipal caller, RateLimits.Action action) {
		return caller.organizationId() + "|" + caller.actor() + "|" + action.api().name() + "|" + action.name() + "|"
				+ action.limit();
	}

	/**
	 * Whole seconds until the tokens return, rounded up, at least 1.
	 * @param nanos the wait in nanoseconds
	 * @return the value of {@code Retry-After}
	 */
	static long retryAfterSeconds(long nanos) {
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}

	/**
	 * Django REST framework's text of a throttled request.
	 * @param seconds the wait
	 * @return the detail
	 */
	static String detail(long seconds) {
		return "Request was throttled. Expected available in " + seconds + ((seconds == 1) ? " second." : " seconds.");
	}

	private static @Nullable VetbillPrincipal caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof VetbillPrincipal principal)
				? principal : null;
	}

	/**
	 * The path template of the handler Spring MVC will choose for the request, looked up
	 * on a view of the request whose attributes are its own, so that nothing the lookup
	 * records leaks into the real dispatch.
	 * @param request the request
	 * @return the template, or null when no handler matches
	 */
	private @Nullable String pattern(HttpServletRequest request) {
		LookupRequest lookup = new LookupRequest(request);
		try {
			ServletRequestPathUtils.parseAndCache(lookup);
			if (this.handlers.getHandler(lookup) == null) {
				return null;
			}
		}
		catch (Exception ex) {
			// no handler takes it as sent (wrong method or media type): it fails without
			// running one
			return null;
		}
		return (lookup.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) ? pattern
				: null;
	}

	private void storeFailed(RuntimeException ex) {
		long now = System.nanoTime();
		long last = this.lastFailureLogged.get();
		if (now - last >= LOG_EVERY_NANOS && this.lastFailureLogged.compareAndSet(last, now)) {
			logger.warn("The rate limits' store failed; requests are let through unlimited until it answers again "
					+ "(logged at most once a minute)", ex);
		}
	}

	/**
	 * The request with attributes of its own on top of the real ones.
	 */
	private static final class LookupRequest extends HttpServletRequestWrapper {

		private final Map<String, @Nullable Object> attributes = new HashMap<>();

		LookupRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			this.attributes.forEach((name, value) -> {
				if (value != null) {
					names.add(name);
				}
				else {
					names.remove(name);
				}
			});
			return Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

}
