package org.vetbill.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.shared.Secrets;
import org.vetbill.shared.time.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorization endpoint's use cases (RFC 6749 section 4.1.1, RFC 7636): checking an
 * app's request, signing the clinic user in, and issuing a single-use authorization code
 * (valid for 5 minutes, stored as its SHA-256 digest) when the user approves. An app
 * registered with one organization is unknown to every other.
 */
@Service
class AuthorizationRequests {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

	static final String OPENID = "openid";

	static final List<String> SCOPES = TokenScopes.DELEGATED;

	private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final OAuthStore store;

	private final Credentials credentials;

	private final Clock clock;

	AuthorizationRequests(OAuthStore store, Credentials credentials, Clock clock) {
		this.store = store;
		this.credentials = credentials;
		this.clock = clock;
	}

	/**
	 * An authorization request that passed its checks.
	 *
	 * @param app the app asking
	 * @param redirectUri where the answer goes
	 * @param redirectUriGiven whether the app named it
	 * @param scope the scopes asked for, space-separated
	 * @param state the app's state, returned as it came
	 * @param codeChallenge the PKCE challenge (S256), if any
	 */
	record AuthorizationRequest(OAuthStore.App app, String redirectUri, boolean redirectUriGiven, String scope,
			@Nullable String state, @Nullable String codeChallenge) {

		List<String> scopes() {
			return OAuthStore.scopes(this.scope);
		}

	}

	/** The outcome of checking an authorization request. */
	sealed interface Checked permits Valid, NotRedirectable, RedirectedError {

	}

	/**
	 * A request to show the user.
	 *
	 * @param request the request
	 */
	record Valid(AuthorizationRequest request) implements Checked {
	}

	/**
	 * A request with no known app or redirect URI: its error is shown to the user, never
	 * sent to an unverified address.
	 *
	 * @param description what is wrong
	 */
	record NotRedirectable(String description) implements Checked {
	}

	/**
	 * A refused request whose error goes back to the app.
	 *
	 * @param location the redirect URI with {@code error}, {@code error_description} and
	 * {@code state}
	 */
	record RedirectedError(String location) implements Checked {
	}

	/**
	 * Checks an authorization request (RFC 6749 section 4.1.1, RFC 7636 section 4.3).
	 * @param organization the organization whose endpoint was called
	 * @param parameter the request's parameters by name
	 * @return the outcome
	 */
	Checked check(Organization organization, Function<String, @Nullable String> parameter) {
		String clientId = parameter.apply("client_id");
		if (clientId == null || clientId.isBlank()) {
			return new NotRedirectable("client_id is required");
		}
		Optional<OAuthStore.App> found = this.store.activeApp(organization.id(), clientId);
		if (found.isEmpty()) {
			return new NotRedirectable("no app with this client_id is registered with this organization");
		}
		OAuthStore.App app = found.get();
		String given = parameter.apply("redirect_uri");
		String redirectUri;
		if (given != null) {
			if (!app.redirectUris().contains(given)) {
				return new NotRedirectable("redirect_uri is not one the app registered");
			}
			redirectUri = given;
		}
		else if (app.redirectUris().size() == 1) {
			redirectUri = app.redirectUris().get(0);
		}
		else {
			return new NotRedirectable("redirect_uri is required: the app has "
					+ (app.redirectUris().isEmpty() ? "no registered redirect URI" : "several redirect URIs"));
		}
		String state = parameter.apply("state");
		if (!"code".equals(parameter.apply("response_type"))) {
			return redirectedError(redirectUri, "unsupported_response_type", "response_type must be code", state);
		}
		String scope = parameter.apply("scope");
		List<String> scopes = (scope == null || scope.isBlank()) ? List.of(AccessTokens.SCOPE)
				: OAuthStore.scopes(scope.trim()).stream().distinct().toList();
		if (!SCOPES.containsAll(scopes)) {
			return redirectedError(redirectUri, "invalid_scope",
					"the scopes are restapi, read, billing, settings and openid", state);
		}
		String challenge = parameter.apply("code_challenge");
		String method = parameter.apply("code_challenge_method");
		if (challenge == null && app.publicClient()) {
			return redirectedError(redirectUri, "invalid_request",
					"code_challenge is required: a public client must use PKCE (S256)", state);
		}
		if (challenge != null && !"S256".equals(method)) {
			return redirectedError(redirectUri, "invalid_request", "code_challenge_method must be S256", state);
		}
		if (challenge != null && !CHALLENGE.matcher(challenge).matches()) {
			return redirectedError(redirectUri, "invalid_request",
					"code_challenge must be the base64url SHA-256 digest of the code verifier", state);
		}
		if (challenge == null && method != null) {
			return redirectedError(redirectUri, "invalid_request", "code_challenge_method without code_challenge",
					state);
		}
		return new Valid(
				new AuthorizationRequest(app, redirectUri, given != null, String.join(" ", scopes), state, challenge));
	}

	/**
	 * Checks a user's name and password in the organization.
	 * @param organization the organization
	 * @param username the username
	 * @param password the password
	 * @return the user, or empty when unknown, inactive or the password is wrong
	 */
	Optional<OAuthStore.AppUser> signIn(Organization organization, String username, String password) {
		return this.credentials.authenticateUser(organization, username, password)
			.flatMap((principal) -> this.store.activeUser(organization.id(), username));
	}

	Optional<OAuthStore.AppUser> activeUser(Organization organization, long userId) {
		return this.store.user(organization.id(), userId).filter(OAuthStore.AppUser::active);
	}

	/**
	 * Issues an authorization code for an approved request.
	 * @param organization the organization
	 * @param request the request
	 * @param userId the user who approved it
	 * @return where to send the user: the redirect URI with {@code code} and
	 * {@code state}
	 */
	@Transactional
	String approve(Organization organization, AuthorizationRequest request, long userId) {
		String code = Secrets.random(32);
		Instant now = now();
		this.store.insertCode(organization.id(), Secrets.sha256(code), request.app().id(), userId,
				request.redirectUri(), request.redirectUriGiven(), request.scope(), request.codeChallenge(), now,
				now.plus(CODE_LIFETIME));
		return redirect(request.redirectUri(), Map.of("code", code), request.state());
	}

	/**
	 * Where to send a user who denied a request.
	 * @param request the request
	 * @return the redirect URI with {@code error=access_denied}
	 */
	String deny(AuthorizationRequest request) {
		return redirect(request.redirectUri(),
				Map.of("error", "access_denied", "error_description", "the user denied the request"), request.state());
	}

	private static RedirectedError redirectedError(String redirectUri, String error, String description,
			@Nullable String state) {
		return new RedirectedError(
				redirect(redirectUri, Map.of("error", error, "error_description", description), state));
	}

	private static String redirect(String redirectUri, Map<String, String> parameters, @Nullable String state) {
		StringBuilder location = new StringBuilder(redirectUri);
		char separator = redirectUri.contains("?") ? '&' : '?';
		Map<String, String> ordered = new LinkedHashMap<>();
		parameters.keySet().stream().sorted().forEach((name) -> ordered.put(name, parameters.get(name)));
		if (state != null) {
			ordered.put("state", state);
		}
		for (Map.Entry<String, String> parameter : ordered.entrySet()) {
			location.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return location.toString();
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

}
