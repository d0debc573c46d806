package org.vetbill.shared.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * U+0000 (NUL) in a JSON string or a form field is refused with a 400 naming the field,
 * in the API's own error format, and nothing is stored: PostgreSQL cannot store it (which
 * was answered as a 409 conflict) and vetbill's own API stored it as empty text.
 */
class NulCharacterIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	@Test
	void theCloudApiRefusesNulInJsonAndFormsNamingTheField() {
		ApiResponse json = this.tenant.api.post(cloud("client/"),
				Map.of("firstname", "Mat\u0000ti", "lastname", "Meikäläinen"));
		assertThat(json.status()).as(json.toString()).isEqualTo(400);
		assertThat(json.raw()).isEqualTo("{\"firstname\":[\"may not contain the NUL character\"]}");
		ApiResponse nested = this.tenant.api.post(cloud("client/"),
				Map.of("firstname", "Matti", "lastname", "M", "phone_numbers", List.of(Map.of("number", "0\u00001"))));
		assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
		assertThat(nested.raw()).isEqualTo("{\"phone_numbers[0].number\":[\"may not contain the NUL character\"]}");
		ApiResponse form = this.tenant.api.postForm(cloud("client/"), "firstname=Mat%00ti&lastname=M");
		assertThat(form.status()).as(form.toString()).isEqualTo(400);
		assertThat(form.raw()).isEqualTo("{\"firstname\":[\"may not contain the NUL character\"]}");
		assertThat(this.tenant.api.get(cloud("client/?firstname=Matti")).get("count").asLong()).isZero();
	}

	@Test
	void vetbillsOwnApiRefusesNulRatherThanStoringOtherText() {
		ApiResponse response = this.tenant.api.post(this.tenant.path("/suppliers"), Map.of("name", "Vet\u0000Supply"));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.raw())
			.contains("\"errors\":[{\"field\":\"name\",\"message\":\"may not contain the NUL character\"}]");
		assertThat(this.tenant.api.get(this.tenant.path("/suppliers")).raw()).doesNotContain("Vet");
	}

}
