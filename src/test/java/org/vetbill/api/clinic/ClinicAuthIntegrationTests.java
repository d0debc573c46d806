package org.vetbill.api.clinic;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetbill.shared.db.Tables.APP_USER;

/**
 * The Clinic API's authentication over real HTTP: FastAPI's OAuth2 password flow at
 * {@code /token}, where the user's organization decides the tenant (a username used in
 * several organizations signs in as {@code <provet_id>/<username>}), and the FastAPI
 * error bodies of the token endpoint and of requests without valid credentials.
 */
class ClinicAuthIntegrationTests extends IntegrationTest {

	private static final String INCORRECT = "{\"detail\":\"Incorrect username or password\"}";

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = newTenant();
	}

	// ---------------------------------------------------------------- helpers

	private ApiResponse token(String form) {
		return anonymous().postForm("/token", form);
	}

	private static void createUser(TestTenant tenant, String username, String password, String... permissions) {
		ApiResponse response = tenant.api.post(tenant.path("/users"), Map.of("username", username, "display_name",
				"User " + username, "password", password, "permissions", List.of(permissions)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	/**
	 * The client holding the token of a successful answer, which has exactly the two
	 * fields FastAPI's tutorial answers.
	 */
	private Api signedIn(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.header("Cache-Control")).hasValue("no-store");
		String token = response.get("access_token").asString();
		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		assertThat(response.raw()).isEqualTo("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}");
		return anonymous().as("Bearer " + token);
	}

	/**
	 * Asserts that a client acts as a user of an organization: its token reads that
	 * organization's Cloud API and names the user, and reads no other organization.
	 */
	private void assertActsAs(Api api, TestTenant tenant, String username) {
		ApiResponse invoices = api.get("/" + tenant.provetId + "/api/0.1/invoice/");
		assertThat(invoices.status()).as(invoices.toString()).isEqualTo(200);
		assertThat(invoices.get("count").asLong()).isZero();
		ApiResponse me = api.get(tenant.path("/me"));
		assertThat(me.get("provet_id").asString()).isEqualTo(tenant.provetId);
		assertThat(me.get("actor").asString()).isEqualTo("user:" + username);
	}

	private static void assertExactly(ApiResponse response, int status, String body) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.raw()).isEqualTo(body);
	}

	private static String missing(String... fields) {
		StringBuilder body = new StringBuilder("{\"detail\":[");
		for (int i = 0; i < fields.length; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"loc\":[\"body\",\"")
				.append(fields[i])
				.append("\"],\"msg\":\"Field required\",\"type\":\"missing\"}");
		}
		return body.append("]}").toString();
	}

	// ---------------------------------------------------------------- the token

	@Test
	void aUsersPasswordGivesABearerTokenForTheUsersOrganization() {
		String username = "desk-" + this.tenant.provetId;
		createUser(this.tenant, username, "correct horse battery", "read", "billing");
		TestTenant other = newTenant();

		Api desk = signedIn(token("username=" + username + "&password=correct+horse+battery"));
		assertActsAs(desk, this.tenant, username);
		// the token is the organization's: another organization's paths do not exist for
		// it
		assertThat(desk.get("/" + other.provetId + "/api/0.1/invoice/").status()).isEqualTo(404);
		// the user's permissions apply
		assertThat(desk.get(this.tenant.path("/users")).status()).isEqualTo(403);

		// FastAPI's form also takes grant_type=password, scope, client_id and
		// client_secret
		assertActsAs(
				signedIn(token("grant_type=password&username=" + username
						+ "&password=correct+horse+battery&scope=invoices+me&client_id=app&client_secret=s")),
				this.tenant, username);
		// with a trailing slash, as a multipart form, and with the organization named
		assertActsAs(
				signedIn(anonymous().postForm("/token/", "username=" + username + "&password=correct+horse+battery")),
				this.tenant, username);
		String multipart = "--xyz\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n" + username
				+ "\r\n--xyz\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\ncorrect horse battery\r\n"
				+ "--xyz--\r\n";
		assertActsAs(signedIn(anonymous().send(anonymous().request("/token")
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.POST(HttpRequest.BodyPublishers.ofString(multipart)))), this.tenant, username);
		assertActsAs(
				signedIn(token(
						"username=" + this.tenant.provetId + "%2F" + username + "&password=correct+horse+battery")),
				this.tenant, username);
	}

	@Test
	void aWrongPasswordAnUnknownUserOrAnUnknownOrganizationIsRefusedAlike() {
		String username = "wrong-" + this.tenant.provetId;
		createUser(this.tenant, username, "correct horse battery", "read");

		assertExactly(token("username=" + username + "&password=wrong+horse+battery"), 400, INCORRECT);
		assertExactly(token("username=nobody-" + this.tenant.provetId + "&password=correct+horse+battery"), 400,
				INCORRECT);
		assertExactly(token("username=" + this.tenant.provetId + "%2F" + username + "&password=wrong"), 400, INCORRECT);
		assertExactly(token("username=9999999999%2F" + username + "&password=correct+horse+battery"), 400, INCORRECT);
		// the username is exact
		assertExactly(token("username=" + username.toUpperCase() + "&password=correct+horse+battery"), 400, INCORRECT);
	}

	@Test
	void aMissingUsernameOrPasswordIsAFastApiValidationError() {
		assertExactly(token("password=secret+password"), 422, missing("username"));
		assertExactly(token("username=someone"), 422, missing("password"));
		assertExactly(token(""), 422, missing("username", "password"));
		// an empty form field counts as not sent, as in FastAPI
		assertExactly(token("username=&password=secret+password"), 422, missing("username"));
		// only the form body counts: credentials in the URL are not read
		assertExactly(anonymous().postForm("/token?username=someone&password=secret+password", ""), 422,
				missing("username", "password"));
		// a JSON body is not a form
		assertExactly(anonymous().post("/token", Map.of("username", "someone", "password", "secret password")), 422,
				missing("username", "password"));
		// FastAPI's form takes only grant_type=password
		assertExactly(token("grant_type=client_credentials&username=someone&password=secret+password"), 422,
				"{\"detail\":[{\"loc\":[\"body\",\"grant_type\"],\"msg\":\"String should match pattern "
						+ "'^password$'\",\"type\":\"string_pattern_mismatch\"}]}");
		// only POST
		assertExactly(anonymous().get("/token"), 405, "{\"detail\":\"Method Not Allowed\"}");
	}

	@Test
	void aUsernameOfSeveralOrganizationsSignsInWithItsOrganizationNamed() {
		TestTenant other = newTenant();
		String shared = "shared-" + this.tenant.provetId;
		createUser(this.tenant, shared, "the same password", "read");
		createUser(other, shared, "the same password", "read");

		// the password matches in both: the organization must be named
		assertExactly(token("username=" + shared + "&password=the+same+password"), 400, "{\"detail\":\"The username '"
				+ shared + "' exists in several organizations: sign in as " + "<provet_id>/" + shared + "\"}");
		assertActsAs(signedIn(token("username=" + this.tenant.provetId + "/" + shared + "&password=the+same+password")),
				this.tenant, shared);
		assertActsAs(signedIn(token("username=" + other.provetId + "%2F" + shared + "&password=the+same+password")),
				other, shared);
		assertExactly(token("username=" + shared + "&password=another+password"), 400, INCORRECT);

		// with different passwords the password tells the organization
		String twin = "twin-" + this.tenant.provetId;
		createUser(this.tenant, twin, "the first password", "read");
		createUser(other, twin, "the second password", "read");
		assertActsAs(signedIn(token("username=" + twin + "&password=the+first+password")), this.tenant, twin);
		assertActsAs(signedIn(token("username=" + twin + "&password=the+second+password")), other, twin);
		assertExactly(token("username=" + this.tenant.provetId + "%2F" + twin + "&password=the+second+password"), 400,
				INCORRECT);
	}

	@Test
	void anInactiveUserGetsNoToken() {
		String username = "gone-" + this.tenant.provetId;
		createUser(this.tenant, username, "correct horse battery", "read");
		signedIn(token("username=" + username + "&password=correct+horse+battery"));

		this.tenant.bean(DSLContext.class)
			.update(APP_USER)
			.set(APP_USER.ACTIVE, false)
			.where(APP_USER.ORGANIZATION_ID.eq(this.tenant.organizationId))
			.and(APP_USER.USERNAME.eq(username))
			.execute();
		assertExactly(token("username=" + username + "&password=correct+horse+battery"), 400, INCORRECT);
		assertExactly(token("username=" + this.tenant.provetId + "%2F" + username + "&password=correct+horse+battery"),
				400, INCORRECT);
	}

	// ---------------------------------------------------------------- errors of the API

	@Test
	void withoutValidCredentialsTheInvoicesAnswerFastApis401() {
		String invoice = "/invoice/3fa85f64-5717-4562-b3fc-2c963f66afa6";
		for (String path : List.of("/invoice/", invoice)) {
			ApiResponse none = anonymous().get(path);
			assertExactly(none, 401, "{\"detail\":\"Not authenticated\"}");
			assertThat(none.response().headers().allValues("WWW-Authenticate")).containsExactly("Bearer");

			ApiResponse bad = anonymous().as("Bearer not-a-token").get(path);
			assertExactly(bad, 401, "{\"detail\":\"Could not validate credentials\"}");
			assertThat(bad.response().headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		}
		ApiResponse legacy = anonymous().as("Token no-such-key").post("/invoice/", Map.of());
		assertExactly(legacy, 401, "{\"detail\":\"Could not validate credentials\"}");
		assertThat(legacy.response().headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	@Test
	void aPathTheClinicApiDoesNotServeIsFastApisNotFound() {
		String username = "lost-" + this.tenant.provetId;
		createUser(this.tenant, username, "correct horse battery", "read");
		Api desk = signedIn(token("username=" + username + "&password=correct+horse+battery"));
		assertExactly(desk.get("/invoice/3fa85f64-5717-4562-b3fc-2c963f66afa6/no/such/thing"), 404,
				"{\"detail\":\"Not Found\"}");
	}

}
