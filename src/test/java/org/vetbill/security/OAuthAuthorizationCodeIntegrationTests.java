package org.vetbill.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code grant with PKCE over real HTTP, driven as a browser and an app
 * would: the authorization page, the user's sign-in and consent (with the session cookie
 * and CSRF token), the redirect to the app's own callback server, the code exchange,
 * calls to the APIs with the user's permissions, refresh rotation, reuse detection,
 * revocation, userinfo, and each refusal with its OAuth error.
 */
class OAuthAuthorizationCodeIntegrationTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

	private TestTenant tenant;

	private HttpServer app;

	private final AtomicReference<@Nullable URI> callback = new AtomicReference<>();

	private String redirectUri;

	private long vetId;

	@BeforeEach
	void setUp() throws IOException {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.app.createContext("/callback", (exchange) -> {
			this.callback.set(exchange.getRequestURI());
			byte[] body = "the app got its answer".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.app.start();
		this.redirectUri = "http://127.0.0.1:" + this.app.getAddress().getPort() + "/callback";
		ApiResponse vet = this.tenant.api.post(this.tenant.path("/users"),
				Map.of("username", "vet", "display_name", "Dr. Vera Vet", "password", "vet password 1", "permissions",
						List.of("read"), "email", "vera@clinic.example"));
		assertThat(vet.status()).as(vet.toString()).isEqualTo(201);
		this.vetId = vet.id();
	}

	@AfterEach
	void stopTheApp() {
		this.app.stop(0);
	}

	// ---------------------------------------------------------------- the app and the
	// browser

	private ApiResponse registerApp(TestTenant tenant, String clientId, boolean publicClient, String... redirectUris) {
		ApiResponse response = tenant.api.post(tenant.path("/api-clients"),
				Map.of("name", "App " + clientId, "client_id", clientId, "permissions", List.of("read"),
						"redirect_uris", List.of(redirectUris), "public_client", publicClient));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static String verifier() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) throws Exception {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private String authorizeQuery(String clientId, String scope, @Nullable String challenge) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", clientId);
		query.put("redirect_uri", this.redirectUri);
		query.put("scope", scope);
		query.put("state", "xyz & {state}");
		if (challenge != null) {
			query.put("code_challenge", challenge);
			query.put("code_challenge_method", "S256");
		}
		return form(query);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + TestTenant.encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	/** A browser: keeps cookies, follows redirects, submits the pages' forms. */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private HttpResponse<String> page;

		HttpResponse<String> open(String path) throws Exception {
			this.page = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return this.page;
		}

		/** Submits the page's form with the given fields and its CSRF token. */
		HttpResponse<String> submit(Map<String, String> fields) throws Exception {
			Matcher action = ACTION.matcher(this.page.body());
			Matcher csrf = CSRF.matcher(this.page.body());
			assertThat(action.find()).as(this.page.body()).isTrue();
			assertThat(csrf.find()).as(this.page.body()).isTrue();
			Map<String, String> body = new LinkedHashMap<>(fields);
			body.put("_csrf", HtmlUtils.htmlUnescape(csrf.group(1)));
			return post(HtmlUtils.htmlUnescape(action.group(1)), form(body));
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			this.page = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			return this.page;
		}

	}

	/**
	 * The whole browser part: the authorization page, sign-in, consent; answers the
	 * callback's parameters.
	 */
	private Map<String, String> signInAndAllow(String clientId, String scope, @Nullable String challenge)
			throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> signIn = browser
			.open("/" + this.tenant.provetId + "/oauth2/authorize/?" + authorizeQuery(clientId, scope, challenge));
		assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
		HttpResponse<String> consent = browser.submit(Map.of("username", "vet", "password", "vet password 1"));
		assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
		assertThat(consent.body()).contains("Allow App " + clientId + "?", "Dr. Vera Vet");
		HttpResponse<String> back = browser.submit(Map.of("decision", "allow"));
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).isEqualTo("the app got its answer");
		assertThat(back.uri().toString()).startsWith(this.redirectUri + "?code=");
		return query(this.callback.get());
	}

	private ApiResponse token(String provetId, String form, @Nullable String authorization) {
		return anonymous().as(authorization).postForm("/" + provetId + "/oauth2/token/", form);
	}

	private ApiResponse exchange(String clientId, String code, String verifier) {
		return token(this.tenant.provetId, form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				this.redirectUri, "code_verifier", verifier, "client_id", clientId)), null);
	}

	private ApiResponse refresh(String clientId, String refreshToken) {
		return token(this.tenant.provetId,
				form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId)),
				null);
	}

	private Api bearer(ApiResponse tokens) {
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		return anonymous().as("Bearer " + tokens.get("access_token").asString());
	}

	private static void assertOAuthError(ApiResponse response, int status, String error, String description) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.raw())
			.isEqualTo("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
		assertThat(response.header("Cache-Control")).hasValue("no-store");
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1" + path;
	}

	// ---------------------------------------------------------------- tests

	@Test
	void aPublicAppSignsAUserInWithPkceAndActsAsThatUserUntilItsRotatedRefreshTokenIsReused() throws Exception {
		ApiResponse registered = registerApp(this.tenant, "mobile", true, this.redirectUri);
		// a public client has no secret
		assertThat(registered.raw()).contains("\"client_secret\":null",
				"\"redirect_uris\":[\"" + this.redirectUri + "\"]", "\"public_client\":true");
		String verifier = verifier();

		Map<String, String> answer = signInAndAllow("mobile", "restapi openid", challenge(verifier));
		assertThat(answer.keySet()).containsExactly("code", "state");
		assertThat(answer.get("state")).isEqualTo("xyz & {state}");

		ApiResponse tokens = exchange("mobile", answer.get("code"), verifier);
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		assertThat(tokens.body().propertyNames()).containsExactly("access_token", "token_type", "expires_in", "scope",
				"refresh_token");
		assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(tokens.get("expires_in").asLong()).isEqualTo(36000);
		assertThat(tokens.get("scope").asString()).isEqualTo("restapi openid");
		assertThat(tokens.header("Cache-Control")).hasValue("no-store");

		// the token acts as the user, with the user's permissions (read only), in the
		// user's organization
		Api asVet = bearer(tokens);
		assertThat(asVet.get(this.tenant.path("/me")).raw()).isEqualTo(
				"{\"provet_id\":\"" + this.tenant.provetId + "\",\"actor\":\"user:vet\",\"permissions\":[\"read\"]}");
		ApiResponse clients = asVet.get(cloud("/client/"));
		assertThat(clients.status()).as(clients.toString()).isEqualTo(200);
		assertThat(clients.get("count").asLong()).isEqualTo(1);
		assertThat(asVet.get(this.tenant.path("/api-clients")).status()).isEqualTo(403);
		TestTenant other = newTenant();
		assertThat(asVet.get("/" + other.provetId + "/api/0.1/client/").status()).isEqualTo(404);
		assertThat(asVet.get("/" + this.tenant.provetId + "/oauth2/userinfo/").raw())
			.isEqualTo("{\"sub\":\"" + this.vetId
					+ "\",\"name\":\"Dr. Vera Vet\",\"preferred_username\":\"vet\",\"email\":\"vera@clinic.example\"}");

		// nine days later the refresh token gives a new pair and is itself replaced
		this.clock.set("2026-11-30T10:00:00Z");
		ApiResponse rotated = refresh("mobile", tokens.get("refresh_token").asString());
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		assertThat(rotated.get("refresh_token").asString()).isNotEqualTo(tokens.get("refresh_token").asString());
		assertThat(rotated.get("scope").asString()).isEqualTo("restapi openid");
		Api rotatedVet = bearer(rotated);
		assertThat(rotatedVet.get(cloud("/client/")).status()).isEqualTo(200);

		// the replaced refresh token, presented again, is refused and ends the family
		assertOAuthError(refresh("mobile", tokens.get("refresh_token").asString()), 400, "invalid_grant",
				"the refresh token was already used; every token of this authorization is revoked");
		assertThat(rotatedVet.get(cloud("/client/")).status()).isEqualTo(401);
		assertThat(asVet.get(this.tenant.path("/me")).status()).isEqualTo(401);
		assertOAuthError(refresh("mobile", rotated.get("refresh_token").asString()), 400, "invalid_grant",
				"the authorization was revoked");
	}

	@Test
	void aRefreshTokenLastsThirtyDaysFromTheLastAccessTokenAndMayOnlyNarrowTheScope() throws Exception {
		registerApp(this.tenant, "mobile", true, this.redirectUri);
		String verifier = verifier();
		ApiResponse tokens = exchange("mobile", signInAndAllow("mobile", "restapi", challenge(verifier)).get("code"),
				verifier);
		assertThat(tokens.get("scope").asString()).isEqualTo("restapi");
		assertOAuthError(token(this.tenant.provetId,
				form(Map.of("grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asString(),
						"client_id", "mobile", "scope", "restapi openid")),
				null), 400, "invalid_scope", "a refresh may narrow the scope, never widen it: granted restapi");
		// 29 days on: still good, and the new refresh token counts from now
		this.clock.set("2026-12-20T10:00:00Z");
		ApiResponse second = refresh("mobile", tokens.get("refresh_token").asString());
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		this.clock.set("2027-01-19T09:59:59Z");
		ApiResponse third = refresh("mobile", second.get("refresh_token").asString());
		assertThat(third.status()).as(third.toString()).isEqualTo(200);
		// 30 days after the last access token, no more
		this.clock.set("2027-02-18T09:59:59Z");
		assertOAuthError(refresh("mobile", third.get("refresh_token").asString()), 400, "invalid_grant",
				"the refresh token has expired");
	}

	@Test
	void revokingATokenEndsItsWholeFamilyAndUnknownTokensAreAnswered200() throws Exception {
		registerApp(this.tenant, "mobile", true, this.redirectUri);
		String verifier = verifier();
		ApiResponse tokens = exchange("mobile", signInAndAllow("mobile", "restapi", challenge(verifier)).get("code"),
				verifier);
		Api asVet = bearer(tokens);
		assertThat(asVet.get(cloud("/client/")).status()).isEqualTo(200);
		String revoke = "/" + this.tenant.provetId + "/oauth2/revoke_token/";

		// client authentication is required
		assertOAuthError(anonymous().postForm(revoke, "token=" + tokens.get("refresh_token").asString()), 401,
				"invalid_client", "client authentication is required: HTTP Basic, client_id and client_secret, or "
						+ "client_id alone for a public client");
		assertOAuthError(anonymous().postForm(revoke, "client_id=mobile"), 400, "invalid_request", "token is required");
		// unknown tokens: 200, as RFC 7009 asks
		ApiResponse unknown = anonymous().postForm(revoke, "client_id=mobile&token=no-such-token");
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(200);
		assertThat(unknown.raw()).isEmpty();
		assertThat(asVet.get(cloud("/client/")).status()).isEqualTo(200);

		// another client cannot revoke the tokens of this one
		registerApp(this.tenant, "kiosk", true, this.redirectUri);
		assertOAuthError(
				anonymous().postForm(revoke, "client_id=kiosk&token=" + tokens.get("refresh_token").asString()), 401,
				"invalid_client", "the token was issued to another client");
		assertOAuthError(anonymous().postForm(revoke, "client_id=kiosk&token=" + tokens.get("access_token").asString()),
				401, "invalid_client", "the token was issued to another client");
		assertThat(asVet.get(cloud("/client/")).status()).isEqualTo(200);

		ApiResponse revoked = anonymous().postForm(revoke,
				"client_id=mobile&token_type_hint=refresh_token&token=" + tokens.get("refresh_token").asString());
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		assertThat(asVet.get(cloud("/client/")).status()).isEqualTo(401);
		assertOAuthError(refresh("mobile", tokens.get("refresh_token").asString()), 400, "invalid_grant",
				"the authorization was revoked");

		// revoking the access token of a second authorization ends it too
		ApiResponse again = exchange("mobile", signInAndAllow("mobile", "restapi", challenge(verifier)).get("code"),
				verifier);
		Api second = bearer(again);
		assertThat(second.get(cloud("/client/")).status()).isEqualTo(200);
		assertThat(
				anonymous().postForm(revoke, "client_id=mobile&token=" + again.get("access_token").asString()).status())
			.isEqualTo(200);
		assertThat(second.get(cloud("/client/")).status()).isEqualTo(401);
		assertOAuthError(refresh("mobile", again.get("refresh_token").asString()), 400, "invalid_grant",
				"the authorization was revoked");
	}

	@Test
	void aWrongVerifierAWrongRedirectUriACodeUsedTwiceAndAnotherOrganizationAreRefused() throws Exception {
		registerApp(this.tenant, "mobile", true, this.redirectUri, "com.example.mobile:/callback");
		String verifier = verifier();
		String code = signInAndAllow("mobile", "restapi", challenge(verifier)).get("code");

		assertOAuthError(exchange("mobile", code, verifier()), 400, "invalid_grant",
				"code_verifier does not match the code_challenge");
		assertOAuthError(
				token(this.tenant.provetId,
						form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", this.redirectUri,
								"client_id", "mobile")),
						null),
				400, "invalid_grant", "code_verifier is required: the authorization request had a code_challenge");
		assertOAuthError(token(this.tenant.provetId,
				form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
						"com.example.mobile:/callback", "code_verifier", verifier, "client_id", "mobile")),
				null), 400, "invalid_grant", "redirect_uri does not match the authorization request");
		// the app is registered with this organization only
		TestTenant other = newTenant();
		assertOAuthError(
				token(other.provetId,
						form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", this.redirectUri,
								"code_verifier", verifier, "client_id", "mobile")),
						null),
				401, "invalid_client", "unknown client, or a confidential client without its secret");
		assertOAuthError(exchange("other-app", code, verifier), 401, "invalid_client",
				"unknown client, or a confidential client without its secret");

		// the right verifier and redirect URI: the code is good once
		ApiResponse tokens = exchange("mobile", code, verifier);
		Api asVet = bearer(tokens);
		assertThat(asVet.get(cloud("/client/")).status()).isEqualTo(200);
		assertOAuthError(exchange("mobile", code, verifier), 400, "invalid_grant",
				"the authorization code was already used; the tokens issued for it are revoked");
		assertThat(asVet.get(cloud("/client/")).status()).isEqualTo(401);
		assertOAuthError(refresh("mobile", tokens.get("refresh_token").asString()), 400, "invalid_grant",
				"the authorization was revoked");
		assertOAuthError(exchange("mobile", "not-a-code", verifier), 400, "invalid_grant",
				"the authorization code is unknown");

		// a code lives five minutes
		String late = signInAndAllow("mobile", "restapi", challenge(verifier)).get("code");
		this.clock.set("2026-11-21T10:05:00Z");
		assertOAuthError(exchange("mobile", late, verifier), 400, "invalid_grant",
				"the authorization code has expired");
	}

	@Test
	void theAuthorizationPageNeverSendsAnErrorToAnAddressTheAppDidNotRegister() throws Exception {
		registerApp(this.tenant, "mobile", true, this.redirectUri);
		String authorize = "/" + this.tenant.provetId + "/oauth2/authorize/?";
		ApiResponse wrongRedirect = anonymous().get(authorize + form(
				Map.of("response_type", "code", "client_id", "mobile", "redirect_uri", "https://attacker.example/steal",
						"code_challenge", challenge(verifier()), "code_challenge_method", "S256")));
		assertThat(wrongRedirect.status()).isEqualTo(400);
		assertThat(wrongRedirect.header("Location")).isEmpty();
		assertThat(wrongRedirect.header("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(wrongRedirect.raw()).contains("redirect_uri is not one the app registered");

		// an app of one organization is unknown in another
		TestTenant other = newTenant();
		ApiResponse elsewhere = anonymous().get("/" + other.provetId + "/oauth2/authorize/?"
				+ authorizeQuery("mobile", "restapi", challenge(verifier())));
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(elsewhere.raw()).contains("no app with this client_id is registered with this organization");
		assertThat(
				anonymous().get("/999999999/oauth2/authorize/?" + authorizeQuery("mobile", "restapi", null)).status())
			.isEqualTo(404);

		// errors the app may see go back to its redirect URI, with its state
		ApiResponse noPkce = anonymous().get(authorize + authorizeQuery("mobile", "restapi", null));
		assertThat(noPkce.status()).isEqualTo(302);
		assertThat(noPkce.header("Location")).hasValue(this.redirectUri
				+ "?error=invalid_request&error_description=code_challenge+is+required%3A+a+public+client+must+use"
				+ "+PKCE+%28S256%29&state=xyz+%26+%7Bstate%7D");
		ApiResponse plain = anonymous().get(authorize + authorizeQuery("mobile", "restapi", null).replace("&state",
				"&code_challenge=" + verifier() + "&code_challenge_method=plain&state"));
		assertThat(query(URI.create(plain.header("Location").orElseThrow()))).containsEntry("error", "invalid_request")
			.containsEntry("error_description", "code_challenge_method must be S256");
		ApiResponse badScope = anonymous()
			.get(authorize + authorizeQuery("mobile", "restapi admin", challenge(verifier())));
		assertThat(query(URI.create(badScope.header("Location").orElseThrow()))).containsEntry("error", "invalid_scope")
			.containsEntry("state", "xyz & {state}");
		ApiResponse token = anonymous().get(authorize + authorizeQuery("mobile", "restapi", challenge(verifier()))
			.replace("response_type=code", "response_type=token"));
		assertThat(query(URI.create(token.header("Location").orElseThrow()))).containsEntry("error",
				"unsupported_response_type");

		// a user of another organization cannot sign in here; a denial goes back as such
		other.api.post(other.path("/users"), Map.of("username", "outsider", "display_name", "Outsider", "password",
				"outsider password", "permissions", List.of("read")));
		Browser browser = new Browser();
		browser.open(authorize + authorizeQuery("mobile", "restapi", challenge(verifier())));
		HttpResponse<String> refused = browser.submit(Map.of("username", "outsider", "password", "outsider password"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Wrong user name or password.").doesNotContain("Allow App");
		// a form without the CSRF token is refused
		HttpResponse<String> forged = browser.post(authorize + authorizeQuery("mobile", "restapi", null),
				"username=vet&password=vet+password+1");
		assertThat(forged.statusCode()).isEqualTo(403);
		browser.open(authorize + authorizeQuery("mobile", "restapi", challenge(verifier())));
		browser.submit(Map.of("username", "vet", "password", "vet password 1"));
		HttpResponse<String> denied = browser.submit(Map.of("decision", "deny"));
		assertThat(denied.statusCode()).isEqualTo(200);
		assertThat(query(this.callback.get())).containsExactly(Map.entry("error", "access_denied"),
				Map.entry("error_description", "the user denied the request"), Map.entry("state", "xyz & {state}"));
	}

	@Test
	void aConfidentialAppAuthenticatesWithItsSecretAndMayLeavePkceOut() throws Exception {
		String secret = registerApp(this.tenant, "portal", false, this.redirectUri).get("client_secret").asString();
		String code = signInAndAllow("portal", "restapi", null).get("code");
		String exchange = form(
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", this.redirectUri));
		assertOAuthError(token(this.tenant.provetId, exchange + "&client_id=portal", null), 401, "invalid_client",
				"unknown client, or a confidential client without its secret");
		assertOAuthError(token(this.tenant.provetId, exchange, basic("portal", "wrong")), 401, "invalid_client",
				"unknown client or wrong secret");
		ApiResponse tokens = token(this.tenant.provetId, exchange, basic("portal", secret));
		assertThat(tokens.get("scope").asString()).isEqualTo("restapi");
		Api asVet = bearer(tokens);
		assertThat(asVet.get(cloud("/client/")).status()).isEqualTo(200);
		// without the openid scope there is no userinfo
		ApiResponse userinfo = asVet.get("/" + this.tenant.provetId + "/oauth2/userinfo/");
		assertThat(userinfo.status()).isEqualTo(403);
		assertThat(userinfo.raw()).isEqualTo("{\"error\":\"insufficient_scope\",\"error_description\":"
				+ "\"the userinfo endpoint needs a token of a user with the openid scope\"}");
		assertThat(userinfo.header("WWW-Authenticate"))
			.hasValue("Bearer error=\"insufficient_scope\", scope=\"openid\"");
		// nor for an integration's own token
		String integration = TestTenant.token(anonymous(), this.tenant.provetId, "portal", secret);
		assertThat(
				anonymous().as("Bearer " + integration).get("/" + this.tenant.provetId + "/oauth2/userinfo/").status())
			.isEqualTo(403);
		// a refresh needs the secret too
		assertOAuthError(refresh("portal", tokens.get("refresh_token").asString()), 401, "invalid_client",
				"unknown client, or a confidential client without its secret");
		ApiResponse refreshed = token(this.tenant.provetId,
				"grant_type=refresh_token&refresh_token=" + tokens.get("refresh_token").asString(),
				basic("portal", secret));
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		// a deactivated app's tokens stop working at once
		ApiResponse clients = this.tenant.api.get(this.tenant.path("/api-clients"));
		long portalId = clients.body()
			.valueStream()
			.filter((c) -> c.path("client_id").asString().equals("portal"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
		this.tenant.api.post(this.tenant.path("/api-clients/" + portalId + "/deactivate"), null);
		assertThat(bearer(refreshed).get(cloud("/client/")).status()).isEqualTo(401);
	}

	@Test
	void appsAreRegisteredWithCheckedRedirectUris() {
		for (String bad : List.of("http://clinic.example/callback", "https://clinic.example/cb#fragment", "/relative",
				"javascript:alert(1)", "https://clinic.example/a b")) {
			ApiResponse refused = this.tenant.api.post(this.tenant.path("/api-clients"),
					Map.of("name", "Bad", "permissions", List.of("read"), "redirect_uris", List.of(bad)));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("redirect_uris");
		}
		ApiResponse app = registerApp(this.tenant, "native", false, "https://clinic.example/cb?x=1",
				"http://localhost:8080/cb", "com.example.app:/oauth");
		assertThat(app.get("client_secret").asString()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(app.get("client").path("redirect_uris").toString())
			.isEqualTo("[\"https://clinic.example/cb?x=1\",\"http://localhost:8080/cb\",\"com.example.app:/oauth\"]");
		assertThat(app.get("client").path("public_client").asBoolean()).isFalse();
	}

	@Test
	void anAppsRedirectUrisCanBeReplaced() throws Exception {
		long id = registerApp(this.tenant, "mobile", true, "https://clinic.example/old").get("client")
			.path("id")
			.asLong();
		String path = this.tenant.path("/api-clients/" + id + "/redirect-uris");
		ApiResponse refused = this.tenant.api.put(path, Map.of("redirect_uris", List.of("ftp://clinic.example/x")));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("redirect_uris");
		assertThat(this.tenant.apiWith("read").put(path, Map.of("redirect_uris", List.of(this.redirectUri))).status())
			.isEqualTo(403);
		ApiResponse changed = this.tenant.api.put(path, Map.of("redirect_uris", List.of(this.redirectUri)));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.get("redirect_uris").toString()).isEqualTo("[\"" + this.redirectUri + "\"]");
		assertThat(changed.get("public_client").asBoolean()).isTrue();
		// the new URI works, the old one is refused
		String verifier = verifier();
		assertThat(exchange("mobile", signInAndAllow("mobile", "restapi", challenge(verifier)).get("code"), verifier)
			.status()).isEqualTo(200);
		ApiResponse old = anonymous().get("/" + this.tenant.provetId + "/oauth2/authorize/?"
				+ authorizeQuery("mobile", "restapi", challenge(verifier)).replace(TestTenant.encode(this.redirectUri),
						TestTenant.encode("https://clinic.example/old")));
		assertThat(old.status()).isEqualTo(400);
		assertThat(old.raw()).contains("redirect_uri is not one the app registered");
	}

	private static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
