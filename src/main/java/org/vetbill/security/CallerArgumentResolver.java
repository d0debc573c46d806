package org.vetbill.security;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the {@link Caller} of a request: the organization of its credential.
 * When the path names a tenant ({@code provet_id}) other than the credential's, the
 * answer is 404, exactly as for a tenant that does not exist, so no data of another
 * tenant is ever reached.
 */
@Configuration(proxyBeanMethods = false)
class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static final String TENANT_VARIABLE = "provet_id";

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof VetbillAuthentication vetbill)) {
			throw new AuthenticationCredentialsNotFoundException("no tenant credential");
		}
		VetbillPrincipal principal = vetbill.getPrincipal();
		String pathTenant = pathTenant(request);
		if (pathTenant != null && !pathTenant.equals(principal.provetId())) {
			throw new NotFound("organization", pathTenant);
		}
		return principal.caller();
	}

	private static @Nullable String pathTenant(NativeWebRequest request) {
		HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
		if (servletRequest == null) {
			return null;
		}
		Object variables = servletRequest.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get(TENANT_VARIABLE) instanceof String tenant) {
			return tenant;
		}
		return null;
	}

}
