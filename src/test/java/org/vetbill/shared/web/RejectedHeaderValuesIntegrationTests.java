package org.vetbill.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vetbill.fuzz.FuzzRequest;
import org.vetbill.fuzz.RawHttp;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A header value the security firewall refuses (here a C1 control character), read by a
 * handler, is a 400 naming the header in the API's error format, not a 500 (found by the
 * fuzzer).
 */
class RejectedHeaderValuesIntegrationTests extends IntegrationTest {

	@Test
	void aControlCharacterInIfMatchIsA400NamingIt() {
		TestTenant tenant = newTenant();
		ApiResponse draft = tenant.api.post(tenant.path("/invoices"), Map.of("department_id", tenant.department, "rows",
				List.of(Map.of("item_id", tenant.consultationItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		String authorization = tenant.api.request("/").build().headers().firstValue("Authorization").orElseThrow();

		RawHttp.Answer answer = send("PATCH", tenant.path("/invoices/" + draft.id()), Map.of("Authorization",
				authorization, "If-Match", "a\u0085b", "Content-Type", "application/merge-patch+json"),
				"{\"remarks\": \"x\"}");

		assertThat(answer.status()).as(answer.text(500)).isEqualTo(400);
		assertThat(answer.text(500)).contains("invalid_input").contains("\"field\":\"If-Match\"");
	}

	@Test
	void aConnectHeaderWithBytesThatAreNotIso88591IsA400NamingIt() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Api-Version", "1");
		headers.put("Client", "test");
		headers.put("Practice", "Kl\u0089nik");
		headers.put("User", "me");

		RawHttp.Answer answer = send("GET", "/connect/invoices", headers, null);

		assertThat(answer.status()).as(answer.text(500)).isEqualTo(400);
		assertThat(answer.text(500)).contains("Practice");
	}

	@Test
	void aControlCharacterInAnIdempotencyKeyIsA400NamingItWithNothingPaid() {
		TestTenant tenant = newTenant();
		String authorization = tenant.api.request("/").build().headers().firstValue("Authorization").orElseThrow();

		RawHttp.Answer answer = send(
				"POST", tenant.path("/invoices"), Map.of("Authorization", authorization, "Idempotency-Key",
						"key\u0085one", "Content-Type", "application/json"),
				"{\"department_id\": " + tenant.department + ", \"rows\": []}");

		assertThat(answer.status()).as(answer.text(500)).isEqualTo(400);
		assertThat(answer.text(500)).contains("invalid_input").contains("\"field\":\"Idempotency-Key\"");
		assertThat(tenant.api.get(tenant.path("/invoices")).body().path("items").size()).isZero();
	}

	private RawHttp.Answer send(String method, String path, Map<String, String> headers, String body) {
		try (RawHttp http = new RawHttp("http://localhost:" + this.port, 30_000)) {
			return http.send(new FuzzRequest(method, path, headers,
					(body == null) ? null : body.getBytes(StandardCharsets.UTF_8), "test"));
		}
	}

}
