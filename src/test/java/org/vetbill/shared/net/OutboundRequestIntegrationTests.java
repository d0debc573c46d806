package org.vetbill.shared.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default setting (no address allowed beyond the public ones), an import source
 * and a webhook may not point vetbill at an internal address: written as an address, the
 * URL is refused when it is saved, naming its field; written as a name that resolves to
 * one, nothing is sent when the time comes, and the source's error says why without any
 * part of what that address would have answered.
 */
class OutboundRequestIntegrationTests extends IntegrationTest {

	private static final String SECRET = "ami-id instance-id iam/security-credentials/admin-role";

	@DynamicPropertySource
	static void defaultOutboundSetting(DynamicPropertyRegistry registry) {
		registry.add("vetbill.outbound.allowed-addresses", () -> "");
	}

	private HttpServer internal;

	private final AtomicInteger hits = new AtomicInteger();

	private TestTenant tenant;

	@BeforeEach
	void startAnInternalService() throws IOException {
		this.tenant = newTenant();
		this.internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.internal.createContext("/", (exchange) -> {
			this.hits.incrementAndGet();
			byte[] body = SECRET.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(401, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.internal.start();
	}

	@AfterEach
	void stopIt() {
		this.internal.stop(0);
	}

	@Test
	void anImportSourceAtAnInternalAddressIsRefused() {
		String supplier = supplier();
		for (String address : List.of("127.0.0.1", "10.0.0.1", "169.254.169.254")) {
			ApiResponse refused = this.tenant.api.put(supplier + "/connect-source", source("http://" + address + "/c"));
			assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
			assertThat(refused.body().path("errors").findValuesAsString("field")).containsExactly("base_url");
			assertThat(refused.body().path("errors").findValuesAsString("message")).singleElement()
				.asString()
				.contains(address + " is internal");
		}

		// a name that resolves to the loopback is saved, but never connected to
		ApiResponse saved = this.tenant.api.put(supplier + "/connect-source",
				source("http://localhost:" + this.internal.getAddress().getPort() + "/c"));
		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
		ApiResponse run = this.tenant.api.post(supplier + "/connect-source/import", null);
		assertThat(run.status()).as(run.raw()).isEqualTo(200);
		assertThat(run.body().path("error").asString()).contains("is refused: vetbill does not connect to localhost")
			.contains("not a public address");

		Api readOnly = this.tenant.apiWith("read");
		JsonNode status = readOnly.get(supplier + "/connect-source").body();
		assertThat(status.path("last_error").asString()).contains("not a public address").doesNotContain("ami-id");
		assertThat(this.hits).hasValue(0);
	}

	@Test
	void aWebhookAtAnInternalAddressIsRefused() {
		String hooks = "/" + this.tenant.provetId + "/api/0.1/hook/webhook/";
		for (String address : List.of("127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]")) {
			ApiResponse refused = this.tenant.api.post(hooks, webhook("http://" + address + "/hook"));
			assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
			assertThat(refused.body().path("target_url").get(0).asString()).contains("is internal");
		}
		ApiResponse saved = this.tenant.api.post(hooks,
				webhook("http://localhost:" + this.internal.getAddress().getPort() + "/hook"));
		assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
		this.tenant.api.delete(hooks + saved.body().path("id").asLong() + "/");
	}

	private String supplier() {
		ApiResponse created = this.tenant.api.post("/" + this.tenant.provetId + "/vetbill/v1/suppliers",
				Map.of("name", "Wholesale"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return "/" + this.tenant.provetId + "/vetbill/v1/suppliers/" + created.body().path("id").asLong();
	}

	private static Map<String, Object> source(String url) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("base_url", url);
		source.put("client", "vetbill 1.0");
		source.put("client_auth", "key");
		source.put("user_auth", "token");
		source.put("practice", "Darwin Vets");
		source.put("user", "frontdesk");
		return source;
	}

	private static Map<String, Object> webhook(String url) {
		return Map.of("trigger", 12, "name", "internal", "target_url", url, "content_type", 2);
	}

}
