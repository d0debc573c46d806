package org.vetbill.api.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code settings/department/<id>/} over real HTTP: the financial period lock as the ERP
 * guide describes it, with the automatic lock advancing on the application's clock.
 */
class CloudDepartmentSettingsIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	private String path;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.path = "/" + this.tenant.provetId + "/api/0.1/settings/department/" + this.tenant.department + "/";
	}

	private JsonNode read() {
		return read(this.tenant.freshApi());
	}

	private JsonNode read(Api api) {
		ApiResponse response = api.get(this.path);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private ApiResponse patch(Object body) {
		return this.tenant.freshApi().patch(this.path, body);
	}

	private String lockOn(String instant) {
		this.clock.set(instant);
		return read().path("financial_period_lock_date").asString();
	}

	@Test
	void settingsHaveTheDocumentedFields() {
		JsonNode settings = read();
		assertThat(new ArrayList<>(settings.propertyNames())).containsExactly("id", "url", "department",
				"financial_period_lock_date", "automatic_financial_period_lock_enabled",
				"automatic_financial_period_lock_monthday", "payment_cancel_set_date", "modified");
		assertThat(settings.path("url").asString()).isEqualTo("http://localhost:" + this.port + this.path);
		assertThat(settings.path("department").asString())
			.endsWith("/api/0.1/department/" + this.tenant.department + "/");
		assertThat(settings.path("financial_period_lock_date").isNull()).isTrue();
		assertThat(settings.path("automatic_financial_period_lock_enabled").asBoolean()).isFalse();
		assertThat(settings.path("automatic_financial_period_lock_monthday").isNull()).isTrue();
		assertThat(settings.path("payment_cancel_set_date").asBoolean()).isFalse();
		assertThat(settings.path("id").asLong()).isEqualTo(this.tenant.department);
		ApiResponse all = this.tenant.freshApi().get("/" + this.tenant.provetId + "/api/0.1/settings/department/");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().path("count").asLong()).isEqualTo(1);
		assertThat(all.body().path("results").get(0).path("id").asLong()).isEqualTo(this.tenant.department);
	}

	@Test
	void theLockDateIsSetByPatchInJsonOrAsAForm() {
		ApiResponse json = patch(Map.of("financial_period_lock_date", "2026-10-01"));
		assertThat(json.status()).as(json.toString()).isEqualTo(200);
		assertThat(json.get("financial_period_lock_date").asString()).isEqualTo("2026-10-01");
		ApiResponse form = this.tenant.freshApi()
			.send(this.tenant.freshApi()
				.request(this.path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.method("PATCH", java.net.http.HttpRequest.BodyPublishers
					.ofString("payment_cancel_set_date=true&financial_period_lock_date=2026-11-01")));
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		JsonNode settings = read();
		assertThat(settings.path("financial_period_lock_date").asString()).isEqualTo("2026-11-01");
		assertThat(settings.path("payment_cancel_set_date").asBoolean()).isTrue();
		ApiResponse cleared = patch(java.util.Collections.singletonMap("financial_period_lock_date", null));
		assertThat(cleared.get("financial_period_lock_date").isNull()).isTrue();
		JsonNode readBack = read();
		ApiResponse put = this.tenant.freshApi()
			.send(this.tenant.freshApi()
				.request(this.path)
				.header("Content-Type", "application/json")
				.method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString(readBack.toString())));
		assertThat(put.status()).as("a PUT of what was read changes nothing: " + put).isEqualTo(200);
	}

	@Test
	void whileTheAutomaticLockIsOnTheDateCannotBePatched() {
		ApiResponse on = patch(
				Map.of("automatic_financial_period_lock_enabled", true, "automatic_financial_period_lock_monthday", 5));
		assertThat(on.status()).as(on.toString()).isEqualTo(200);
		assertThat(on.get("financial_period_lock_date").asString()).isEqualTo("2026-11-01");
		ApiResponse refused = patch(Map.of("financial_period_lock_date", "2026-06-01"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(new ArrayList<>(refused.body().propertyNames())).containsExactly("financial_period_lock_date");
		assertThat(refused.body().path("financial_period_lock_date").get(0).asString())
			.contains("managed automatically");
		assertThat(read().path("financial_period_lock_date").asString()).isEqualTo("2026-11-01");
		ApiResponse sameDate = patch(
				Map.of("financial_period_lock_date", "2026-11-01", "payment_cancel_set_date", true));
		assertThat(sameDate.status()).as(sameDate.toString()).isEqualTo(200);

		ApiResponse off = patch(Map.of("automatic_financial_period_lock_enabled", false));
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertThat(off.get("financial_period_lock_date").asString())
			.as("turning the automatic lock off keeps the date it reached")
			.isEqualTo("2026-11-01");
		assertThat(lockOn("2027-03-10T10:00:00Z")).isEqualTo("2026-11-01");
		ApiResponse manual = patch(Map.of("financial_period_lock_date", "2027-01-01"));
		assertThat(manual.get("financial_period_lock_date").asString()).isEqualTo("2027-01-01");
	}

	@Test
	void theAutomaticLockAdvancesOnItsDayClosingThePreviousMonth() {
		patch(Map.of("automatic_financial_period_lock_enabled", true, "automatic_financial_period_lock_monthday", 5));
		assertThat(lockOn("2026-12-04T10:00:00Z")).isEqualTo("2026-11-01");
		assertThat(lockOn("2026-12-05T10:00:00Z")).isEqualTo("2026-12-01");
		assertThat(lockOn("2027-01-04T21:00:00Z")).as("the day is the organization's: 23:00 in Helsinki")
			.isEqualTo("2026-12-01");
		assertThat(lockOn("2027-01-04T22:30:00Z")).as("00:30 on the 5th in Helsinki").isEqualTo("2027-01-01");
	}

	@Test
	void inMonthsShorterThanTheMonthdayTheLockAdvancesOnTheLastDay() {
		this.clock.set("2027-01-10T10:00:00Z");
		patch(Map.of("automatic_financial_period_lock_enabled", true, "automatic_financial_period_lock_monthday", 31));
		assertThat(lockOn("2027-01-30T10:00:00Z")).isEqualTo("2026-12-01");
		assertThat(lockOn("2027-01-31T10:00:00Z")).isEqualTo("2027-01-01");
		assertThat(lockOn("2027-02-27T10:00:00Z")).isEqualTo("2027-01-01");
		assertThat(lockOn("2027-02-28T10:00:00Z")).isEqualTo("2027-02-01");
		assertThat(lockOn("2027-04-29T10:00:00Z")).isEqualTo("2027-03-01");
		assertThat(lockOn("2027-04-30T10:00:00Z")).isEqualTo("2027-04-01");
		patch(Map.of("automatic_financial_period_lock_monthday", 29));
		assertThat(lockOn("2028-02-28T10:00:00Z")).as("leap year: February has a 29th").isEqualTo("2028-01-01");
		assertThat(lockOn("2028-02-29T10:00:00Z")).isEqualTo("2028-02-01");
		patch(Map.of("automatic_financial_period_lock_monthday", 30));
		assertThat(lockOn("2029-02-27T10:00:00Z")).isEqualTo("2029-01-01");
		assertThat(lockOn("2029-02-28T10:00:00Z")).isEqualTo("2029-02-01");
		assertThat(lockOn("2029-12-30T10:00:00Z")).isEqualTo("2029-12-01");
	}

	@Test
	void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
		JsonNode before = read();
		List<Map<String, Object>> bad = List.of(Map.of("automatic_financial_period_lock_monthday", 32),
				Map.of("automatic_financial_period_lock_enabled", true),
				Map.of("financial_period_lock_date", "2026-02-30"), Map.of("colour", "red"),
				Map.of("payment_cancel_set_date", "perhaps"));
		List<String> fields = List.of("automatic_financial_period_lock_monthday",
				"automatic_financial_period_lock_monthday", "financial_period_lock_date", "colour",
				"payment_cancel_set_date");
		for (int i = 0; i < bad.size(); i++) {
			ApiResponse response = patch(bad.get(i));
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(new ArrayList<>(response.body().propertyNames())).as(response.toString())
				.containsExactly(fields.get(i));
		}
		assertThat(read()).isEqualTo(before);
		ApiResponse readOnly = this.tenant.apiWith("read").patch(this.path, Map.of("payment_cancel_set_date", true));
		assertThat(readOnly.status()).isEqualTo(403);
		assertThat(read()).isEqualTo(before);
	}

}
