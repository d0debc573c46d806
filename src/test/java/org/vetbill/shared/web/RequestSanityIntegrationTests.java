package org.vetbill.shared.web;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no handler could read safely are refused in the API's own error format, never
 * with a 500: broken or nameless query parameters, wildcard content types, and a direct
 * request for the error page.
 */
class RequestSanityIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private String own(String path) {
		return "/" + this.tenant.provetId + "/vetbill/v1/" + path;
	}

	private static void assertAnswer(ApiResponse response, int status, String body) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.raw()).isEqualTo(body);
	}

	@Test
	void queryParameterNamesWithControlCharactersOrNoNameAreRefusedNamingThem() {
		assertAnswer(this.tenant.api.get(cloud("invoice/?%1F=1")), 400,
				"{\"%1F\":[\"a parameter name may not contain control characters or unassigned characters\"]}");
		assertAnswer(this.tenant.api.get(cloud("invoice/?%CD%B8=1")), 400,
				"{\"%CD%B8\":[\"a parameter name may not contain control characters or unassigned characters\"]}");
		assertAnswer(this.tenant.api.get(cloud("invoice/?=1")), 400, "{\"\":[\"a query parameter needs a name\"]}");
		assertThat(this.tenant.api.get(own("invoices?%1F=1")).raw()).contains("\"field\":\"%1F\"");
	}

	@Test
	void invalidUtf8OrNulInTheQueryIsRefusedNamingTheParameter() {
		assertAnswer(this.tenant.api.get(cloud("invoice/?status=%FF")), 400,
				"{\"status\":[\"is not valid percent-encoded UTF-8\"]}");
		assertAnswer(this.tenant.api.get(cloud("invoice/?remarks=a%00b")), 400,
				"{\"remarks\":[\"may not contain the NUL character\"]}");
		ApiResponse token = this.tenant.api.postForm("/" + this.tenant.provetId + "/oauth2/token/?grant_type=%FF",
				"grant_type=x");
		assertAnswer(token, 400, "{\"error\":\"invalid_request\",\"error_description\":\"parameter 'grant_type' is "
				+ "not valid percent-encoded UTF-8\"}");
		// a good query still works, with its encoded characters
		assertThat(this.tenant.api.get(cloud("invoice/?remarks__icontains=%C3%A4")).status()).isEqualTo(200);
	}

	@Test
	void unreadableFormsOnBothTokenEndpointsAreOAuthErrorsNamingTheParameter() {
		for (String endpoint : java.util.List.of("/" + this.tenant.provetId + "/oauth2/token/", "/token")) {
			assertAnswer(anonymous().postForm(endpoint, "grant_type=%FF"), 400,
					oauth("parameter 'grant_type' is not valid percent-encoded UTF-8"));
			assertAnswer(anonymous().postForm(endpoint, "grant_type=password&username=a%00b&password=x"), 400,
					oauth("parameter 'username' may not contain the NUL character"));
			assertAnswer(anonymous().postForm(endpoint, "grant_type=password&%1F=1"), 400,
					oauth("parameter '%1F' a parameter name may not contain control characters or unassigned "
							+ "characters"));
			assertAnswer(anonymous().postForm(endpoint, "=1&grant_type=password"), 400,
					oauth("parameter '' a query parameter needs a name"));
			assertAnswer(anonymous().postForm(endpoint, "grant_type=%zz"), 400,
					oauth("parameter 'grant_type' is not valid percent-encoded UTF-8"));
			assertAnswer(
					anonymous().send(anonymous().request(endpoint)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 'a', '=', (byte) 0xC3, '(' }))),
					400, oauth("the form body is not valid UTF-8"));
		}
		// a multipart body, which the revocation endpoint also reads, with a NUL in a
		// value (a 503 from PostgreSQL before)
		for (String endpoint : java.util.List.of("/" + this.tenant.provetId + "/oauth2/revoke_token/",
				"/" + this.tenant.provetId + "/oauth2/token/")) {
			String boundary = "vetbill-boundary";
			String multipart = "--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\na\0b\r\n--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nx\r\n--" + boundary + "--\r\n";
			assertAnswer(
					anonymous().send(anonymous().request(endpoint)
						.header("Content-Type", "multipart/form-data; boundary=" + boundary)
						.POST(HttpRequest.BodyPublishers.ofString(multipart))),
					400, oauth("parameter 'client_id' may not contain the NUL character"));
		}
		// sound forms still reach the endpoints, encoded characters and all
		ApiResponse wrong = anonymous().postForm("/token", "username=%C3%A4iti&password=x");
		assertAnswer(wrong, 400, "{\"detail\":\"Incorrect username or password\"}");
		ApiResponse unknown = anonymous().postForm("/" + this.tenant.provetId + "/oauth2/token/",
				"grant_type=password&username=%C3%A4iti&password=x");
		assertAnswer(unknown, 400, oauthError("invalid_grant", "wrong username or password"));
	}

	@Test
	void unreadableParametersOnTheAuthorizationPageAreA400Page() {
		String page = "/" + this.tenant.provetId + "/oauth2/authorize/";
		for (String form : java.util.List.of("client_id=%zz", "a=%FF&client_id=x", "x")) {
			ApiResponse posted = anonymous().postForm(page, form);
			assertThat(posted.status()).as(form + ": " + posted).isIn(400, 403);
		}
		ApiResponse shown = anonymous().get(page + "?client_id=%FF&response_type=code");
		assertThat(shown.status()).as(shown.toString()).isEqualTo(400);
		String many = "a=1&".repeat(1500) + "response_type=code";
		ApiResponse crowded = anonymous().get(page + "?" + many);
		assertThat(crowded.status()).as(crowded.toString()).isEqualTo(400);
		ApiResponse crowdedForm = anonymous().postForm(page, many);
		assertThat(crowdedForm.status()).as(crowdedForm.toString()).isIn(400, 403);
	}

	private static String oauth(String description) {
		return oauthError("invalid_request", description);
	}

	private static String oauthError(String error, String description) {
		return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
	}

	@Test
	void aWildcardContentTypeIs415() {
		ApiResponse response = this.tenant.api.send(this.tenant.api.request(cloud("invoicepayment/"))
			.header("Content-Type", "*/*")
			.POST(HttpRequest.BodyPublishers.ofString("{\"invoice\": 1, \"payment_type\": 0, \"paid\": \"1.00\"}")));
		assertAnswer(response, 415, "{\"detail\":\"content type */* is not supported; send application/json\"}");
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFound() {
		ApiResponse response = this.tenant.api.get("/error");
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
	}

}
