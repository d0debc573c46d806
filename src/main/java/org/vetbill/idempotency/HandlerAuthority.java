package org.vetbill.idempotency;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a caller holds the authority the handler of a request requires
 * ({@code @ReadAccess}, {@code @BillingAccess}, {@code @SettingsAccess}: a
 * {@code hasAuthority(...)} rule), found before the request runs, so that the idempotency
 * filter reads no body of a request that would be refused. The rule is still enforced
 * where it always is, by method security on the handler.
 */
@Component
class HandlerAuthority {

	private static final Pattern HAS_AUTHORITY = Pattern.compile("^hasAuthority\\('([^']+)'\\)$");

	private final RequestMappingHandlerMapping handlers;

	private final Map<Method, Optional<String>> rules = new ConcurrentHashMap<>();

	HandlerAuthority(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
		this.handlers = handlers;
	}

	/**
	 * Whether the caller is known to lack the authority the request's handler requires.
	 * @param request the request
	 * @param authentication the caller
	 * @return true only when the handler names an authority the caller does not hold
	 */
	boolean lacks(HttpServletRequest request, Authentication authentication) {
		String required = required(request);
		if (required == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (required.equals(authority.getAuthority())) {
				return false;
			}
		}
		return true;
	}

	private @Nullable String required(HttpServletRequest request) {
		RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request) : null;
		HandlerExecutionChain chain;
		try {
			ServletRequestPathUtils.parseAndCache(request);
			chain = this.handlers.getHandler(request);
		}
		catch (Exception ex) {
			// no handler known here (or several): method security decides, as ever
			return null;
		}
		finally {
			if (previous == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
			else {
				ServletRequestPathUtils.setParsedRequestPath(previous, request);
			}
		}
		if (chain == null || !(chain.getHandler() instanceof HandlerMethod handler)) {
			return null;
		}
		return this.rules.computeIfAbsent(handler.getMethod(), (method) -> rule(handler)).orElse(null);
	}

	/** The authority a handler's rule names, found once per handler method. */
	private static Optional<String> rule(HandlerMethod handler) {
		Method method = handler.getMethod();
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (rule == null) {
			return Optional.empty();
		}
		Matcher matcher = HAS_AUTHORITY.matcher(rule.value().strip());
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
