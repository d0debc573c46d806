package org.vetbill.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint of each organization, {@code /{provet_id}/oauth2/token/} (RFC
 * 6749): the client-credentials grant for integrations (client id and secret by HTTP
 * Basic or in the form body) and the password grant for front-desk users. Tokens carry
 * the scope asked for ({@code restapi}, every permission of the credential, by default;
 * {@code read}, {@code billing} and {@code settings} narrow it, see {@link TokenScopes})
 * and last 10 hours; client credentials get no refresh token. Apps a user approved at the
 * authorization endpoint exchange their code here ({@code authorization_code}, with PKCE)
 * and rotate their refresh tokens ({@code refresh_token}); see
 * {@link AuthorizationCodeFlow}. Parameters come as
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}, never in the
 * URL; errors are RFC 6749 error responses.
 *
 */
@RestController
class TokenEndpoint {

	private static final Set<String> DELEGATED_GRANTS = Set.of("authorization_code", "refresh_token");

	private final Organizations organizations;

	private final Credentials credentials;

	private final AccessTokens tokens;

	private final AuthorizationCodeFlow codeFlow;

	TokenEndpoint(Organizations organizations, Credentials credentials, AccessTokens tokens,
			AuthorizationCodeFlow codeFlow) {
		this.organizations = organizations;
		this.credentials = credentials;
		this.tokens = tokens;
		this.codeFlow = codeFlow;
	}

	@PostMapping(path = { "/{provet_id}/oauth2/token/", "/{provet_id}/oauth2/token" },
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<Map<String, Object>> token(@PathVariable("provet_id") String provetId, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (request.getQueryString() != null && !request.getQueryString().isEmpty()) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request",
					"send the parameters in the form body, never in the URL");
		}
		MultiValueMap<String, String> form = form(request);
		if (form.values().stream().anyMatch((values) -> values.size() > 1)) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request", "a parameter is given more than once");
		}
		String grantType = form.getFirst("grant_type");
		if (grantType == null || grantType.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
		}
		String scope = form.getFirst("scope");
		if (DELEGATED_GRANTS.contains(grantType)) {
			return delegatedGrant(provetId, grantType, authorization, form);
		}
		String granted = TokenScopes.requested(scope, TokenScopes.API);
		if (granted == null) {
			return error(HttpStatus.BAD_REQUEST, "invalid_scope", "the scopes are restapi, read, billing and settings");
		}
		ClientCredentials client = clientCredentials(authorization, form);
		Optional<Organization> organization = this.organizations.findByProvetId(provetId);
		return switch (grantType) {
			case "client_credentials" -> clientCredentialsGrant(organization, client, granted);
			case "password" -> passwordGrant(organization, client, form, granted);
			default -> error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
					"grant_type must be client_credentials, password, authorization_code or refresh_token");
		};
	}

	/**
	 * The grants of an app acting for a user who approved it: {@code authorization_code}
	 * and {@code refresh_token}. The client authenticates with its secret, or, a public
	 * client, with its {@code client_id} alone.
	 */
	private ResponseEntity<Map<String, Object>> delegatedGrant(String provetId, String grantType,
			@Nullable String authorization, MultiValueMap<String, String> form) {
		ClientCredentials client = clientCredentials(authorization, form);
		String clientId = (client != null) ? client.id() : form.getFirst("client_id");
		Organization organization = this.organizations.findByProvetId(provetId)
			.orElseThrow(() -> OAuthError.invalidClient("unknown client or wrong secret"));
		OAuthStore.App app = this.codeFlow.authenticate(organization, clientId,
				(client != null) ? client.secret() : null);
		Map<String, Object> body = "authorization_code".equals(grantType)
				? this.codeFlow.exchange(organization, app, form.getFirst("code"), form.getFirst("redirect_uri"),
						form.getFirst("code_verifier"))
				: this.codeFlow.refresh(organization, app, form.getFirst("refresh_token"), form.getFirst("scope"));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	@ExceptionHandler(OAuthError.class)
	ResponseEntity<Map<String, Object>> refused(OAuthError ex) {
		return ex.status() == HttpStatus.UNAUTHORIZED ? invalidClient(ex.description())
				: error(ex.status(), ex.error(), ex.description());
	}

	static MultiValueMap<String, String> form(HttpServletRequest request) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		request.getParameterMap().forEach((name, values) -> form.addAll(name, List.of(values)));
		return form;
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> unreadableBody(MultipartException ex) {
		return error(HttpStatus.BAD_REQUEST, "invalid_request", "the multipart body cannot be read");
	}

	private ResponseEntity<Map<String, Object>> clientCredentialsGrant(Optional<Organization> organization,
			@Nullable ClientCredentials client, String scope) {
		if (client == null) {
			return invalidClient("client authentication is required: HTTP Basic, or client_id and client_secret");
		}
		Optional<VetbillPrincipal> principal = organization
			.flatMap((org) -> this.credentials.authenticateClient(org, client.id(), client.secret()));
		return principal.map((found) -> issued(found, scope))
			.orElseGet(() -> invalidClient("unknown client or wrong secret"));
	}

	private ResponseEntity<Map<String, Object>> passwordGrant(Optional<Organization> organization,
			@Nullable ClientCredentials client, MultiValueMap<String, String> form, String scope) {
		String username = form.getFirst("username");
		String password = form.getFirst("password");
		if (username == null || password == null) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request", "username and password are required");
		}
		if (client != null
				&& organization.flatMap((org) -> this.credentials.authenticateClient(org, client.id(), client.secret()))
					.isEmpty()) {
			return invalidClient("unknown client or wrong secret");
		}
		return organization.flatMap((org) -> this.credentials.authenticateUser(org, username, password))
			.map((found) -> issued(found, scope))
			.orElseGet(() -> error(HttpStatus.BAD_REQUEST, "invalid_grant", "wrong username or password"));
	}

	private ResponseEntity<Map<String, Object>> issued(VetbillPrincipal principal, String scope) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", this.tokens.issue(principal, scope, null));
		body.put("token_type", "Bearer");
		body.put("expires_in", AccessTokens.LIFETIME.toSeconds());
		body.put("scope", scope);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	static @Nullable ClientCredentials clientCredentials(@Nullable String authorization,
			MultiValueMap<String, String> form) {
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				if (colon > 0) {
					return new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
				}
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			return null;
		}
		String id = form.getFirst("client_id");
		String secret = form.getFirst("client_secret");
		return (id != null && secret != null) ? new ClientCredentials(id, secret) : null;
	}

	static ResponseEntity<Map<String, Object>> invalidClient(String description) {
		ResponseEntity<Map<String, Object>> response = error(HttpStatus.UNAUTHORIZED, "invalid_client", description);
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vetbill\"")
			.body(response.getBody());
	}

	static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
	}

	record ClientCredentials(String id, String secret) {
	}

}
