package org.vetbill.api.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read requests the two Cloud API seed documents show, replayed as written, and the
 * real API's example bodies compared key by key with vetbill's answers: the keys vetbill
 * does not write are exactly those the README lists.
 */
class CloudSeedExamplesIntegrationTests extends IntegrationTest {

	/**
	 * The fields of each example body vetbill does not write; the README lists them too.
	 */
	private static final Map<String, Set<String>> NOT_PROVIDED = Map.of("invoices__show.json", Set.of(),
			"invoice_rows__show.json", Set.of(), "clients__show.json", Set.of(), "patients__show.json", Set.of(),
			"departments__show.json", Set.of(), "vat_groups__show.json", Set.of(), "items__show.json", Set.of(),
			"consultations__show.json", Set.of(), "consultation_items__show.json", Set.of());

	private TestTenant tenant;

	private long invoice;

	private long consultation;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		ApiResponse created = this.tenant.api.post(this.tenant.path("/consultations"), Map.of("department_id",
				this.tenant.department, "client_id", this.tenant.client, "patient_id", this.tenant.patient));
		this.consultation = created.id();
		String path = this.tenant.path("/consultations/" + this.consultation);
		this.tenant.api.post(path + "/items", Map.of("item_id", this.tenant.consultationItem, "quantity", 1));
		this.tenant.api.post(path + "/items", Map.of("item_id", this.tenant.medicineItem, "quantity", 2));
		ApiResponse finalized = this.tenant.api.post(path + "/finalize", null);
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(201);
		this.invoice = finalized.id();
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	private JsonNode list(String pathAndQuery) {
		ApiResponse response = this.tenant.api.get(cloud(pathAndQuery));
		assertThat(response.status()).as(pathAndQuery + " -> " + response).isEqualTo(200);
		JsonNode body = response.body();
		assertThat(new ArrayList<>(body.propertyNames())).containsExactly("count", "num_pages", "next", "previous",
				"results");
		assertThat(body.path("count").isIntegralNumber()).isTrue();
		assertThat(body.path("num_pages").isIntegralNumber()).isTrue();
		assertThat(body.path("results").isArray()).isTrue();
		return body;
	}

	@Test
	void theReadRequestsOfTheBillingGuideAnswerAsDocumented() {
		assertInvoices(list("invoice/?status__is=3&modified__gte=2024-03-20T00:00:00"), 1);
		assertInvoices(list("invoice/?status__is=3"), 1);
		assertInvoices(list("invoice/?invoice_date__gte=2024-01-01"), 1);
		assertInvoices(list("invoice/?invoice_date__lte=2024-01-31"), 0);
		assertInvoices(list("invoice/?modified__gte=2024-03-01T00:00:00"), 1);
		assertInvoices(list("invoice/?date_paid__gte=2024-01-01"), 0);
		assertInvoices(list("invoice/?client__is=456"), 0);
		assertInvoices(list("invoice/?client__is=" + this.tenant.client), 1);
		assertInvoices(list("invoice/?department__is=1"), 0);
		assertInvoices(list("invoice/?department__is=" + this.tenant.department), 1);
		assertInvoices(list("invoice/?credit_note__is=true"), 0);
		assertInvoices(list("invoice/?countersale__is=false"), 1);
		JsonNode rows = list("invoicerow/?invoice__is=" + this.invoice);
		assertThat(rows.path("count").asLong()).isEqualTo(2);
		rows.path("results").forEach((row) -> {
			assertThat(row.path("sum_total").isNumber()).isTrue();
			assertThat(row.path("invoice").asString()).endsWith("/invoice/" + this.invoice + "/");
		});
		assertThat(list("invoicerow/?invoice__is=12345").path("count").asLong()).isZero();
	}

