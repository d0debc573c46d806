package org.vetbill.security;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.audit.AuditEvent;
import org.vetbill.audit.AuditTrail;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.vetbill.shared.db.Tables.API_CLIENT;
import static org.vetbill.shared.db.Tables.API_TOKEN;
import static org.vetbill.shared.db.Tables.APP_USER;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;
import static org.vetbill.shared.db.Tables.ORGANIZATION;

/**
 * Authentication, permissions and tenancy over real HTTP: the OAuth2 token endpoint,
 * bearer tokens and their lifetime, legacy {@code Token} keys, how credentials are
 * stored, what each permission allows, the isolation of tenants from each other, the
 * platform admin API and the audit of credential changes.
 */
class SecurityIntegrationTests extends IntegrationTest {

	/**
	 * Provet ids for organizations created through the admin API, apart from the
	 * fixtures'.
	 */
	private static final AtomicInteger ADMIN_CREATED = new AtomicInteger(770000);

	private static final String UNAUTHENTICATED = "{\"type\":\"urn:vetbill:problem:unauthenticated\","
			+ "\"title\":\"Unauthorized\",\"status\":401,"
			+ "\"detail\":\"authentication is required: send Authorization: Bearer <access token>\","
			+ "\"code\":\"unauthenticated\"}";

	private static final String INVALID_TOKEN = "{\"type\":\"urn:vetbill:problem:invalid_token\","
			+ "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the access token is invalid or has expired\","
			+ "\"code\":\"invalid_token\"}";

	private static final String FORBIDDEN = "{\"type\":\"urn:vetbill:problem:forbidden\",\"title\":\"Forbidden\","
			+ "\"status\":403,\"detail\":\"your credentials do not permit this action\",\"code\":\"forbidden\"}";

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	// ---------------------------------------------------------------- helpers

	private ApiResponse tokenRequest(String provetId, String form, @Nullable String authorization) {
		return anonymous().as(authorization).postForm("/" + provetId + "/oauth2/token/", form);
	}

	private static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static String clientCredentials(String clientId, String secret) {
		return "grant_type=client_credentials&client_id=" + TestTenant.encode(clientId) + "&client_secret="
				+ TestTenant.encode(secret);
	}

