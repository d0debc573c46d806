package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cloud API behind a TLS-terminating proxy on a port of its own: a request that comes
 * from a trusted proxy (the tests connect from the loopback, trusted by default) is
 * answered with every link ({@code next}, {@code previous}, {@code url}, relations) on
 * the scheme, host and port the proxy forwarded, whether as {@code X-Forwarded-*} or as
 * RFC 7239 {@code Forwarded}. {@link CloudForwardedHeadersFromUntrustedIntegrationTests}
 * shows the same headers from any other address ignored.
 */
class CloudForwardedHeadersIntegrationTests extends IntegrationTest {

	static final String PROXIED = "https://erp.example:8443";

	/** The same proxy, told in each of the ways a proxy tells it. */
	static final List<Map<String, String>> TLS_PROXY_ON_PORT_8443 = List.of(
			Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "erp.example:8443"),
			Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "erp.example", "X-Forwarded-Port", "8443"),
			Map.of("Forwarded", "proto=https;host=\"erp.example:8443\""),
			Map.of("Forwarded", "for=192.0.2.60;proto=https;host=\"erp.example:8443\", for=127.0.0.1"));

	private TestTenant tenant;

	private long vat0;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.vat0 = this.tenant.bean(VatGroups.class)
			.create(this.tenant.caller, new VatGroupDetails("0%", BigDecimal.ZERO, null, false))
			.id();
	}

	@Test
	void everyLinkKeepsTheSchemeHostAndPortATrustedProxyForwards() {
		long invoice = invoice(this.tenant);
		for (Map<String, String> headers : TLS_PROXY_ON_PORT_8443) {
			String base = PROXIED + "/" + this.tenant.provetId + "/api/0.1/";
			ApiResponse page = get(this.tenant, "vatgroup/?page_size=1&page=2", headers);
			assertThat(page.raw()).as(headers.toString()).isEqualTo(vatGroupPage(base, this.tenant.vat10));
			JsonNode detail = get(this.tenant, "invoice/" + invoice + "/", headers).body();
			assertThat(detail.path("url").asString()).isEqualTo(base + "invoice/" + invoice + "/");
			assertThat(detail.path("client").asString()).isEqualTo(base + "client/" + this.tenant.client + "/");
			assertThat(links(detail)).as(headers.toString())
				.hasSizeGreaterThan(4)
				.allMatch((link) -> link.startsWith(base));
			JsonNode exposed = get(this.tenant, "invoice/?expose_client&expose_invoice_row", headers).body();
			assertThat(links(exposed)).hasSizeGreaterThan(8).allMatch((link) -> link.startsWith(base));
		}
		// the default port of the scheme is left out
		ApiResponse defaultPort = get(this.tenant, "vatgroup/?page_size=1&page=2",
				Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "erp.example"));
		assertThat(defaultPort.raw())
			.isEqualTo(vatGroupPage("https://erp.example/" + this.tenant.provetId + "/api/0.1/", this.tenant.vat10));
		// without forwarded headers, links are on the address the client connected to
		assertThat(get(this.tenant, "vatgroup/?page_size=1&page=2", Map.of()).raw()).isEqualTo(
				vatGroupPage(this.tenant.api.baseUrl() + "/" + this.tenant.provetId + "/api/0.1/", this.tenant.vat10));
	}

	/** Page 2 of the tenant's three VAT groups, one a page, with links on a base. */
	static String vatGroupPage(String base, long vat10) {
		return "{\"count\":3,\"num_pages\":3,\"next\":\"" + base + "vatgroup/?page_size=1&page=3\",\"previous\":\""
				+ base + "vatgroup/?page_size=1\",\"results\":[{\"id\":" + vat10 + ",\"url\":\"" + base + "vatgroup/"
				+ vat10 + "/\",\"title\":\"10%\",\"percentage\":10.0,\"account_number\":\"2931\",\"archived\":false,"
				+ "\"created\":\"2026-11-21T12:00:00+02:00\",\"modified\":\"2026-11-21T12:00:00+02:00\"}]}";
	}

	static long invoice(TestTenant tenant) {
		ApiResponse draft = tenant.api.post(tenant.path("/invoices"), Map.of("department_id", tenant.department,
				"client_id", tenant.client, "rows",
				List.of(Map.of("item_id", tenant.consultationItem, "quantity", 1, "patient_id", tenant.patient))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = tenant.api.post(tenant.path("/invoices/" + draft.id() + "/finalize"), null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	static ApiResponse get(TestTenant tenant, String path, Map<String, String> headers) {
		ApiResponse response = tenant.api.get("/" + tenant.provetId + "/api/0.1/" + path, headers);
		assertThat(response.status()).as(path + " " + headers + " -> " + response).isEqualTo(200);
		return response;
	}

	/** Every absolute URL in a body, at any depth. */
	static List<String> links(JsonNode node) {
		List<String> links = new ArrayList<>();
		collect(node, links);
		return links;
	}

	private static void collect(JsonNode node, List<String> links) {
		if (node.isString() && node.asString().startsWith("http")) {
			links.add(node.asString());
		}
		node.forEach((child) -> collect(child, links));
	}

}