	@Test
	void theReadRequestsOfTheErpGuideAnswerAsDocumented() {
		assertInvoices(list("invoice/?status__is=3&modified__gte=2026-11-21T00:00:00&page_size=200"), 1);
		JsonNode rows = list("invoicerow/?invoice__is=" + this.invoice + "&expose_invoicerow_vat_group");
		rows.path("results").forEach((row) -> {
			assertThat(row.path("account_number").isString()).isTrue();
			assertThat(row.has("reporting_dimension_1")).isTrue();
			assertThat(row.has("reporting_dimension_2")).isTrue();
			assertThat(row.has("reporting_dimension_3")).isTrue();
			assertThat(new ArrayList<>(row.path("invoice_row_extra").propertyNames())).containsExactly(
					"internal_account_number", "internal_reporting_dimension_1", "internal_reporting_dimension_2");
			assertThat(new ArrayList<>(row.path("invoicerow_vat_group").propertyNames())).containsExactly("title",
					"percentage", "account_number");
			assertThat(row.path("invoicerow_vat_group").path("percentage").isNumber()).isTrue();
		});
		ApiResponse settings = this.tenant.api.get(cloud("settings/department/" + this.tenant.department + "/"));
		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.body().has("financial_period_lock_date")).isTrue();
		assertThat(settings.body().path("automatic_financial_period_lock_enabled").isBoolean()).isTrue();
		assertThat(settings.body().has("automatic_financial_period_lock_monthday")).isTrue();
	}

	private static void assertInvoices(JsonNode page, int count) {
		assertThat(page.path("count").asLong()).isEqualTo(count);
		page.path("results").forEach((invoice) -> {
			assertThat(invoice.path("id").isIntegralNumber()).isTrue();
			assertThat(invoice.path("invoice_number").isIntegralNumber()).isTrue();
			assertThat(invoice.path("invoice_prefix").isString()).isTrue();
			assertThat(invoice.path("status").isIntegralNumber()).isTrue();
			assertThat(invoice.path("total_with_vat").isNumber()).isTrue();
			assertThat(invoice.path("modified").isString()).isTrue();
		});
	}

	@Test
	void theExampleBodiesOfTheRealApiHaveOurKeysExceptThoseTheReadmeListsAsNotProvided() throws IOException {
		JsonNode invoice = object("invoice/" + this.invoice + "/");
		JsonNode row = list("invoicerow/?invoice__is=" + this.invoice).path("results").get(0);
		Map<String, JsonNode> ours = Map.of("invoices__show.json", invoice, "invoice_rows__show.json", row,
				"clients__show.json", object("client/" + this.tenant.client + "/"), "patients__show.json",
				object("patient/" + this.tenant.patient + "/"), "departments__show.json",
				object("department/" + this.tenant.department + "/"), "vat_groups__show.json",
				object("vatgroup/" + this.tenant.vat24 + "/"), "items__show.json",
				object("item/" + this.tenant.consultationItem + "/"), "consultations__show.json",
				object("consultation/" + this.consultation + "/"), "consultation_items__show.json",
				list("consultationitem/?consultation__is=" + this.consultation).path("results").get(0));
		for (Map.Entry<String, JsonNode> entry : ours.entrySet()) {
			Set<String> missing = new LinkedHashSet<>(keys(example(entry.getKey())));
			missing.removeAll(keys(entry.getValue()));
			assertThat(missing).as(entry.getKey() + " (keep the README's list in step)")
				.containsExactlyInAnyOrderElementsOf(NOT_PROVIDED.get(entry.getKey()));
		}
		// where the real API writes an empty string, an empty list or a flag, so does
		// vetbill
		for (String name : List.of("invoices__show.json", "invoice_rows__show.json", "consultations__show.json",
				"consultation_items__show.json")) {
			JsonNode example = example(name);
			JsonNode actual = ours.get(name);
			for (String key : keys(example)) {
				JsonNode value = example.path(key);
				JsonNode mine = actual.path(key);
				if (value.isString() && value.asString().isEmpty()) {
					assertThat(mine.isString()).as(name + " " + key + " is a string, \"\" when empty: " + mine)
						.isTrue();
				}
				if (value.isArray()) {
					assertThat(mine.isArray()).as(name + " " + key + " is a list: " + mine).isTrue();
				}
				if (value.isBoolean()) {
					assertThat(mine.isBoolean()).as(name + " " + key + " is a flag: " + mine).isTrue();
				}
			}
		}
		for (String index : List.of("invoices__index.json", "invoice_rows__index.json")) {
			assertThat(keys(list("invoice/"))).containsExactlyElementsOf(keys(example(index)));
		}
	}

	private JsonNode object(String path) {
		ApiResponse response = this.tenant.api.get(cloud(path));
		assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
		return response.body();
	}

	private static List<String> keys(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private static JsonNode example(String name) throws IOException {
		try (InputStream in = CloudSeedExamplesIntegrationTests.class.getResourceAsStream("/cloud-examples/" + name)) {
			assertThat(in).as(name).isNotNull();
			return Api.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
