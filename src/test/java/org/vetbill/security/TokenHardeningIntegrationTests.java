package org.vetbill.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.vetbill.shared.db.Tables.APP_USER;
import static org.vetbill.shared.db.Tables.SIGNING_KEY;

/**
 * The hardening of access tokens (issue 16): a token must say when it expires; its scope
 * bounds what it may do; one rule binds it to its organization on every API; the keys
 * that sign tokens are stored encrypted and rotate by key id; and a deactivated or
 * downgraded credential loses its tokens' power at once, not after their 10 hours.
 */
class TokenHardeningIntegrationTests extends IntegrationTest {

	private static final String INVALID_TOKEN = "the access token is invalid or has expired";

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = newTenant();
	}

	// ---------------------------------------------------------------- helpers

	private String cloud(TestTenant tenant, String path) {
		return "/" + tenant.provetId + "/api/0.1/" + path;
	}

	private ApiResponse tokenRequest(String form) {
		return anonymous().postForm("/" + this.tenant.provetId + "/oauth2/token/", form);
	}

	private IssuedClient client(String clientId, String... permissions) {
		ApiResponse response = this.tenant.api.post(this.tenant.path("/api-clients"),
				Map.of("name", "Client " + clientId, "client_id", clientId, "permissions", List.of(permissions)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return new IssuedClient(response.get("client").path("id").asLong(), clientId,
				response.get("client_secret").asString());
	}

	private record IssuedClient(long id, String clientId, String secret) {

		String form(@Nullable String scope) {
			return "grant_type=client_credentials&client_id=" + TestTenant.encode(this.clientId) + "&client_secret="
					+ TestTenant.encode(this.secret) + ((scope != null) ? "&scope=" + TestTenant.encode(scope) : "");
		}

	}

	private Api bearer(ApiResponse token) {
		assertThat(token.status()).as(token.toString()).isEqualTo(200);
		return anonymous().as("Bearer " + token.get("access_token").asString());
	}

	private static JsonNode jwtPart(String token, int part) {
		return Api.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[part]), StandardCharsets.UTF_8));
	}

	/**
	 * A token signed with one of vetbill's keys, with the claims given (as a node of
	 * another version, or an attacker holding a leaked token, might present).
	 */
	private static String signed(SigningKeys.Key key, boolean withKid, Map<String, Object> claims) throws Exception {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "HS256");
		if (withKid) {
			header.put("kid", key.id());
		}
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String input = base64.encodeToString(json(header)) + "." + base64.encodeToString(json(claims));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.secret().getEncoded(), "HmacSHA256"));
		return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
	}

	private static byte[] json(Map<String, Object> map) {
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.writeValueAsString(map)
			.getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, Object> adminClaims(@Nullable Long expiresAt, String scope, List<String> perms) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "vetbill");
		claims.put("sub", "client:admin");
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("iat", this.clock.instant().getEpochSecond());
		if (expiresAt != null) {
			claims.put("exp", expiresAt);
		}
		claims.put("org", this.tenant.organizationId);
		claims.put("pid", this.tenant.provetId);
		claims.put("scope", scope);
		claims.put("perms", perms);
		return claims;
	}

	private SigningKeys keys() {
		return this.tenant.bean(SigningKeys.class);
	}

	private static void assertInvalidToken(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.raw()).contains(INVALID_TOKEN);
	}

	// ---------------------------------------------------------------- exp

	@Test
	void aTokenWithoutAnExpiryIsRefusedThoughCorrectlySigned() throws Exception {
		SigningKeys.Key key = keys().signing();
		List<String> all = List.of("read", "billing", "settings");
		long inAnHour = this.clock.instant().plusSeconds(3600).getEpochSecond();
		String withExpiry = signed(key, true, adminClaims(inAnHour, "restapi", all));
		assertThat(anonymous().as("Bearer " + withExpiry).get(this.tenant.path("/me")).status()).isEqualTo(200);

		String forever = signed(key, true, adminClaims(null, "restapi", all));
		assertInvalidToken(anonymous().as("Bearer " + forever).get(this.tenant.path("/me")));
		assertThat(anonymous().as("Bearer " + forever).get(cloud(this.tenant, "invoice/")).status()).isEqualTo(401);

		// expired beyond the 30 seconds of clock skew allowed
		long aMinuteAgo = this.clock.instant().minusSeconds(60).getEpochSecond();
		assertInvalidToken(anonymous().as("Bearer " + signed(key, true, adminClaims(aMinuteAgo, "restapi", all)))
			.get(this.tenant.path("/me")));
	}

	// ---------------------------------------------------------------- scope

	@Test
	void aTokensScopeBoundsWhatItMayDoWhateverItsClientMay() {
		IssuedClient client = client("erp-scoped", "read", "billing", "settings");
		ApiResponse readToken = tokenRequest(client.form("read"));
		assertThat(readToken.get("scope").asString()).isEqualTo("read");
		JsonNode claims = jwtPart(readToken.get("access_token").asString(), 1);
		assertThat(claims.path("scope").asString()).isEqualTo("read");
		assertThat(claims.path("perms").toString()).isEqualTo("[\"read\"]");
		Api reader = bearer(readToken);
		assertThat(reader.get(cloud(this.tenant, "invoice/")).status()).isEqualTo(200);
		assertThat(reader.get(this.tenant.path("/me")).get("permissions").toString()).isEqualTo("[\"read\"]");
		// billing is refused, in each dialect's own format
		ApiResponse cloudRefused = reader.post(cloud(this.tenant, "invoicepayment/"),
				Map.of("invoice", 1, "payment_type", 0, "paid", "1.00"));
		assertThat(cloudRefused.status()).as(cloudRefused.toString()).isEqualTo(403);
		assertThat(cloudRefused.raw()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
		ApiResponse vetbillRefused = reader.post(this.tenant.path("/api-clients"),
				Map.of("name", "Escalated", "permissions", List.of("settings")));
		assertThat(vetbillRefused.status()).isEqualTo(403);
		assertThat(vetbillRefused.get("code").asString()).isEqualTo("forbidden");

		// two scopes allow both; restapi (the default) everything the client may
		Api readAndBill = bearer(tokenRequest(client.form("read billing")));
		assertThat(readAndBill.get(this.tenant.path("/me")).get("permissions").toString())
			.isEqualTo("[\"read\",\"billing\"]");
		assertThat(bearer(tokenRequest(client.form(null))).get(this.tenant.path("/me")).get("permissions").toString())
			.isEqualTo("[\"read\",\"billing\",\"settings\"]");
		// a scope never widens: settings for a read-only client gives nothing to do
		IssuedClient readOnly = client("erp-reader", "read");
		Api settingsOfAReader = bearer(tokenRequest(readOnly.form("settings")));
		assertThat(settingsOfAReader.get(cloud(this.tenant, "invoice/")).status()).isEqualTo(403);
		// unknown scopes are refused
		ApiResponse unknown = tokenRequest(client.form("read admin"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.get("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void aTokenIsBoundByItsScopeEvenWhenItsPermissionsClaimSaysMore() throws Exception {
		// a token whose perms claim names more than its scope allows (as vetbill issued
		// them before scopes were checked) may do what the scope allows only
		long inAnHour = this.clock.instant().plusSeconds(3600).getEpochSecond();
		String token = signed(keys().signing(), true,
				adminClaims(inAnHour, "read", List.of("read", "billing", "settings")));
		Api api = anonymous().as("Bearer " + token);
		assertThat(api.get(cloud(this.tenant, "invoice/")).status()).isEqualTo(200);
		assertThat(api.get(this.tenant.path("/me")).get("permissions").toString()).isEqualTo("[\"read\"]");
		ApiResponse refused = api.post(this.tenant.path("/api-clients"),
				Map.of("name", "Escalated", "permissions", List.of("settings")));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		ApiResponse clinicRefused = api.post("/invoice/", Map.of("client_id", 1));
		assertThat(clinicRefused.status()).as(clinicRefused.toString()).isEqualTo(403);
		assertThat(clinicRefused.raw()).isEqualTo("{\"detail\":\"Not enough permissions\"}");
		assertThat(this.tenant.api.get(this.tenant.path("/api-clients")).raw()).doesNotContain("Escalated");
	}

	// ---------------------------------------------------------------- one tenant rule

	@Test
	void aTokenActsForItsOrganizationOnlyOnEveryApi() {
		TestTenant other = newTenant();
		String username = "desk-" + this.tenant.provetId;
		ApiResponse user = this.tenant.api.post(this.tenant.path("/users"), Map.of("username", username, "display_name",
				"Desk", "password", "correct horse battery", "permissions", List.of("read", "billing")));
		assertThat(user.status()).as(user.toString()).isEqualTo(201);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("status", "DRAFT");
		document.put("patient_id", other.bean(Patients.class).get(other.caller, other.patient).uuid().toString());
		document.put("appointment_id",
				other.bean(Consultations.class)
					.create(other.caller, new NewConsultation(other.department, other.client, other.patient, null))
					.uuid()
					.toString());
		document.put("items", List.of());
		ApiResponse created = other.api.post("/invoice/", document);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String theirs = created.body().path("id").asString();

		for (Api api : List.of(this.tenant.api,
				bearer(anonymous().postForm("/token", "username=" + username + "&password=correct+horse+battery")))) {
			// a path naming another organization does not exist for the token
			assertThat(api.get(cloud(other, "invoice/")).status()).isEqualTo(404);
			assertThat(api.get(other.path("/me")).status()).isEqualTo(404);
			assertThat(api.get("/" + other.provetId + "/oauth2/userinfo/").status()).isEqualTo(404);
			// its own organization's paths work
			assertThat(api.get(cloud(this.tenant, "invoice/")).status()).isEqualTo(200);
			// the Clinic API, which names no organization, acts for the token's
			ApiResponse clinic = api.get("/invoice/");
			assertThat(clinic.status()).as(clinic.toString()).isEqualTo(200);
			assertThat(clinic.raw()).doesNotContain("\"" + theirs + "\"");
			assertThat(api.get("/invoice/" + theirs).status()).isEqualTo(404);
		}
		// and the other organization's token sees its own invoice there
		assertThat(other.api.get("/invoice/" + theirs).status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- signing keys

	@Test
	void signingKeysAreStoredEncryptedAndEachTokenNamesItsKey() throws Exception {
		String token = token(this.tenant.freshApi());
		String kid = jwtPart(token, 0).path("kid").asString();
		assertThat(kid).isNotBlank();
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		var row = dsl.selectFrom(SIGNING_KEY).where(SIGNING_KEY.ID.eq(kid)).fetchSingle();
		assertThat(row.getEncrypted()).isTrue();
		KeyEncryption encryption = this.tenant.bean(KeyEncryption.class);
		byte[] secret = encryption.decrypt(kid, row.getSecret());
		// the decrypted secret is the one that signed the token; the stored text is not
		assertThat(hmac(secret, token)).isEqualTo(token.split("\\.")[2]);
		assertThat(row.getSecret()).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
			.doesNotContain(Base64.getEncoder().encodeToString(secret));
		assertThat(dsl.selectFrom(SIGNING_KEY).fetch(SIGNING_KEY.ENCRYPTED)).containsOnly(true);
	}

	private static String hmac(byte[] secret, String token) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		String[] parts = token.split("\\.");
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void rotationSignsWithTheNewKeyWhileTokensOfTheOldOneKeepWorkingUntilTheyExpire() throws Exception {
		Api admin = anonymous().as("Bearer " + ADMIN_KEY);
		Api before = this.tenant.freshApi();
		String oldKid = jwtPart(token(before), 0).path("kid").asString();
		assertThat(anonymous().post("/admin/v1/signing-keys/rotate", null).status()).isEqualTo(401);
		ApiResponse rotated = admin.post("/admin/v1/signing-keys/rotate", null);
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
		String newKid = rotated.get("kid").asString();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(rotated.get("signing").asBoolean()).isTrue();
		assertThat(rotated.raw()).doesNotContain("secret");

		Api after = this.tenant.freshApi();
		assertThat(jwtPart(token(after), 0).path("kid").asString()).isEqualTo(newKid);
		assertThat(after.get(this.tenant.path("/me")).status()).isEqualTo(200);
		// the token signed before the rotation still works
		assertThat(before.get(this.tenant.path("/me")).status()).isEqualTo(200);

		ApiResponse listed = admin.get("/admin/v1/signing-keys");
		assertThat(listed.status()).isEqualTo(200);
		JsonNode first = listed.body().get(0);
		assertThat(first.path("kid").asString()).isEqualTo(newKid);
		assertThat(first.path("signing").asBoolean()).isTrue();
		JsonNode old = listed.body()
			.valueStream()
			.filter((key) -> key.path("kid").asString().equals(oldKid))
			.findFirst()
			.orElseThrow();
		assertThat(old.path("signing").asBoolean()).isFalse();
		assertThat(old.path("retired").asString()).isNotBlank();

		// once every token the old key signed has expired, it verifies nothing: not even
		// a
		// token it signs with a later expiry
		SigningKeys.Key oldKey = keys().all()
			.stream()
			.filter((key) -> key.id().equals(oldKid))
			.findFirst()
			.orElseThrow();
		Instant retired = Instant.parse(old.path("retired").asString());
		this.clock.set(retired.plusSeconds(10 * 3600 + 31).toString());
		Map<String, Object> claims = adminClaims(this.clock.instant().plusSeconds(3600).getEpochSecond(), "restapi",
				List.of("read"));
		assertInvalidToken(anonymous().as("Bearer " + signed(oldKey, true, claims)).get(this.tenant.path("/me")));
		assertThat(anonymous().as("Bearer " + signed(keys().signing(), true, claims))
			.get(this.tenant.path("/me"))
			.status()).isEqualTo(200);
	}

	private static String token(Api api) {
		return api.request("/").build().headers().firstValue("Authorization").orElseThrow().substring(7);
	}

	@Test
	void aKeyStoredInPlainTextIsEncryptedInPlaceAndKeepsVerifyingItsTokens() throws Exception {
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		String id = "plain-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] secret = new byte[32];
		new java.security.SecureRandom().nextBytes(secret);
		String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		// as vetbill stored its key before version 19
		dsl.insertInto(SIGNING_KEY)
			.set(SIGNING_KEY.ID, id)
			.set(SIGNING_KEY.SECRET, plain)
			.set(SIGNING_KEY.CREATED, Instant.parse("2020-01-01T00:00:00Z"))
			.execute();
		try {
			assertThat(dsl.fetchValue(SIGNING_KEY.ENCRYPTED, SIGNING_KEY.ID.eq(id))).isFalse();
			keys().reload();
			var row = dsl.selectFrom(SIGNING_KEY).where(SIGNING_KEY.ID.eq(id)).fetchSingle();
			assertThat(row.getEncrypted()).isTrue();
			assertThat(row.getSecret()).isNotEqualTo(plain).doesNotContain(plain);
			assertThat(this.tenant.bean(KeyEncryption.class).decrypt(id, row.getSecret())).isEqualTo(secret);
			// a token it signed before keys had ids (no kid) still verifies
			SigningKeys.Key key = new SigningKeys.Key(id, new SecretKeySpec(secret, "HmacSHA256"),
					Instant.parse("2020-01-01T00:00:00Z"), null);
			String token = signed(key, false,
					adminClaims(this.clock.instant().plusSeconds(3600).getEpochSecond(), "restapi", List.of("read")));
			assertThat(anonymous().as("Bearer " + token).get(this.tenant.path("/me")).status()).isEqualTo(200);
			// the newest key still signs
			assertThat(keys().signing().id()).isNotEqualTo(id);
		}
		finally {
			dsl.deleteFrom(SIGNING_KEY).where(SIGNING_KEY.ID.eq(id)).execute();
			keys().reload();
		}
	}

	@Test
	void aKeyEncryptedUnderAnotherKeyEncryptionKeyStopsTheNodesStartNamingTheSetting() throws Exception {
		DSLContext dsl = this.tenant.bean(DSLContext.class);
		String id = "foreign-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] otherKey = new byte[32];
		new java.security.SecureRandom().nextBytes(otherKey);
		KeyEncryption other = new KeyEncryption(Base64.getEncoder().encodeToString(otherKey), "target");
		// a retired key that another node, started with another key-encryption key,
		// stored
		dsl.insertInto(SIGNING_KEY)
			.set(SIGNING_KEY.ID, id)
			.set(SIGNING_KEY.SECRET, other.encrypt(id, new byte[32]))
			.set(SIGNING_KEY.ENCRYPTED, true)
			.set(SIGNING_KEY.CREATED, Instant.parse("2020-01-01T00:00:00Z"))
			.set(SIGNING_KEY.RETIRED, Instant.parse("2020-01-02T00:00:00Z"))
			.execute();
		try {
			assertThatIllegalStateException().isThrownBy(() -> keys().afterSingletonsInstantiated())
				.withMessageContaining("[" + id + "]")
				.withMessageContaining("vetbill.security.key-encryption-key");
			// a running node leaves the key out and goes on signing and verifying
			assertThat(keys().all()).extracting(SigningKeys.Key::id).doesNotContain(id);
			assertThat(this.tenant.api.get(this.tenant.path("/me")).status()).isEqualTo(200);
		}
		finally {
			dsl.deleteFrom(SIGNING_KEY).where(SIGNING_KEY.ID.eq(id)).execute();
			keys().reload();
		}
		keys().afterSingletonsInstantiated();
	}

	// ---------------------------------------------------------------- revocation

	@Test
	void aDeactivatedApiClientsTokenIsRefusedAtOnce() {
		IssuedClient client = client("erp-leaving", "read", "billing");
		Api api = bearer(tokenRequest(client.form(null)));
		assertThat(api.get(cloud(this.tenant, "invoice/")).status()).isEqualTo(200);
		ApiResponse deactivated = this.tenant.api.post(this.tenant.path("/api-clients/" + client.id() + "/deactivate"),
				null);
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertInvalidToken(api.get(this.tenant.path("/me")));
		ApiResponse cloudRefused = api.get(cloud(this.tenant, "invoice/"));
		assertThat(cloudRefused.status()).isEqualTo(401);
		assertThat(cloudRefused.raw()).isEqualTo("{\"detail\":\"Invalid token.\"}");
		assertThat(api.get("/invoice/").status()).isEqualTo(401);
	}

	@Test
	void aUsersTokenLosesAPermissionTakenFromTheUserAtOnceAndEverythingWhenTheUserIsDisabled() {
		String username = "clerk-" + this.tenant.provetId;
		ApiResponse created = this.tenant.api.post(this.tenant.path("/users"),
				Map.of("username", username, "display_name", "Clerk", "password", "correct horse battery",
						"permissions", List.of("read", "settings")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api api = bearer(tokenRequest("grant_type=password&username=" + username + "&password=correct+horse+battery"));
		assertThat(api.get(this.tenant.path("/users")).status()).isEqualTo(200);

		DSLContext dsl = this.tenant.bean(DSLContext.class);
		dsl.update(APP_USER)
			.set(APP_USER.PERMISSIONS, "read")
			.where(APP_USER.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(APP_USER.USERNAME.eq(username))
			.execute();
		assertThat(api.get(this.tenant.path("/users")).status()).isEqualTo(403);
		assertThat(api.get(this.tenant.path("/me")).get("permissions").toString()).isEqualTo("[\"read\"]");
		assertThat(api.get(cloud(this.tenant, "invoice/")).status()).isEqualTo(200);
		// a permission given later is not in a token issued before
		dsl.update(APP_USER)
			.set(APP_USER.PERMISSIONS, "billing,read,settings")
			.where(APP_USER.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(APP_USER.USERNAME.eq(username))
			.execute();
		assertThat(api.get(this.tenant.path("/me")).get("permissions").toString()).isEqualTo("[\"read\",\"settings\"]");

		dsl.update(APP_USER)
			.set(APP_USER.ACTIVE, false)
			.where(APP_USER.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(APP_USER.USERNAME.eq(username))
			.execute();
		assertInvalidToken(api.get(this.tenant.path("/me")));
		assertThat(api.get("/invoice/").status()).isEqualTo(401);
	}

}
