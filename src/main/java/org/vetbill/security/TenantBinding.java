package org.vetbill.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one rule that binds a request to its organization, for every API: a credential
 * (bearer token or legacy key) belongs to one organization, and a request acts for that
 * organization only. A path that names an organization ({@code /{provet_id}/...}, the
 * Cloud API, vetbill's own, the OAuth endpoints) must name the credential's, or the
 * answer is 404, as for an organization that does not exist; a path that names none (the
 * Clinic API) acts for the credential's. The check runs before every handler (this
 * interceptor) and again where a controller asks for its {@link Caller}
 * ({@link CallerArgumentResolver}), both by {@link #caller}.
 */
final class TenantBinding implements HandlerInterceptor {

	static final String TENANT_VARIABLE = "provet_id";

	/**
	 * The caller of a request made with a credential.
	 * @param principal the credential's principal
	 * @param pathTenant the organization the path names, or null when it names none
	 * @return the caller: always the credential's organization
	 * @throws NotFound when the path names another organization
	 */
	static Caller caller(VetbillPrincipal principal, @Nullable String pathTenant) {
		if (pathTenant != null && !pathTenant.equals(principal.provetId())) {
			throw new NotFound("organization", pathTenant);
		}
		return principal.caller();
	}

	/**
	 * The organization a request's path names.
	 * @param request the request, after its handler was found
	 * @return the {@code provet_id} path variable, or null
	 */
	static @Nullable String pathTenant(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get(TENANT_VARIABLE) instanceof String tenant) {
			return tenant;
		}
		return null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof VetbillAuthentication vetbill) {
			caller(vetbill.getPrincipal(), pathTenant(request));
		}
		return true;
	}

}
