package org.vetbill.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token revocation (RFC 7009) at {@code /{provet_id}/oauth2/revoke_token/} and the OpenID
 * Connect userinfo endpoint at {@code /{provet_id}/oauth2/userinfo/}.
 */
@RestController
class OAuthEndpoints {

	private final Organizations organizations;

	private final AuthorizationCodeFlow codeFlow;

	private final OAuthStore store;

	OAuthEndpoints(Organizations organizations, AuthorizationCodeFlow codeFlow, OAuthStore store) {
		this.organizations = organizations;
		this.codeFlow = codeFlow;
		this.store = store;
	}

	/**
	 * Revokes a token. The client authenticates as at the token endpoint; the answer is
	 * 200 with an empty body whether or not the token was known (RFC 7009 section 2.2).
	 * @param provetId the organization
	 * @param request the form
	 * @param authorization HTTP Basic client authentication, if sent that way
	 * @return 200, or an OAuth2 error
	 */
	@PostMapping(path = { "/{provet_id}/oauth2/revoke_token/", "/{provet_id}/oauth2/revoke_token" },
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<Map<String, Object>> revoke(@PathVariable("provet_id") String provetId, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		TokenEndpoint.ClientCredentials client = TokenEndpoint.clientCredentials(authorization,
				TokenEndpoint.form(request));
		String clientId = (client != null) ? client.id() : request.getParameter("client_id");
		Organization organization = this.organizations.findByProvetId(provetId)
			.orElseThrow(() -> OAuthError.invalidClient("unknown client or wrong secret"));
		OAuthStore.App app = this.codeFlow.authenticate(organization, clientId,
				(client != null) ? client.secret() : null);
		String token = request.getParameter("token");
		if (token == null || token.isBlank()) {
			throw OAuthError.invalidRequest("token is required");
		}
		this.codeFlow.revoke(organization, app, token);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
	}

	/**
	 * Who the user behind a token is (OpenID Connect Core section 5.3): {@code sub} (the
	 * user's id), {@code name}, {@code preferred_username} and, when known,
	 * {@code email}. Only for tokens of an app a user approved with the {@code openid}
	 * scope.
	 * @param caller the caller (checks the tenant)
	 * @param authentication the token's authentication
	 * @return the claims, or 403 {@code insufficient_scope}
	 */
	@RequestMapping(path = { "/{provet_id}/oauth2/userinfo/", "/{provet_id}/oauth2/userinfo" },
			method = { RequestMethod.GET, RequestMethod.POST }, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> userinfo(Caller caller, Authentication authentication) {
		AccessTokens.Delegation delegation = (authentication instanceof VetbillAuthentication vetbill)
				? vetbill.delegation() : null;
		if (delegation == null || !delegation.hasScope(AuthorizationRequests.OPENID)) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", "insufficient_scope");
			body.put("error_description", "the userinfo endpoint needs a token of a user with the openid scope");
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"openid\"")
				.cacheControl(CacheControl.noStore())
				.body(body);
		}
		OAuthStore.AppUser user = this.store.user(caller.organizationId(), delegation.userId())
			.orElseThrow(() -> new IllegalStateException("a grant's user is gone"));
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", String.valueOf(user.id()));
		claims.put("name", user.displayName());
		claims.put("preferred_username", user.username());
		if (user.email() != null) {
			claims.put("email", user.email());
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(claims);
	}

	@ExceptionHandler(OAuthError.class)
	ResponseEntity<Map<String, Object>> refused(OAuthError ex) {
		return ex.status() == HttpStatus.UNAUTHORIZED ? TokenEndpoint.invalidClient(ex.description())
				: TokenEndpoint.error(ex.status(), ex.error(), ex.description());
	}

}
