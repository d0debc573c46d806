package org.vetbill.api.cloud;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form bodies the Cloud API cannot read (a field without a value, a broken percent
 * escape) are 400s in DRF's format naming what is wrong, never 500s.
 */
class CloudFormBodyIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	private String path;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.path = "/" + this.tenant.provetId + "/api/0.1/settings/department/" + this.tenant.department + "/";
	}

	private ApiResponse send(String method, String contentType, String body) {
		return this.tenant.api.send(this.tenant.api.request(this.path)
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	@Test
	void unreadableFormBodiesOnTheDepartmentSettingsAre400s() {
		for (String method : new String[] { "PATCH", "PUT" }) {
			ApiResponse bare = send(method, "application/x-www-form-urlencoded", "x");
			assertThat(bare.status()).as(method + ": " + bare).isEqualTo(400);
			assertThat(bare.raw()).isEqualTo("{\"x\":[\"A form field needs a value: send x=value.\"]}");
			ApiResponse broken = send(method, "application/x-www-form-urlencoded", "a=%zz");
			assertThat(broken.status()).as(method + ": " + broken).isEqualTo(400);
			assertThat(broken.raw())
				.isEqualTo("{\"body\":[\"the form body is not valid percent-encoded UTF-8 (name=value&name=value)\"]}");
		}
	}

}
