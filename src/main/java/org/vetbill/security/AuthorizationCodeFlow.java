package org.vetbill.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.shared.Secrets;
import org.vetbill.shared.access.Permission;
import org.vetbill.shared.time.Timestamps;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token side of the authorization-code grant: exchanging a code with its PKCE
 * verifier (RFC 6749 section 4.1.3, RFC 7636), refresh tokens with rotation and reuse
 * detection, and revocation (RFC 7009); {@link AuthorizationRequests} issues the codes. A
 * clinic user approves an app; the approval is a grant, and every token issued from it
 * (its family) acts as that user, with the user's permissions, in the user's
 * organization. A refresh token lasts 30 days from the last access token issued with it
 * and is replaced on every use; presenting a replaced one again, like exchanging a code
 * twice, revokes the grant and so every token of the family.
 */
@Service
class AuthorizationCodeFlow {

	static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

	private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

	private final OAuthStore store;

	private final Credentials credentials;

	private final AccessTokens tokens;

	private final Clock clock;

	AuthorizationCodeFlow(OAuthStore store, Credentials credentials, AccessTokens tokens, Clock clock) {
		this.store = store;
		this.credentials = credentials;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Authenticates the client of a token or revocation request: a confidential client by
	 * its secret, a public client by its id alone.
	 * @param organization the organization
	 * @param clientId the client id, if any was sent
	 * @param secret the secret, if any was sent
	 * @return the app
	 */
	OAuthStore.App authenticate(Organization organization, @Nullable String clientId, @Nullable String secret) {
		if (clientId == null) {
			throw OAuthError.invalidClient("client authentication is required: HTTP Basic, client_id and "
					+ "client_secret, or client_id alone for a public client");
		}
		if (secret != null) {
			if (this.credentials.authenticateClient(organization, clientId, secret).isEmpty()) {
				throw OAuthError.invalidClient("unknown client or wrong secret");
			}
			return this.store.activeApp(organization.id(), clientId)
				.orElseThrow(() -> OAuthError.invalidClient("unknown client or wrong secret"));
		}
		return this.store.activeApp(organization.id(), clientId)
			.filter(OAuthStore.App::publicClient)
			.orElseThrow(() -> OAuthError.invalidClient("unknown client, or a confidential client without its secret"));
	}

	/**
	 * Exchanges an authorization code (RFC 6749 section 4.1.3, RFC 7636 section 4.6).
	 * @param organization the organization
	 * @param app the authenticated client
	 * @param code the code
	 * @param redirectUri the redirect URI, required when the authorization request named
	 * it
	 * @param verifier the PKCE code verifier
	 * @return the token response
	 */
	@Transactional(noRollbackFor = OAuthError.class)
	Map<String, Object> exchange(Organization organization, OAuthStore.App app, @Nullable String code,
			@Nullable String redirectUri, @Nullable String verifier) {
		if (code == null) {
			throw OAuthError.invalidRequest("code is required");
		}
		OAuthStore.Code stored = this.store.lockCode(organization.id(), Secrets.sha256(code))
			.orElseThrow(() -> OAuthError.invalidGrant("the authorization code is unknown"));
		if (stored.appId() != app.id()) {
			throw OAuthError.invalidGrant("the authorization code was issued to another client");
		}
		Instant now = now();
		if (stored.grantId() != null) {
			this.store.revokeGrant(organization.id(), stored.grantId(), now);
			throw OAuthError
				.invalidGrant("the authorization code was already used; the tokens issued for it are revoked");
		}
		if (!now.isBefore(stored.expires())) {
			throw OAuthError.invalidGrant("the authorization code has expired");
		}
		boolean redirectMatches = stored.redirectUriGiven() ? stored.redirectUri().equals(redirectUri)
				: (redirectUri == null || stored.redirectUri().equals(redirectUri));
		if (!redirectMatches) {
			throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
		}
		checkVerifier(stored.codeChallenge(), verifier);
		OAuthStore.AppUser user = activeUser(organization, stored.userId())
			.orElseThrow(() -> OAuthError.invalidGrant("the user is no longer active"));
		long grantId = this.store.insertGrant(organization.id(), app.id(), user.id(), stored.scope(), now);
		this.store.codeExchanged(organization.id(), stored.id(), grantId);
		return issue(organization, app, user, grantId, stored.scope());
	}

	/**
	 * Rotates a refresh token (RFC 6749 section 6): the token is marked used and a new
	 * one issued in the same grant; a token already used revokes the grant.
	 * @param organization the organization
	 * @param app the authenticated client
	 * @param refreshToken the refresh token
	 * @param scope the scope asked for: none, or part of the granted one
	 * @return the token response
	 */
	@Transactional(noRollbackFor = OAuthError.class)
	Map<String, Object> refresh(Organization organization, OAuthStore.App app, @Nullable String refreshToken,
			@Nullable String scope) {
		if (refreshToken == null) {
			throw OAuthError.invalidRequest("refresh_token is required");
		}
		OAuthStore.RefreshToken stored = this.store.lockRefreshToken(organization.id(), Secrets.sha256(refreshToken))
			.orElseThrow(() -> OAuthError.invalidGrant("the refresh token is unknown"));
		OAuthStore.Grant grant = this.store.grant(organization.id(), stored.grantId())
			.filter((g) -> g.appId() == app.id())
			.orElseThrow(() -> OAuthError.invalidGrant("the refresh token was issued to another client"));
		Instant now = now();
		if (stored.used() != null) {
			this.store.revokeGrant(organization.id(), grant.id(), now);
			throw OAuthError
				.invalidGrant("the refresh token was already used; every token of this authorization is revoked");
		}
		if (grant.revoked() != null) {
			throw OAuthError.invalidGrant("the authorization was revoked");
		}
		if (!now.isBefore(stored.expires())) {
			throw OAuthError.invalidGrant("the refresh token has expired");
		}
		String granted = grant.scope();
		if (scope != null && !scope.isBlank()) {
			List<String> asked = OAuthStore.scopes(scope.trim()).stream().distinct().toList();
			if (!OAuthStore.scopes(grant.scope()).containsAll(asked)) {
				throw new OAuthError(HttpStatus.BAD_REQUEST, "invalid_scope",
						"a refresh may narrow the scope, never widen it: granted " + grant.scope());
			}
			granted = String.join(" ", asked);
		}
		OAuthStore.AppUser user = activeUser(organization, grant.userId())
			.orElseThrow(() -> OAuthError.invalidGrant("the user is no longer active"));
		this.store.refreshTokenUsed(organization.id(), stored.id(), now);
		return issue(organization, app, user, grant.id(), granted);
	}

	/**
	 * Revokes a token (RFC 7009): a refresh token or an access token of this client ends
	 * its whole grant. Unknown tokens and tokens that come from no grant (client
	 * credentials, password) are left as they are; the answer is the same. A token issued
	 * to another client is refused, as RFC 7009 section 2.1 asks (with
	 * {@code invalid_client}, as Spring Authorization Server answers it), and left as it
	 * is.
	 * @param organization the organization
	 * @param app the authenticated client
	 * @param token the token
	 */
	@Transactional
	void revoke(Organization organization, OAuthStore.App app, String token) {
		Optional<OAuthStore.RefreshToken> refresh = this.store.lockRefreshToken(organization.id(),
				Secrets.sha256(token));
		Long grantId = refresh.map(OAuthStore.RefreshToken::grantId).orElseGet(() -> accessTokenGrant(token));
		if (grantId != null) {
			Optional<OAuthStore.Grant> grant = this.store.grant(organization.id(), grantId);
			if (grant.isPresent() && grant.get().appId() != app.id()) {
				throw OAuthError.invalidClient("the token was issued to another client");
			}
			grant.ifPresent((found) -> this.store.revokeGrant(organization.id(), found.id(), now()));
		}
	}

	private @Nullable Long accessTokenGrant(String token) {
		try {
			Jwt jwt = this.tokens.decode(token);
			AccessTokens.Delegation delegation = AccessTokens.delegation(jwt);
			return (delegation != null) ? delegation.grantId() : null;
		}
		catch (JwtException ex) {
			return null;
		}
	}

	private Map<String, Object> issue(Organization organization, OAuthStore.App app, OAuthStore.AppUser user,
			long grantId, String scope) {
		Set<Permission> permissions = TokenScopes.bound(Permissions.parseStored(user.permissions()), scope);
		VetbillPrincipal principal = new VetbillPrincipal(organization.id(), organization.provetId(),
				"user:" + user.username(), permissions);
		String refreshToken = Secrets.random(32);
		Instant now = now();
		this.store.insertRefreshToken(organization.id(), grantId, Secrets.sha256(refreshToken), now,
				now.plus(REFRESH_LIFETIME));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", this.tokens.issue(principal, scope,
				new AccessTokens.Delegation(grantId, user.id(), app.clientId(), scope)));
		body.put("token_type", "Bearer");
		body.put("expires_in", AccessTokens.LIFETIME.toSeconds());
		body.put("scope", scope);
		body.put("refresh_token", refreshToken);
		return body;
	}

	private Optional<OAuthStore.AppUser> activeUser(Organization organization, long userId) {
		return this.store.user(organization.id(), userId).filter(OAuthStore.AppUser::active);
	}

	private static void checkVerifier(@Nullable String challenge, @Nullable String verifier) {
		if (challenge == null) {
			if (verifier != null) {
				throw OAuthError
					.invalidGrant("code_verifier was sent, but the authorization request had no " + "code_challenge");
			}
			return;
		}
		if (verifier == null) {
			throw OAuthError.invalidGrant("code_verifier is required: the authorization request had a code_challenge");
		}
		if (!VERIFIER.matcher(verifier).matches()
				|| !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
						challenge.getBytes(StandardCharsets.US_ASCII))) {
			throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
		}
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

}
