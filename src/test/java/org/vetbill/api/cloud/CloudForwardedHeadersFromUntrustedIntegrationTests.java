package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers from an address that is not a trusted proxy are ignored: here only
 * 192.0.2.1 is trusted, so the tests' own requests, from the loopback, come from an
 * untrusted client, and every link stays on the address it connected to.
 */
@TestPropertySource(properties = "vetbill.web.trusted-proxies=192.0.2.1")
class CloudForwardedHeadersFromUntrustedIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.tenant.bean(VatGroups.class)
			.create(this.tenant.caller, new VatGroupDetails("0%", BigDecimal.ZERO, null, false));
	}

	@Test
	void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
		long invoice = CloudForwardedHeadersIntegrationTests.invoice(this.tenant);
		String base = this.tenant.api.baseUrl() + "/" + this.tenant.provetId + "/api/0.1/";
		for (Map<String, String> headers : CloudForwardedHeadersIntegrationTests.TLS_PROXY_ON_PORT_8443) {
			assertThat(CloudForwardedHeadersIntegrationTests.get(this.tenant, "vatgroup/?page_size=1&page=2", headers)
				.raw()).as(headers.toString())
				.isEqualTo(CloudForwardedHeadersIntegrationTests.vatGroupPage(base, this.tenant.vat10));
			JsonNode detail = CloudForwardedHeadersIntegrationTests
				.get(this.tenant, "invoice/" + invoice + "/?expose_client", headers)
				.body();
			assertThat(CloudForwardedHeadersIntegrationTests.links(detail)).as(headers.toString())
				.hasSizeGreaterThan(4)
				.allMatch((link) -> link.startsWith(base));
		}
	}

}