	/**
	 * Registers an API client over HTTP with the tenant's full-permission token.
	 * @return the response: {@code client} and {@code client_secret}
	 */
	private static ApiResponse registerClient(TestTenant tenant, String clientId, String... permissions) {
		ApiResponse response = tenant.api.post(tenant.path("/api-clients"),
				Map.of("name", "Integration " + clientId, "client_id", clientId, "permissions", List.of(permissions)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static ApiResponse createUser(TestTenant tenant, String username, String password, String... permissions) {
		ApiResponse response = tenant.api.post(tenant.path("/users"), Map.of("username", username, "display_name",
				"User " + username, "password", password, "permissions", List.of(permissions)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static ApiResponse createApiToken(TestTenant tenant, String name, String... permissions) {
		ApiResponse response = tenant.api.post(tenant.path("/api-tokens"),
				Map.of("name", name, "permissions", List.of(permissions)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static ApiResponse postMultipart(Api api, String path, String contentType, String body) {
		return api.send(
				api.request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String bearer(ApiResponse tokenResponse) {
		assertThat(tokenResponse.status()).as(tokenResponse.toString()).isEqualTo(200);
		return "Bearer " + tokenResponse.get("access_token").asString();
	}

	private static JsonNode jwtPart(String token, int part) {
		return Api.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[part]), StandardCharsets.UTF_8));
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Asserts problem details equal to the expected JSON, in any field order. Problems
	 * written by the web layer also name the request path as {@code instance}.
	 */
	private static void assertProblem(ApiResponse response, int status, String expected) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = response.body().deepCopy();
		if (body.has("instance")) {
			assertThat(body.path("instance").asString()).isEqualTo(response.response().uri().getPath());
			((ObjectNode) body).remove("instance");
		}
		assertThat(body).as(response.toString()).isEqualTo(Api.parse(expected));
	}

	private static void assertForbidden(ApiResponse response) {
		assertProblem(response, 403, FORBIDDEN);
	}

	private static void assertOAuthError(ApiResponse response, int status, String error) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.get("error").asString()).isEqualTo(error);
		assertThat(response.get("error_description").asString()).isNotBlank();
		assertThat(response.body().has("access_token")).isFalse();
		assertThat(response.header("Cache-Control")).hasValue("no-store");
	}

	private static void assertInvalidClient(ApiResponse response) {
		assertOAuthError(response, 401, "invalid_client");
		assertThat(response.header("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
	}

	private static void assertNotFoundOrganization(ApiResponse response, String provetId) {
		assertProblem(response, 404, "{\"type\":\"urn:vetbill:problem:not_found\",\"title\":\"Not Found\","
				+ "\"status\":404,\"detail\":\"organization " + provetId + " not found\",\"code\":\"not_found\"}");
	}

	private static void assertNotFound(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.get("code").asString()).isEqualTo("not_found");
	}

	private Map<String, Object> newOrganization(String provetId) {
		Map<String, Object> organization = new HashMap<>();
		organization.put("provet_id", provetId);
		organization.put("name", "Onboarded Clinic " + provetId);
		organization.put("currency", "SEK");
		organization.put("country", "SE");
		organization.put("time_zone", "Europe/Stockholm");
		organization.put("reference_number_format", "RF");
		organization.put("prices_include_vat", true);
		organization.put("default_payment_terms_days", 30);
		return organization;
	}

	private Api admin() {
		return anonymous().as("Bearer " + ADMIN_KEY);
	}

	// ---------------------------------------------------------------- token endpoint

	@Test
	void clientCredentialsByHttpBasicGetATenHourRestapiBearerToken() {
		ApiResponse client = registerClient(this.tenant, "erp-basic", "read", "billing");
		String secret = client.get("client_secret").asString();
		ApiResponse response = tokenRequest(this.tenant.provetId, "grant_type=client_credentials&scope=restapi",
				basic("erp-basic", secret));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		String token = response.get("access_token").asString();
		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		assertThat(response.body().toString()).isEqualTo("{\"access_token\":\"" + token
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":36000,\"scope\":\"restapi\"}");
		assertThat(response.header("Cache-Control")).hasValue("no-store");
		assertThat(response.header("Pragma")).hasValue("no-cache");
		assertThat(response.body().has("refresh_token")).isFalse();
		assertThat(response.header("Set-Cookie")).isEmpty();

		JsonNode header = jwtPart(token, 0);
		assertThat(header.path("alg").asString()).isEqualTo("HS256");
		JsonNode claims = jwtPart(token, 1);
		assertThat(claims.path("iss").asString()).isEqualTo("vetbill");
		assertThat(claims.path("sub").asString()).isEqualTo("client:erp-basic");
		assertThat(claims.path("org").asLong()).isEqualTo(this.tenant.organizationId);
		assertThat(claims.path("pid").asString()).isEqualTo(this.tenant.provetId);
		assertThat(claims.path("scope").asString()).isEqualTo("restapi");
		assertThat(claims.path("perms").toString()).isEqualTo("[\"read\",\"billing\"]");
		assertThat(claims.path("iat").asLong()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(36000);

		ApiResponse me = anonymous().as("Bearer " + token).get(this.tenant.path("/me"));
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.body().toString()).isEqualTo("{\"provet_id\":\"" + this.tenant.provetId
				+ "\",\"actor\":\"client:erp-basic\",\"permissions\":[\"read\",\"billing\"]}");
	}

	@Test
	void clientCredentialsInTheFormBodyWorkWithoutScopeAndWithoutTheTrailingSlash() {
		ApiResponse client = registerClient(this.tenant, "erp-form", "read");
		String secret = client.get("client_secret").asString();
		ApiResponse withSlash = tokenRequest(this.tenant.provetId, clientCredentials("erp-form", secret), null);
		assertThat(withSlash.status()).as(withSlash.toString()).isEqualTo(200);
		assertThat(withSlash.get("scope").asString()).isEqualTo("restapi");
		assertThat(jwtPart(withSlash.get("access_token").asString(), 1).path("scope").asString()).isEqualTo("restapi");
		ApiResponse withoutSlash = anonymous().postForm("/" + this.tenant.provetId + "/oauth2/token",
				clientCredentials("erp-form", secret) + "&scope=restapi");
		assertThat(withoutSlash.status()).as(withoutSlash.toString()).isEqualTo(200);
		assertThat(withoutSlash.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(withoutSlash.get("expires_in").asLong()).isEqualTo(36000);
		assertThat(withoutSlash.header("Cache-Control")).hasValue("no-store");
		assertThat(anonymous().as(bearer(withoutSlash)).get(this.tenant.path("/invoices")).status()).isEqualTo(200);
	}

	@Test
	void onlyTheRestapiScopeCanBeRequested() {
		String secret = registerClient(this.tenant, "erp-scope", "read").get("client_secret").asString();
		assertOAuthError(
				tokenRequest(this.tenant.provetId, clientCredentials("erp-scope", secret) + "&scope=admin", null), 400,
				"invalid_scope");
		assertOAuthError(tokenRequest(this.tenant.provetId,
				clientCredentials("erp-scope", secret) + "&scope=restapi+openid", null), 400, "invalid_scope");
		assertThat(tokenRequest(this.tenant.provetId, clientCredentials("erp-scope", secret) + "&scope=restapi", null)
			.status()).isEqualTo(200);
	}

	@Test
	void badClientCredentialsAreAnInvalidClientWithABasicChallenge() {
		String secret = registerClient(this.tenant, "erp-bad", "read").get("client_secret").asString();
		// wrong secret, by HTTP Basic and in the body
		assertInvalidClient(
				tokenRequest(this.tenant.provetId, "grant_type=client_credentials", basic("erp-bad", secret + "x")));
		assertInvalidClient(tokenRequest(this.tenant.provetId, clientCredentials("erp-bad", "wrong"), null));
		// unknown client
		assertInvalidClient(tokenRequest(this.tenant.provetId, clientCredentials("nobody", secret), null));
		// no client authentication at all, or an unreadable Basic header
		assertInvalidClient(tokenRequest(this.tenant.provetId, "grant_type=client_credentials", null));
		assertInvalidClient(tokenRequest(this.tenant.provetId, "grant_type=client_credentials", "Basic %%%"));
		// a client of another tenant
		TestTenant other = newTenant();
		assertInvalidClient(tokenRequest(other.provetId, clientCredentials("erp-bad", secret), null));
		// an unknown tenant
		assertInvalidClient(tokenRequest("987654321", clientCredentials("erp-bad", secret), null));
		// a deactivated client
		long id = this.tenant.api.get(this.tenant.path("/api-clients"))
			.body()
			.valueStream()
			.filter((c) -> c.path("client_id").asString().equals("erp-bad"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
		assertThat(tokenRequest(this.tenant.provetId, clientCredentials("erp-bad", secret), null).status())
			.isEqualTo(200);
		ApiResponse deactivated = this.tenant.api.post(this.tenant.path("/api-clients/" + id + "/deactivate"), null);
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.get("active").asBoolean()).isFalse();
		assertInvalidClient(tokenRequest(this.tenant.provetId, clientCredentials("erp-bad", secret), null));
		assertInvalidClient(
				tokenRequest(this.tenant.provetId, "grant_type=client_credentials", basic("erp-bad", secret)));
	}

	@Test
	void malformedTokenRequestsAreOAuthErrorsNeverServerErrors() {
		String secret = registerClient(this.tenant, "erp-malformed", "read").get("client_secret").asString();
		String credentials = "client_id=erp-malformed&client_secret=" + TestTenant.encode(secret);
		assertOAuthError(tokenRequest(this.tenant.provetId, credentials, null), 400, "invalid_request");
		assertOAuthError(tokenRequest(this.tenant.provetId, "grant_type=&" + credentials, null), 400,
				"invalid_request");
		assertOAuthError(
				tokenRequest(this.tenant.provetId, "grant_type=authorization_code&code=x&" + credentials, null), 400,
				"invalid_grant");
		assertOAuthError(
				tokenRequest(this.tenant.provetId, "grant_type=refresh_token&refresh_token=x&" + credentials, null),
				400, "invalid_grant");
		assertOAuthError(tokenRequest(this.tenant.provetId, "grant_type=password&" + credentials, null), 400,
				"invalid_request");
		ApiResponse json = anonymous().post("/" + this.tenant.provetId + "/oauth2/token/",
				Map.of("grant_type", "client_credentials", "client_id", "erp-malformed", "client_secret", secret));
		assertThat(json.status()).as(json.toString()).isBetween(400, 499);
		assertThat(json.body().has("access_token")).isFalse();
		assertInvalidClient(tokenRequest(this.tenant.provetId, "grant_type=client_credentials",
				"Basic " + Base64.getEncoder().encodeToString("erp-malformed".getBytes(StandardCharsets.UTF_8))));
		// multipart/form-data is a documented way to send the form; an unreadable one is
		// an OAuth error
		String multipart = "--xyz\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials"
				+ "\r\n--xyz\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\nerp-malformed"
				+ "\r\n--xyz\r\nContent-Disposition: form-data; name=\"client_secret\"\r\n\r\n" + secret
				+ "\r\n--xyz--\r\n";
		ApiResponse multipartForm = postMultipart(anonymous(), "/" + this.tenant.provetId + "/oauth2/token/",
				"multipart/form-data; boundary=xyz", multipart);
		assertThat(multipartForm.status()).as(multipartForm.toString()).isEqualTo(200);
		assertThat(multipartForm.body().has("access_token")).isTrue();
		ApiResponse noBoundary = postMultipart(anonymous(), "/" + this.tenant.provetId + "/oauth2/token/",
				"multipart/form-data", multipart);
		assertThat(noBoundary.status()).as(noBoundary.toString()).isEqualTo(400);
		assertThat(noBoundary.get("error").asString()).isEqualTo("invalid_request");
		// credentials in the URL are refused, and so is a parameter given twice
		ApiResponse inUrl = anonymous().postForm(
				"/" + this.tenant.provetId + "/oauth2/token/?client_secret=" + TestTenant.encode(secret),
				"grant_type=client_credentials&client_id=erp-malformed");
		assertThat(inUrl.status()).isEqualTo(400);
		assertThat(inUrl.get("error").asString()).isEqualTo("invalid_request");
		ApiResponse twice = tokenRequest(this.tenant.provetId,
				"grant_type=client_credentials&grant_type=password&client_id=erp-malformed&client_secret="
						+ TestTenant.encode(secret),
				null);
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.get("error").asString()).isEqualTo("invalid_request");
		ApiResponse empty = tokenRequest(this.tenant.provetId, "", null);
		assertThat(empty.status()).as(empty.toString()).isBetween(400, 499);
		assertThat(anonymous().get("/" + this.tenant.provetId + "/oauth2/token/").status()).isBetween(400, 499);
	}

	@Test
	void thePasswordGrantGivesAUserATokenActingAsThatUser() {
		ApiResponse user = createUser(this.tenant, "frontdesk", "correct horse battery", "read", "billing");
		assertThat(user.body().toString())
			.isEqualTo("{\"id\":" + user.id() + ",\"username\":\"frontdesk\",\"display_name\":\"User frontdesk\","
					+ "\"permissions\":[\"read\",\"billing\"],\"active\":true,\"created\":\"2026-11-21T10:00:00Z\","
					+ "\"email\":null}");
		ApiResponse token = tokenRequest(this.tenant.provetId,
				"grant_type=password&username=frontdesk&password=correct+horse+battery&scope=restapi", null);
		assertThat(token.status()).as(token.toString()).isEqualTo(200);
		assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.get("expires_in").asLong()).isEqualTo(36000);
		assertThat(token.get("scope").asString()).isEqualTo("restapi");
		assertThat(token.header("Cache-Control")).hasValue("no-store");
		Api frontdesk = anonymous().as(bearer(token));
		assertThat(frontdesk.get(this.tenant.path("/me")).body().toString()).isEqualTo("{\"provet_id\":\""
				+ this.tenant.provetId + "\",\"actor\":\"user:frontdesk\",\"permissions\":[\"read\",\"billing\"]}");
		// the user's permissions apply
		assertThat(frontdesk.get(this.tenant.path("/invoices")).status()).isEqualTo(200);
		assertForbidden(frontdesk.get(this.tenant.path("/users")));

		// with a valid client as well
		String secret = registerClient(this.tenant, "desk-app", "read").get("client_secret").asString();
		ApiResponse withClient = tokenRequest(this.tenant.provetId,
				"grant_type=password&username=frontdesk&password=correct+horse+battery", basic("desk-app", secret));
		assertThat(anonymous().as(bearer(withClient)).get(this.tenant.path("/me")).get("actor").asString())
			.isEqualTo("user:frontdesk");

		assertOAuthError(tokenRequest(this.tenant.provetId,
				"grant_type=password&username=frontdesk&password=wrong+password", null), 400, "invalid_grant");
		assertOAuthError(tokenRequest(this.tenant.provetId,
				"grant_type=password&username=nobody&password=correct+horse+battery", null), 400, "invalid_grant");
		TestTenant other = newTenant();
		assertOAuthError(tokenRequest(other.provetId,
				"grant_type=password&username=frontdesk&password=correct+horse+battery", null), 400, "invalid_grant");
		assertInvalidClient(tokenRequest(this.tenant.provetId,
				"grant_type=password&username=frontdesk&password=correct+horse+battery", basic("desk-app", "wrong")));
	}

	@Test
	void aMultipartBodyToAJsonEndpointIsAnUnsupportedMediaTypeNotAServerError() {
		ApiResponse response = postMultipart(this.tenant.api, this.tenant.path("/invoices"), "multipart/form-data",
				"--xyz\r\nContent-Disposition: form-data; name=\"department_id\"\r\n\r\n1\r\n--xyz--\r\n");
		assertThat(response.status()).as(response.toString()).isEqualTo(415);
		assertThat(response.get("code").asString()).isEqualTo("unsupported_media_type");
		assertThat(response.get("detail").asString()).contains("application/json");
		// still behind authentication
		assertThat(postMultipart(anonymous(), this.tenant.path("/invoices"), "multipart/form-data", "--xyz--").status())
			.isEqualTo(401);
	}

	// ---------------------------------------------------------------- bearer tokens

	@Test
	void aTokenStopsWorkingAfterTenHoursOnTheApplicationClock() {
		Api api = this.tenant.freshApi();
		String invoices = this.tenant.path("/invoices");
		assertThat(api.get(invoices).status()).isEqualTo(200);
		this.clock.set("2026-11-21T19:59:59Z");
		assertThat(api.get(invoices).status()).isEqualTo(200);
		// 30 seconds of clock skew between nodes are allowed, no more
		this.clock.set("2026-11-21T20:00:29Z");
		assertThat(api.get(invoices).status()).isEqualTo(200);
		this.clock.set("2026-11-21T20:00:31Z");
		ApiResponse expired = api.get(invoices);
		assertProblem(expired, 401, INVALID_TOKEN);
		assertThat(expired.header("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
		assertThat(api.get(this.tenant.path("/me")).status()).isEqualTo(401);
		// a token issued now works
		assertThat(this.tenant.freshApi().get(invoices).status()).isEqualTo(200);
	}

	@Test
	void aTamperedOrForeignlySignedTokenIsRejected() throws Exception {
		Api readOnly = this.tenant.apiWith("read");
		ApiResponse me = readOnly.get(this.tenant.path("/me"));
		assertThat(me.status()).isEqualTo(200);
		String token = readOnly.request("/").build().headers().firstValue("Authorization").orElseThrow().substring(7);
		String[] parts = token.split("\\.");
		String signingInput = parts[0] + "." + parts[1];

		// a changed character of the signature (the first: every bit of it counts)
		char first = parts[2].charAt(0);
		String badSignature = signingInput + "." + ((first == 'A') ? 'B' : 'A') + parts[2].substring(1);
		// more permissions in the payload, with the original signature
		ObjectNode elevated = (ObjectNode) jwtPart(token, 1);
		elevated.putArray("perms").add("read").add("billing").add("settings");
		String morePermissions = parts[0] + "." + base64Url(elevated.toString()) + "." + parts[2];
		// a changed character of the payload
		char payloadChar = parts[1].charAt(10);
		String changedPayload = parts[0] + "." + parts[1].substring(0, 10) + ((payloadChar == 'A') ? 'B' : 'A')
				+ parts[1].substring(11) + "." + parts[2];
		// no signature, or the "none" algorithm
		String unsigned = signingInput + ".";
		String none = base64Url("{\"alg\":\"none\"}") + "." + parts[1] + ".";
		// signed with another key
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("another key that is not vetbill's at all".getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		String elevatedInput = parts[0] + "." + base64Url(elevated.toString());
		String foreign = elevatedInput + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(mac.doFinal(elevatedInput.getBytes(StandardCharsets.US_ASCII)));

		for (String tampered : List.of(badSignature, morePermissions, changedPayload, unsigned, none, foreign,
				"not-a-jwt", token + "x")) {
			Api api = anonymous().as("Bearer " + tampered);
			ApiResponse response = api.get(this.tenant.path("/me"));
			assertProblem(response, 401, INVALID_TOKEN);
			assertThat(response.header("WWW-Authenticate")).as(tampered)
				.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
			assertThat(api
				.post(this.tenant.path("/api-clients"), Map.of("name", "Escalated", "permissions", List.of("settings")))
				.status()).isEqualTo(401);
		}
		assertThat(this.tenant.api.get(this.tenant.path("/api-clients")).raw()).doesNotContain("Escalated");
		// the original still works
		assertThat(readOnly.get(this.tenant.path("/me")).status()).isEqualTo(200);
	}

	@Test
	void requestsWithoutCredentialsGetAProblemDetailsBearerChallenge() {
		for (String path : List.of(this.tenant.path("/invoices"), this.tenant.path("/me"),
				this.tenant.path("/api-clients"), "/" + this.tenant.provetId + "/vetbill/v1/nothing-here")) {
			ApiResponse response = anonymous().get(path);
			assertProblem(response, 401, UNAUTHENTICATED);
			assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
		}
		ApiResponse post = anonymous().post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department));
		assertProblem(post, 401, UNAUTHENTICATED);
		// credentials of an unknown scheme, or an empty bearer token
		assertThat(anonymous().as(basic("admin", "secret")).get(this.tenant.path("/me")).status()).isEqualTo(401);
		assertThat(anonymous().as("Bearer ").get(this.tenant.path("/me")).status()).isEqualTo(401);
		assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- legacy API tokens

	@Test
	void aLegacyApiTokenKeyIsShownOnceAndWorksUntilRevoked() {
		ApiResponse created = createApiToken(this.tenant, "Old ERP", "read", "billing");
		String key = created.get("key").asString();
		long id = created.get("token").path("id").asLong();
		assertThat(key).startsWith("vbt_").hasSizeGreaterThan(40);
		assertThat(created.body().toString()).isEqualTo("{\"token\":{\"id\":" + id + ",\"name\":\"Old ERP\","
				+ "\"key_hint\":\"" + key.substring(0, 8) + "\",\"permissions\":[\"read\",\"billing\"],"
				+ "\"active\":true,\"created\":\"2026-11-21T10:00:00Z\"},\"key\":\"" + key + "\"}");

		Api legacy = anonymous().as("Token " + key);
		assertThat(legacy.get(this.tenant.path("/me")).body().toString()).isEqualTo("{\"provet_id\":\""
				+ this.tenant.provetId + "\",\"actor\":\"token:Old ERP\",\"permissions\":[\"read\",\"billing\"]}");
		assertThat(legacy.get(this.tenant.path("/invoices")).status()).isEqualTo(200);
		assertThat(legacy.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department)).status())
			.isEqualTo(201);
		assertForbidden(legacy.get(this.tenant.path("/api-tokens")));
		// the scheme name is case-insensitive, the key is not
		assertThat(anonymous().as("token " + key).get(this.tenant.path("/me")).status()).isEqualTo(200);
		assertThat(anonymous().as("Token " + key.toUpperCase(Locale.ROOT)).get(this.tenant.path("/me")).status())
			.isEqualTo(401);

		// listed without the key
		ApiResponse list = this.tenant.api.get(this.tenant.path("/api-tokens"));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.raw()).doesNotContain(key).doesNotContain("key_hash").doesNotContain("\"key\"");
		assertThat(list.body().get(0).path("key_hint").asString()).isEqualTo(key.substring(0, 8));

		ApiResponse revoked = this.tenant.api.delete(this.tenant.path("/api-tokens/" + id));
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		assertThat(revoked.get("active").asBoolean()).isFalse();
		assertThat(revoked.raw()).doesNotContain(key);
		ApiResponse refused = legacy.get(this.tenant.path("/me"));
		assertProblem(refused, 401, INVALID_TOKEN);
		assertThat(refused.header("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));

		ApiResponse wrong = anonymous().as("Token vbt_" + "x".repeat(43)).get(this.tenant.path("/me"));
		assertProblem(wrong, 401, INVALID_TOKEN);
		assertThat(anonymous().as("Token ").get(this.tenant.path("/me")).status()).isEqualTo(401);
		// a legacy key is not a bearer token
		String other = createApiToken(this.tenant, "Other", "read").get("key").asString();
		assertThat(anonymous().as("Bearer " + other).get(this.tenant.path("/me")).status()).isEqualTo(401);
		assertThat(anonymous().as("Token " + other).get(this.tenant.path("/me")).status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- storage of secrets

	@Test
	void secretsPasswordsAndKeysAreStoredOnlyAsHashesAndNeverListed() throws Exception {
		ApiResponse client = registerClient(this.tenant, "erp-stored", "read");
		String secret = client.get("client_secret").asString();
		long clientId = client.get("client").path("id").asLong();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(client.body().toString()).isEqualTo("{\"client\":{\"id\":" + clientId
				+ ",\"client_id\":\"erp-stored\",\"name\":\"Integration erp-stored\",\"permissions\":[\"read\"],"
				+ "\"active\":true,\"created\":\"2026-11-21T10:00:00Z\",\"redirect_uris\":[],\"public_client\":false},"
				+ "\"client_secret\":\"" + secret + "\"}");
		String password = "s3cret password!";
		long userId = createUser(this.tenant, "stored", password, "read").id();
		ApiResponse token = createApiToken(this.tenant, "Stored", "read");
		String key = token.get("key").asString();
		long tokenId = token.get("token").path("id").asLong();

		DSLContext dsl = this.tenant.bean(DSLContext.class);
		PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		Record clientRow = dsl.selectFrom(API_CLIENT)
			.where(API_CLIENT.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(API_CLIENT.ID.eq(clientId))
			.fetchSingle();
		String secretHash = clientRow.get(API_CLIENT.SECRET_HASH);
		assertThat(secretHash).startsWith("{bcrypt}$2").doesNotContain(secret);
		assertThat(passwords.matches(secret, secretHash)).isTrue();
		assertThat(clientRow.intoMap().values()).doesNotContain(secret);

		Record userRow = dsl.selectFrom(APP_USER)
			.where(APP_USER.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(APP_USER.ID.eq(userId))
			.fetchSingle();
		String passwordHash = userRow.get(APP_USER.PASSWORD_HASH);
		assertThat(passwordHash).startsWith("{bcrypt}$2").doesNotContain(password);
		assertThat(passwords.matches(password, passwordHash)).isTrue();
		assertThat(userRow.intoMap().values()).doesNotContain(password);

		Record tokenRow = dsl.selectFrom(API_TOKEN)
			.where(API_TOKEN.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(API_TOKEN.ID.eq(tokenId))
			.fetchSingle();
		assertThat(tokenRow.get(API_TOKEN.KEY_HASH)).matches("[0-9a-f]{64}").isEqualTo(sha256(key));
		assertThat(tokenRow.get(API_TOKEN.KEY_HINT)).isEqualTo(key.substring(0, 8));
		assertThat(tokenRow.intoMap().values()).doesNotContain(key);

		// the fixture's admin client, created at onboarding, is stored the same way
		assertThat(dsl.selectFrom(API_CLIENT)
			.where(API_CLIENT.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.fetch(API_CLIENT.SECRET_HASH)).allSatisfy((hash) -> assertThat(hash).startsWith("{bcrypt}$2"));

		ApiResponse clients = this.tenant.api.get(this.tenant.path("/api-clients"));
		assertThat(clients.status()).isEqualTo(200);
		assertThat(clients.raw()).doesNotContain(secret).doesNotContain("secret").doesNotContain("hash");
		assertThat(clients.body().valueStream().map((c) -> c.path("client_id").asString()).toList())
			.containsExactly("admin", "erp-stored");
		ApiResponse users = this.tenant.api.get(this.tenant.path("/users"));
		assertThat(users.status()).isEqualTo(200);
		assertThat(users.raw()).doesNotContain(password).doesNotContain("password").doesNotContain("hash");
		ApiResponse tokens = this.tenant.api.get(this.tenant.path("/api-tokens"));
		assertThat(tokens.raw()).doesNotContain(key).doesNotContain(sha256(key)).doesNotContain("hash");
	}

	@Test
	void credentialsAreValidatedBeforeTheyAreStored() {
		ApiResponse unknownPermission = this.tenant.api.post(this.tenant.path("/api-clients"),
				Map.of("name", "Greedy", "permissions", List.of("read", "admin")));
		assertThat(unknownPermission.status()).as(unknownPermission.toString()).isEqualTo(400);
		assertThat(unknownPermission.body().path("errors").get(0).path("field").asString()).isEqualTo("permissions");
		// a null in the list (a 500 before; found by the fuzzer), on each kind of
		// credential
		for (String credentials : List.of("/api-clients", "/api-tokens")) {
			ApiResponse nullPermission = this.tenant.api.post(this.tenant.path(credentials),
					"{\"name\": \"Nulled\", \"permissions\": [\"read\", null]}");
			assertThat(nullPermission.status()).as(nullPermission.toString()).isEqualTo(400);
			assertThat(nullPermission.body().path("errors").get(0).path("field").asString()).isEqualTo("permissions");
		}
		ApiResponse noPermission = this.tenant.api.post(this.tenant.path("/api-tokens"),
				Map.of("name", "Nothing", "permissions", List.of()));
		assertThat(noPermission.status()).isEqualTo(400);
		assertThat(noPermission.body().path("errors").get(0).path("field").asString()).isEqualTo("permissions");
		ApiResponse shortPassword = this.tenant.api.post(this.tenant.path("/users"), Map.of("username", "shorty",
				"display_name", "Shorty", "password", "short", "permissions", List.of("read")));
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.body().path("errors").get(0).path("field").asString()).isEqualTo("password");
		assertThat(shortPassword.raw()).doesNotContain("\"short\"");
		registerClient(this.tenant, "erp-twice", "read");
		ApiResponse twice = this.tenant.api.post(this.tenant.path("/api-clients"),
				Map.of("name", "Again", "client_id", "erp-twice", "permissions", List.of("read")));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body().path("errors").get(0).path("field").asString()).isEqualTo("client_id");
		createUser(this.tenant, "twice", "long enough password", "read");
		ApiResponse userTwice = this.tenant.api.post(this.tenant.path("/users"), Map.of("username", "twice",
				"display_name", "Again", "password", "another long password", "permissions", List.of("read")));
		assertThat(userTwice.status()).isEqualTo(400);
		assertThat(userTwice.body().path("errors").get(0).path("field").asString()).isEqualTo("username");
		// the first user's password still works, the second's does not
		assertThat(tokenRequest(this.tenant.provetId,
				"grant_type=password&username=twice&password=long+enough+password", null)
			.status()).isEqualTo(200);
		assertOAuthError(tokenRequest(this.tenant.provetId,
				"grant_type=password&username=twice&password=another+long+password", null), 400, "invalid_grant");
	}

	// ---------------------------------------------------------------- permissions

	@Test
	void readOnlyCredentialsCannotChangeBillingData() {
		long invoice = this.tenant.api.post(this.tenant.path("/invoices"), Map.of("department_id",
				this.tenant.department, "rows", List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1))))
			.id();
		Api readOnly = this.tenant.apiWith("read");
		assertThat(readOnly.get(this.tenant.path("/invoices")).status()).isEqualTo(200);
		assertThat(readOnly.get(this.tenant.path("/invoices/" + invoice)).status()).isEqualTo(200);
		assertThat(readOnly.get(this.tenant.path("/clients/" + this.tenant.client)).status()).isEqualTo(200);
		assertThat(readOnly.get(this.tenant.path("/items")).status()).isEqualTo(200);
		assertThat(readOnly.get(this.tenant.path("/organization")).status()).isEqualTo(200);
		String invoiceBefore = this.tenant.api.get(this.tenant.path("/invoices/" + invoice)).raw();
		String clientBefore = this.tenant.api.get(this.tenant.path("/clients/" + this.tenant.client)).raw();

		assertForbidden(readOnly.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department)));
		assertForbidden(readOnly.patch(this.tenant.path("/invoices/" + invoice), Map.of("remarks", "changed")));
		assertForbidden(readOnly.post(this.tenant.path("/invoices/" + invoice + "/rows"),
				Map.of("item_id", this.tenant.medicineItem, "quantity", 1)));
		assertForbidden(readOnly.post(this.tenant.path("/invoices/" + invoice + "/finalize"), null));
		assertForbidden(readOnly.post(this.tenant.path("/invoices/" + invoice + "/void"), null));
		assertForbidden(readOnly.post(this.tenant.path("/clients"),
				Map.of("customer_type", 0, "firstname", "Read", "lastname", "Only")));
		assertForbidden(
				readOnly.patch(this.tenant.path("/clients/" + this.tenant.client), Map.of("lastname", "Changed")));
		assertForbidden(
				readOnly.post(this.tenant.path("/patients"), Map.of("client_id", this.tenant.client, "name", "Rex")));
		assertForbidden(readOnly.get(this.tenant.path("/api-clients")));

		assertThat(this.tenant.api.get(this.tenant.path("/invoices/" + invoice)).raw()).isEqualTo(invoiceBefore);
		assertThat(this.tenant.api.get(this.tenant.path("/clients/" + this.tenant.client)).raw())
			.isEqualTo(clientBefore);
		assertThat(this.tenant.api.get(this.tenant.path("/invoices")).body().path("items").size()).isEqualTo(1);
		assertThat(this.tenant.api.get(this.tenant.path("/clients")).body().path("items").size()).isEqualTo(1);
	}

	@Test
	void billingCredentialsCannotChangeSettingsOrCredentials() {
		Api billing = this.tenant.apiWith("read", "billing");
		ApiResponse draft = billing.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department,
				"rows", List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		assertThat(billing.patch(this.tenant.path("/clients/" + this.tenant.client), Map.of("city", "Espoo")).status())
			.isEqualTo(200);
		long token = createApiToken(this.tenant, "Kept", "read").get("token").path("id").asLong();
		long client = registerClient(this.tenant, "erp-kept", "read").get("client").path("id").asLong();
		String organizationBefore = this.tenant.api.get(this.tenant.path("/organization")).raw();

		assertForbidden(billing.get(this.tenant.path("/api-clients")));
		assertForbidden(billing.post(this.tenant.path("/api-clients"),
				Map.of("name", "Escalated", "permissions", List.of("settings"))));
		assertForbidden(billing.post(this.tenant.path("/api-clients/" + client + "/deactivate"), null));
		assertForbidden(billing.get(this.tenant.path("/users")));
		assertForbidden(billing.post(this.tenant.path("/users"), Map.of("username", "escalated", "display_name", "E",
				"password", "long enough password", "permissions", List.of("settings"))));
		assertForbidden(billing.get(this.tenant.path("/api-tokens")));
		assertForbidden(billing.post(this.tenant.path("/api-tokens"),
				Map.of("name", "Escalated", "permissions", List.of("settings"))));
		assertForbidden(billing.delete(this.tenant.path("/api-tokens/" + token)));
		assertForbidden(billing.patch(this.tenant.path("/organization"), Map.of("name", "Renamed")));
		assertForbidden(billing.post(this.tenant.path("/items"),
				Map.of("name", "Free lunch", "price", "0.00", "vat_group_id", this.tenant.vat24)));
		assertForbidden(billing.patch(this.tenant.path("/items/" + this.tenant.medicineItem), Map.of("price", "0.01")));
		assertForbidden(billing.post(this.tenant.path("/departments"), Map.of("name", "Side", "invoice_prefix", "S")));
		assertForbidden(billing.patch(this.tenant.path("/departments/" + this.tenant.department + "/settings"),
				Map.of("financial_period_lock_date", "2026-11-01")));

		assertThat(this.tenant.api.get(this.tenant.path("/organization")).raw()).isEqualTo(organizationBefore);
		assertThat(this.tenant.api.get(this.tenant.path("/api-clients")).body().valueStream())
			.allSatisfy((c) -> assertThat(c.path("active").asBoolean()).isTrue())
			.noneSatisfy((c) -> assertThat(c.path("name").asString()).isEqualTo("Escalated"));
		assertThat(this.tenant.api.get(this.tenant.path("/api-tokens")).body().valueStream()).singleElement()
			.satisfies((t) -> assertThat(t.path("active").asBoolean()).isTrue());
		assertThat(this.tenant.api.get(this.tenant.path("/users")).body().size()).isZero();
		assertThat(this.tenant.api.get(this.tenant.path("/items/" + this.tenant.medicineItem)).get("price").toString())
			.isEqualTo("12.35");
	}

	@Test
	void credentialsWithoutTheReadPermissionCannotRead() {
		Api billingOnly = this.tenant.apiWith("billing");
		Api settingsOnly = this.tenant.apiWith("settings");
		for (Api api : List.of(billingOnly, settingsOnly)) {
			for (String path : List.of("/invoices", "/clients", "/clients/" + this.tenant.client, "/patients", "/items",
					"/items/" + this.tenant.consultationItem, "/departments", "/vat-groups", "/organization",
					"/consultations")) {
				assertForbidden(api.get(this.tenant.path(path)));
			}
			// who the caller is needs no permission
			assertThat(api.get(this.tenant.path("/me")).status()).isEqualTo(200);
		}
		// settings without read still manages credentials
		assertThat(settingsOnly.get(this.tenant.path("/api-clients")).status()).isEqualTo(200);
		// billing without read still writes
		assertThat(billingOnly.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department))
			.status()).isEqualTo(201);
	}

	// ---------------------------------------------------------------- tenancy

	/**
	 * A second tenant with data no other tenant may see: a client, a patient, an invoice,
	 * an API client, a user and a legacy token.
	 */
	private final class OtherTenant {

		final TestTenant b;

		final long client;

		final long patient;

		final long invoice;

		final long invoiceRow;

		final long consultation;

		final long consultationItem;

		final long apiClient;

		final long apiToken;

		OtherTenant() {
			this.b = newTenant();
			this.client = this.b.api
				.post(this.b.path("/clients"), Map.of("customer_type", 0, "firstname", "Bertha", "lastname",
						"Secretsson", "email", "bertha@secret.example"))
				.id();
			this.patient = this.b.api.post(this.b.path("/patients"), Map.of("client_id", this.client, "name", "Fluffy"))
				.id();
			ApiResponse invoice = this.b.api.post(this.b.path("/invoices"), Map.of("department_id", this.b.department,
					"client_id", this.client, "remarks", "B-only remark", "rows",
					List.of(Map.of("item_id", this.b.consultationItem, "quantity", 1, "patient_id", this.patient))));
			assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
			this.invoice = invoice.id();
			this.invoiceRow = invoice.body().path("rows").get(0).path("id").asLong();
			this.consultation = this.b.api
				.post(this.b.path("/consultations"),
						Map.of("department_id", this.b.department, "client_id", this.client, "patient_id",
								this.patient))
				.id();
			ApiResponse charged = this.b.api.post(this.b.path("/consultations/" + this.consultation + "/items"),
					Map.of("item_id", this.b.medicineItem, "quantity", 2, "name", "B-only medicine"));
			assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
			this.consultationItem = charged.body().path("items").get(0).path("id").asLong();
			this.apiClient = registerClient(this.b, "b-erp", "read").get("client").path("id").asLong();
			createUser(this.b, "b-user", "b user password", "read");
			this.apiToken = createApiToken(this.b, "B token", "read").get("token").path("id").asLong();
		}

		/** Everything B has, as B reads it. */
		List<String> snapshot() {
			return List
				.of("/organization", "/invoices", "/invoices/" + this.invoice, "/clients", "/clients/" + this.client,
						"/patients/" + this.patient, "/consultations", "/consultations/" + this.consultation, "/items",
						"/departments", "/departments/" + this.b.department + "/settings", "/vat-groups",
						"/api-clients", "/users", "/api-tokens")
				.stream()
				.map((path) -> this.b.api.get(this.b.path(path)))
				.peek((response) -> assertThat(response.status()).as(response.toString()).isEqualTo(200))
				.map(ApiResponse::raw)
				.toList();
		}

		void assertNoDataIn(ApiResponse response) {
			assertThat(response.raw()).doesNotContain("Secretsson")
				.doesNotContain("bertha@")
				.doesNotContain("Fluffy")
				.doesNotContain("B-only")
				.doesNotContain("b-erp")
				.doesNotContain("Clinic " + this.b.provetId);
		}

	}

	@Test
	void aTokenOfOneTenantFindsNothingOnAnotherTenantsPaths() {
		OtherTenant other = new OtherTenant();
		TestTenant b = other.b;
		String legacyKey = createApiToken(this.tenant, "A legacy", "read", "billing", "settings").get("key").asString();
		for (Api a : List.of(this.tenant.api, anonymous().as("Token " + legacyKey))) {
			for (String path : List.of("/invoices", "/invoices/" + other.invoice, "/clients",
					"/clients/" + other.client, "/patients/" + other.patient, "/items", "/items/" + b.consultationItem,
					"/departments", "/departments/" + b.department, "/departments/" + b.department + "/settings",
					"/vat-groups", "/organization", "/me", "/api-clients", "/users", "/api-tokens", "/consultations",
					"/consultations/" + other.consultation)) {
				ApiResponse response = a.get(b.path(path));
				assertNotFoundOrganization(response, b.provetId);
				other.assertNoDataIn(response);
			}
			List<ApiResponse> writes = List.of(
					a.post(b.path("/invoices"), Map.of("department_id", b.department, "client_id", other.client)),
					a.patch(b.path("/invoices/" + other.invoice), Map.of("remarks", "hijacked")),
					a.post(b.path("/invoices/" + other.invoice + "/finalize"), null),
					a.post(b.path("/invoices/" + other.invoice + "/void"), null),
					a.post(b.path("/consultations/" + other.consultation + "/finalize"), null),
					a.patch(b.path("/clients/" + other.client), Map.of("lastname", "Hijacked")),
					a.post(b.path("/items"), Map.of("name", "Planted", "price", "1.00", "vat_group_id", b.vat24)),
					a.patch(b.path("/organization"), Map.of("name", "Hijacked")),
					a.post(b.path("/api-clients"), Map.of("name", "Backdoor", "permissions", List.of("settings"))),
					a.post(b.path("/api-clients/" + other.apiClient + "/deactivate"), null),
					a.post(b.path("/users"),
							Map.of("username", "backdoor", "display_name", "Backdoor", "password", "backdoor password",
									"permissions", List.of("settings"))),
					a.post(b.path("/api-tokens"), Map.of("name", "Backdoor", "permissions", List.of("settings"))),
					a.delete(b.path("/api-tokens/" + other.apiToken)));
			for (ApiResponse response : writes) {
				assertNotFoundOrganization(response, b.provetId);
				other.assertNoDataIn(response);
			}
		}
		// exactly as for a tenant that does not exist
		assertNotFoundOrganization(this.tenant.api.get("/987654321/vetbill/v1/invoices"), "987654321");
		// B itself is untouched and still works
		assertThat(b.api.get(b.path("/me")).status()).isEqualTo(200);
		assertThat(b.api.get(b.path("/clients/" + other.client)).get("lastname").asString()).isEqualTo("Secretsson");
		assertThat(b.api.get(b.path("/organization")).get("name").asString()).isEqualTo("Clinic " + b.provetId);
		assertThat(b.api.get(b.path("/api-clients")).raw()).doesNotContain("Backdoor");
		assertThat(b.api.get(b.path("/users")).raw()).doesNotContain("backdoor");
		assertThat(b.api.get(b.path("/api-tokens")).body().get(0).path("active").asBoolean()).isTrue();
	}

	@Test
	void anotherTenantsObjectsAreNotFoundUnderTheCallersOwnPath() {
		OtherTenant other = new OtherTenant();
		TestTenant b = other.b;
		Api a = this.tenant.api;
		for (String path : List.of("/invoices/" + other.invoice, "/clients/" + other.client,
				"/patients/" + other.patient, "/items/" + b.consultationItem, "/departments/" + b.department,
				"/departments/" + b.department + "/settings", "/vat-groups/" + b.vat24,
				"/consultations/" + other.consultation)) {
			ApiResponse response = a.get(this.tenant.path(path));
			assertNotFound(response);
			other.assertNoDataIn(response);
		}
		// lists and filters of A never include B's records
		for (String path : List.of("/invoices", "/invoices?client_id=" + other.client, "/clients", "/patients",
				"/patients?client_id=" + other.client, "/consultations", "/consultations?client_id=" + other.client,
				"/api-clients", "/users", "/api-tokens")) {
			ApiResponse response = a.get(this.tenant.path(path));
			assertThat(response.status()).as(path).isEqualTo(200);
			other.assertNoDataIn(response);
		}
		assertThat(a.get(this.tenant.path("/invoices?client_id=" + other.client)).body().path("items").size()).isZero();
	}

	@Test
	void aTenantNeverChangesAnotherTenantsData() {
		OtherTenant other = new OtherTenant();
		TestTenant b = other.b;
		List<String> before = other.snapshot();
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		int auditBefore = dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(b.organizationId));
		Api a = this.tenant.api;
		long ownDraft = a.post(this.tenant.path("/invoices"), Map.of("department_id", this.tenant.department, "rows",
				List.of(Map.of("item_id", this.tenant.medicineItem, "quantity", 1))))
			.id();

		// B's objects under A's own path
		List<ApiResponse> notFound = List.of(
				a.patch(this.tenant.path("/invoices/" + other.invoice), Map.of("remarks", "hijacked")),
				a.post(this.tenant.path("/invoices/" + other.invoice + "/rows"),
						Map.of("item_id", this.tenant.medicineItem, "quantity", 1)),
				a.patch(this.tenant.path("/invoices/" + other.invoice + "/rows/" + other.invoiceRow),
						Map.of("quantity", 5)),
				a.delete(this.tenant.path("/invoices/" + other.invoice + "/rows/" + other.invoiceRow)),
				a.post(this.tenant.path("/invoices/" + other.invoice + "/finalize"), null),
				a.post(this.tenant.path("/invoices/" + other.invoice + "/void"), Map.of("reason", "hijacked")),
				a.patch(this.tenant.path("/clients/" + other.client), Map.of("lastname", "Hijacked")),
				a.patch(this.tenant.path("/patients/" + other.patient), Map.of("name", "Hijacked")),
				a.patch(this.tenant.path("/items/" + b.consultationItem), Map.of("price", "0.01")),
				a.patch(this.tenant.path("/departments/" + b.department), Map.of("name", "Hijacked")),
				a.patch(this.tenant.path("/departments/" + b.department + "/settings"),
						Map.of("financial_period_lock_date", "2026-11-01")),
				a.patch(this.tenant.path("/vat-groups/" + b.vat24), Map.of("name", "Hijacked")),
				a.post(this.tenant.path("/consultations/" + other.consultation + "/items"),
						Map.of("item_id", this.tenant.medicineItem, "quantity", 1)),
				a.patch(this.tenant.path("/consultations/" + other.consultation + "/items/" + other.consultationItem),
						Map.of("quantity", 9)),
				a.delete(this.tenant.path("/consultations/" + other.consultation + "/items/" + other.consultationItem)),
				a.post(this.tenant.path("/consultations/" + other.consultation + "/finalize"), null),
				a.post(this.tenant.path("/api-clients/" + other.apiClient + "/deactivate"), null),
				a.delete(this.tenant.path("/api-tokens/" + other.apiToken)));
		for (ApiResponse response : notFound) {
			assertNotFound(response);
			other.assertNoDataIn(response);
		}

		// B's objects referenced from A's own records do not exist for A
		ApiResponse foreignDepartment = a.post(this.tenant.path("/invoices"), Map.of("department_id", b.department));
		assertThat(foreignDepartment.status()).as(foreignDepartment.toString()).isEqualTo(400);
		assertThat(foreignDepartment.body().path("errors").get(0).path("field").asString()).isEqualTo("department_id");
		ApiResponse foreignClient = a.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", other.client));
		assertThat(foreignClient.status()).isEqualTo(400);
		assertThat(foreignClient.body().path("errors").get(0).path("field").asString()).isEqualTo("client_id");
		ApiResponse foreignItem = a.post(this.tenant.path("/invoices/" + ownDraft + "/rows"),
				Map.of("item_id", b.consultationItem, "quantity", 1));
		assertThat(foreignItem.status()).isEqualTo(400);
		assertThat(foreignItem.body().path("errors").get(0).path("field").asString()).isEqualTo("item_id");
		ApiResponse foreignPatient = a.post(this.tenant.path("/invoices/" + ownDraft + "/rows"),
				Map.of("item_id", this.tenant.medicineItem, "quantity", 1, "patient_id", other.patient));
		assertThat(foreignPatient.status()).isEqualTo(400);
		ApiResponse foreignOwner = a.post(this.tenant.path("/patients"),
				Map.of("client_id", other.client, "name", "Stolen"));
		assertThat(foreignOwner.status()).isEqualTo(400);
		ApiResponse foreignVat = a.post(this.tenant.path("/items"),
				Map.of("name", "Foreign VAT", "price", "1.00", "vat_group_id", b.vat24));
		assertThat(foreignVat.status()).isEqualTo(400);
		ApiResponse foreignConsultation = a.post(this.tenant.path("/consultations"),
				Map.of("department_id", this.tenant.department, "client_id", other.client));
		assertThat(foreignConsultation.status()).isBetween(400, 404);
		for (ApiResponse response : List.of(foreignDepartment, foreignClient, foreignItem, foreignPatient, foreignOwner,
				foreignVat, foreignConsultation)) {
			other.assertNoDataIn(response);
		}
		ApiResponse draft = a.get(this.tenant.path("/invoices/" + ownDraft));
		assertThat(draft.body().path("rows").size()).isEqualTo(1);

		// B sees exactly what it had, and its credentials still work
		assertThat(other.snapshot()).isEqualTo(before);
		assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANIZATION_ID.eq(b.organizationId)))
			.isEqualTo(auditBefore);
		assertThat(b.freshApi().get(b.path("/invoices/" + other.invoice)).get("status").asInt()).isZero();
		List<AuditEvent> events = this.tenant.bean(AuditTrail.class).of(b.organizationId, "invoice", other.invoice);
		assertThat(events).extracting(AuditEvent::actor).containsOnly("client:admin");
	}

	// ---------------------------------------------------------------- admin API

	@Test
	void theAdminApiRequiresTheAdminKey() {
		String organizations = "/admin/v1/organizations";
		ApiResponse none = anonymous().get(organizations);
		assertProblem(none, 401, UNAUTHENTICATED);
		assertThat(none.header("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		ApiResponse wrong = anonymous().as("Bearer not-the-admin-key").get(organizations);
		assertProblem(wrong, 401, INVALID_TOKEN);
		assertThat(anonymous().as("Bearer " + ADMIN_KEY + "x").get(organizations).status()).isEqualTo(401);
		assertThat(anonymous().as("Token " + ADMIN_KEY).get(organizations).status()).isEqualTo(401);
		assertThat(anonymous().as(basic("admin", ADMIN_KEY)).get(organizations).status()).isEqualTo(401);
		String provetId = String.valueOf(ADMIN_CREATED.incrementAndGet());
		assertThat(anonymous().post(organizations, newOrganization(provetId)).status()).isEqualTo(401);

		// tenant credentials of every kind, even with every permission
		String legacyKey = createApiToken(this.tenant, "Admin hopeful", "read", "billing", "settings").get("key")
			.asString();
		for (Api tenantApi : List.of(this.tenant.api, anonymous().as("Token " + legacyKey))) {
			assertThat(tenantApi.get(organizations).status()).isEqualTo(401);
			ApiResponse created = tenantApi.post(organizations, newOrganization(provetId));
			assertThat(created.status()).as(created.toString()).isEqualTo(401);
		}
		assertThat(this.tenant.bean(DSLContext.class).fetchExists(ORGANIZATION, ORGANIZATION.PROVET_ID.eq(provetId)))
			.isFalse();

		ApiResponse list = admin().get(organizations);
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.body().valueStream().map((o) -> o.path("provet_id").asString())).contains(this.tenant.provetId);
	}

	@Test
	void theAdminApiOnboardsATenantWithAnAdminClientWhoseSecretIsShownOnce() {
		String provetId = String.valueOf(ADMIN_CREATED.incrementAndGet());
		ApiResponse created = admin().post("/admin/v1/organizations", newOrganization(provetId));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode organization = created.get("organization");
		long organizationId = organization.path("id").asLong();
		assertThat(organization.path("provet_id").asString()).isEqualTo(provetId);
		assertThat(organization.path("name").asString()).isEqualTo("Onboarded Clinic " + provetId);
		assertThat(organization.path("currency").asString()).isEqualTo("SEK");
		assertThat(organization.path("time_zone").asString()).isEqualTo("Europe/Stockholm");
		assertThat(organization.path("reference_number_format").asString()).isEqualTo("RF");
		JsonNode apiClient = created.get("api_client");
		String secret = apiClient.path("client_secret").asString();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		long clientId = apiClient.path("client").path("id").asLong();
		assertThat(apiClient.path("client").toString())
			.isEqualTo("{\"id\":" + clientId + ",\"client_id\":\"admin\",\"name\":\"Administrator\","
					+ "\"permissions\":[\"read\",\"billing\",\"settings\"],\"active\":true,"
					+ "\"created\":\"2026-11-21T10:00:00Z\",\"redirect_uris\":[],\"public_client\":false}");

		// the secret gets a token with every permission in the new tenant
		ApiResponse token = tokenRequest(provetId, "grant_type=client_credentials", basic("admin", secret));
		Api api = anonymous().as(bearer(token));
		assertThat(api.get("/" + provetId + "/vetbill/v1/me").body().toString()).isEqualTo("{\"provet_id\":\""
				+ provetId + "\",\"actor\":\"client:admin\",\"permissions\":[\"read\",\"billing\",\"settings\"]}");
		assertThat(api.get("/" + provetId + "/vetbill/v1/organization").get("name").asString())
			.isEqualTo("Onboarded Clinic " + provetId);
		// and is never shown again
		ApiResponse clients = api.get("/" + provetId + "/vetbill/v1/api-clients");
		assertThat(clients.status()).isEqualTo(200);
		assertThat(clients.raw()).doesNotContain(secret).doesNotContain("secret");
		ApiResponse list = admin().get("/admin/v1/organizations");
		assertThat(list.raw()).contains("\"provet_id\":\"" + provetId + "\"").doesNotContain(secret);
		// nor kept anywhere readable
		assertThat(this.tenant.bean(DSLContext.class)
			.select(API_CLIENT.SECRET_HASH)
			.from(API_CLIENT)
			.where(API_CLIENT.ORGANIZATION_ID.eq(organizationId))
			.fetchSingle(API_CLIENT.SECRET_HASH)).startsWith("{bcrypt}$2").doesNotContain(secret);

		// the admin API's own credential is audited as the system
		List<AuditEvent> events = this.tenant.bean(AuditTrail.class).of(organizationId, "api_client", clientId);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.action()).isEqualTo("api_client.created");
			assertThat(event.actor()).isEqualTo("system:admin");
			assertThat(event.details()).doesNotContain(secret);
		});
	}

	@Test
	void theAdminApiRefusesInvalidOrDuplicateOrganizationsNamingTheField() {
		Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
		Map<String, Object> duplicate = newOrganization(this.tenant.provetId);
		cases.put("provet_id", duplicate);
		for (String badId : List.of("0123", "abc", "12345678901", "")) {
			Map<String, Object> invalid = newOrganization(badId);
			cases.put("provet_id " + badId, invalid);
		}
		Map<String, Object> missingId = newOrganization("1");
		missingId.remove("provet_id");
		cases.put("provet_id missing", missingId);
		Map<String, Object> currency = newOrganization(String.valueOf(ADMIN_CREATED.incrementAndGet()));
		currency.put("currency", "EURO");
		cases.put("currency", currency);
		Map<String, Object> unknownCurrency = newOrganization(String.valueOf(ADMIN_CREATED.incrementAndGet()));
		unknownCurrency.put("currency", "XYZ");
		cases.put("currency XYZ", unknownCurrency);
		Map<String, Object> zone = newOrganization(String.valueOf(ADMIN_CREATED.incrementAndGet()));
		zone.put("time_zone", "Mars/Olympus_Mons");
		cases.put("time_zone", zone);
		Map<String, Object> country = newOrganization(String.valueOf(ADMIN_CREATED.incrementAndGet()));
		country.put("country", "XX");
		cases.put("country", country);
		Map<String, Object> name = newOrganization(String.valueOf(ADMIN_CREATED.incrementAndGet()));
		name.put("name", " ");
		cases.put("name", name);

		int before = admin().get("/admin/v1/organizations").body().size();
		cases.forEach((label, body) -> {
			ApiResponse response = admin().post("/admin/v1/organizations", body);
			assertThat(response.status()).as(label + ": " + response).isEqualTo(400);
			assertThat(response.get("code").asString()).isEqualTo("invalid_input");
			assertThat(response.body().path("errors").get(0).path("field").asString()).as(label)
				.isEqualTo(label.split(" ")[0]);
		});
		assertThat(admin().get("/admin/v1/organizations").body().size()).isEqualTo(before);
		// the duplicate did not touch the existing tenant
		assertThat(this.tenant.api.get(this.tenant.path("/organization")).get("currency").asString()).isEqualTo("EUR");
	}

	@Test
	void theAdminKeyDoesNotOpenTenantApis() {
		for (String authorization : List.of("Bearer " + ADMIN_KEY, "Token " + ADMIN_KEY)) {
			Api api = anonymous().as(authorization);
			for (String path : List.of("/me", "/invoices", "/organization", "/api-clients")) {
				ApiResponse response = api.get(this.tenant.path(path));
				assertProblem(response, 401, INVALID_TOKEN);
			}
			assertThat(api
				.post(this.tenant.path("/api-clients"), Map.of("name", "Backdoor", "permissions", List.of("settings")))
				.status()).isEqualTo(401);
		}
		// nor does it get a token
		assertInvalidClient(
				tokenRequest(this.tenant.provetId, "grant_type=client_credentials", basic("admin", ADMIN_KEY)));
		assertInvalidClient(tokenRequest(this.tenant.provetId, clientCredentials("admin", ADMIN_KEY), null));
		assertThat(this.tenant.api.get(this.tenant.path("/api-clients")).raw()).doesNotContain("Backdoor");
	}

	// ---------------------------------------------------------------- audit

	@Test
	void creatingAndRevokingCredentialsIsAuditedWithTheActor() {
		AuditTrail audit = this.tenant.bean(AuditTrail.class);
		ApiResponse client = registerClient(this.tenant, "erp-audited", "read");
		long clientId = client.get("client").path("id").asLong();
		String secret = client.get("client_secret").asString();
		ApiResponse user = createUser(this.tenant, "manager", "manager password", "read", "settings");
		ApiResponse token = createApiToken(this.tenant, "Audited", "read");
		long tokenId = token.get("token").path("id").asLong();
		String key = token.get("key").asString();

		assertThat(audit.of(this.tenant.organizationId, "api_client", clientId)).singleElement().satisfies((e) -> {
			assertThat(e.action()).isEqualTo("api_client.created");
			assertThat(e.actor()).isEqualTo("client:admin");
			assertThat(e.entityType()).isEqualTo("api_client");
			assertThat(e.entityId()).isEqualTo(clientId);
			assertThat(e.occurred()).isEqualTo("2026-11-21T10:00:00Z");
			assertThat(e.details()).contains("erp-audited").doesNotContain(secret);
		});
		assertThat(audit.of(this.tenant.organizationId, "user", user.id())).singleElement().satisfies((e) -> {
			assertThat(e.action()).isEqualTo("user.created");
			assertThat(e.actor()).isEqualTo("client:admin");
			assertThat(e.details()).contains("manager").doesNotContain("manager password");
		});
		assertThat(audit.of(this.tenant.organizationId, "api_token", tokenId)).singleElement().satisfies((e) -> {
			assertThat(e.action()).isEqualTo("api_token.created");
			assertThat(e.actor()).isEqualTo("client:admin");
			assertThat(e.details()).contains("Audited").doesNotContain(key);
		});

		// a user acting with the password grant is recorded as that user
		Api manager = anonymous().as(bearer(tokenRequest(this.tenant.provetId,
				"grant_type=password&username=manager&password=manager+password", null)));
		ApiResponse revoked = manager.delete(this.tenant.path("/api-tokens/" + tokenId));
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		ApiResponse deactivated = manager.post(this.tenant.path("/api-clients/" + clientId + "/deactivate"), null);
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		ApiResponse byManager = manager.post(this.tenant.path("/api-clients"),
				Map.of("name", "By manager", "client_id", "erp-by-manager", "permissions", List.of("read")));
		assertThat(byManager.status()).as(byManager.toString()).isEqualTo(201);

		assertThat(audit.of(this.tenant.organizationId, "api_token", tokenId))
			.extracting(AuditEvent::action, AuditEvent::actor)
			.containsExactly(tuple("api_token.created", "client:admin"), tuple("api_token.revoked", "user:manager"));
		assertThat(audit.of(this.tenant.organizationId, "api_client", clientId))
			.extracting(AuditEvent::action, AuditEvent::actor)
			.containsExactly(tuple("api_client.created", "client:admin"),
					tuple("api_client.deactivated", "user:manager"));
		assertThat(audit.of(this.tenant.organizationId, "api_client", byManager.get("client").path("id").asLong()))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.action()).isEqualTo("api_client.created");
				assertThat(e.actor()).isEqualTo("user:manager");
				assertThat(e.details()).doesNotContain(byManager.get("client_secret").asString());
			});

		// a legacy token is recorded by its name
		String legacy = createApiToken(this.tenant, "Provisioning", "read", "settings").get("key").asString();
		ApiResponse byToken = anonymous().as("Token " + legacy)
			.post(this.tenant.path("/users"), Map.of("username", "provisioned", "display_name", "Provisioned",
					"password", "provisioned password", "permissions", List.of("read")));
		assertThat(byToken.status()).as(byToken.toString()).isEqualTo(201);
		assertThat(audit.of(this.tenant.organizationId, "user", byToken.id())).extracting(AuditEvent::actor)
			.containsExactly("token:Provisioning");
	}

}
