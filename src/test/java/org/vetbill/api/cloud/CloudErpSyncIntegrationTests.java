package org.vetbill.api.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.demo.DemoCredentials;
import org.vetbill.demo.DemoData;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ERP guide's sync pattern run against the demo data through the Cloud API: poll
 * finalized invoices changed since the last run, fetch each one's rows with their VAT
 * group exposed, and post them under {@code prefix-number} to the accounts and dimensions
 * the item master gives. A row fetch per invoice is more than the published 100 a minute
 * of {@code GET /invoicerow/} allows, so the client waits as {@code Retry-After} says
 * (the test moves the clock instead of sleeping), as an integration must.
 */
class CloudErpSyncIntegrationTests extends IntegrationTest {

	private static final String OWN = "/" + DemoCredentials.PROVET_ID + "/vetbill/v1";

	@Autowired
	private DemoData demoData;

	private Api api;

	@BeforeEach
	void loadTheDemo() {
		this.demoData.load();
		this.api = erp().expectingThrottling();
	}

	private Api erp() {
		return anonymous().as("Bearer " + TestTenant.token(anonymous(), DemoCredentials.PROVET_ID,
				DemoCredentials.ERP_CLIENT_ID, DemoCredentials.ERP_CLIENT_SECRET));
	}

	/** Follows {@code next} from the first page to the last, as the guide says. */
	private List<JsonNode> all(String pathAndQuery) {
		return all(pathAndQuery, DemoCredentials.PROVET_ID);
	}

	private List<JsonNode> all(String pathAndQuery, String provetId) {
		List<JsonNode> results = new ArrayList<>();
		String url = this.api.baseUrl() + "/" + provetId + "/api/0.1/" + pathAndQuery;
		while (url != null) {
			ApiResponse page = this.api.get(url.substring(this.api.baseUrl().length()));
			while (page.status() == 429) {
				this.clock.advance(Duration.ofSeconds(Long.parseLong(page.header("Retry-After").orElseThrow())));
				page = this.api.get(url.substring(this.api.baseUrl().length()));
			}
			assertThat(page.status()).as(url + " -> " + page).isEqualTo(200);
			page.body().path("results").forEach(results::add);
			url = page.body().path("next").isNull() ? null : page.body().path("next").asString();
		}
		return results;
	}

	/**
	 * Every object of a resource, archived ones too, by id: a row links an item as
	 * {@code item/<id>/} while the item's own url is its typed path, as in the real API.
	 */
	private Map<Long, JsonNode> byId(String resource) {
		Map<Long, JsonNode> objects = new HashMap<>();
		all(resource + "/?page_size=1000&include_archived=true")
			.forEach((object) -> objects.put(object.path("id").asLong(), object));
		return objects;
	}

	private static long idOf(JsonNode link) {
		String[] path = link.asString().split("/");
		return Long.parseLong(path[path.length - 1]);
	}

	@Test
	void theRecommendedSyncPatternPostsEveryFinalizedInvoiceToTheRightAccounts() {
		List<JsonNode> invoices = all("invoice/?status__is=3&modified__gte=2020-01-01T00:00:00&page_size=200");
		ApiResponse own = this.api.get(OWN + "/invoices?status=3&limit=500");
		assertThat(invoices).hasSize(own.body().path("items").size()).hasSizeGreaterThan(300);
		Map<Long, String> expectedNumbers = new HashMap<>();
		own.body()
			.path("items")
			.forEach((i) -> expectedNumbers.put(i.path("id").asLong(), i.path("document_number").asString()));
		Map<Long, JsonNode> items = byId("item");
		Map<Long, JsonNode> vatGroups = byId("vatgroup");
		Set<String> documentNumbers = new HashSet<>();
		int rows = 0;
		for (JsonNode invoice : invoices) {
			String documentNumber = invoice.path("invoice_prefix").asString() + "-"
					+ invoice.path("invoice_number").asLong();
			assertThat(documentNumber).matches("(HKI|TRE)-\\d+")
				.isEqualTo(expectedNumbers.get(invoice.path("id").asLong()));
			assertThat(documentNumbers.add(documentNumber)).as(documentNumber).isTrue();
			List<JsonNode> invoiceRows = all(
					"invoicerow/?invoice__is=" + invoice.path("id").asLong() + "&expose_invoicerow_vat_group");
			assertThat(invoiceRows).hasSize(invoice.path("invoice_row").size());
			java.math.BigDecimal total = java.math.BigDecimal.ZERO;
			for (JsonNode row : invoiceRows) {
				JsonNode item = items.get(idOf(row.path("item")));
				assertThat(item).as(row.toString()).isNotNull();
				assertThat(row.path("account_number").asString()).isEqualTo(item.path("account_number").asString());
				assertThat(row.path("reporting_dimension_1").asString())
					.isEqualTo(item.path("reporting_dimension_1").asString());
				assertThat(row.path("reporting_dimension_2").toString())
					.isEqualTo(item.path("reporting_dimension_2").toString());
				assertThat(row.has("reporting_dimension_3")).isTrue();
				assertThat(row.has("invoice_row_extra")).isTrue();
				JsonNode vatGroup = vatGroups.get(idOf(row.path("vat_group")));
				assertThat(row.path("invoicerow_vat_group").path("account_number").asString())
					.isEqualTo(vatGroup.path("account_number").asString())
					.isNotBlank();
				assertThat(row.path("invoicerow_vat_group").path("percentage").decimalValue())
					.isEqualByComparingTo(row.path("vat_percentage").decimalValue());
				total = total.add(row.path("sum_total").decimalValue());
				rows++;
			}
			assertThat(total).as(documentNumber).isEqualByComparingTo(invoice.path("total_with_vat").decimalValue());
		}
		assertThat(rows).isGreaterThan(invoices.size());
	}

	/**
	 * Runs on a tenant of its own: the demo tenant stays as the demo tests expect it.
	 */
	@Test
	void theNextPollReturnsOnlyWhatChangedSinceTheLast() {
		this.clock.set("2026-11-21T10:00:00Z");
		TestTenant tenant = newTenant();
		this.api = tenant.api;
		long before = finalizedInvoice(tenant);
		Instant lastSync = this.clock.instant().plusSeconds(1);
		this.clock.set(lastSync.plusSeconds(60).toString());
		long after = finalizedInvoice(tenant);
		List<JsonNode> changed = all("invoice/?status__is=3&modified__gte=" + lastSync.toString().replace("+", "%2B"),
				tenant.provetId);
		assertThat(changed).extracting((i) -> i.path("id").asLong()).containsExactly(after).doesNotContain(before);
		assertThat(changed.get(0).path("invoice_prefix").asString() + "-" + changed.get(0).path("invoice_number"))
			.isEqualTo(tenant.api.get(tenant.path("/invoices/" + after)).get("document_number").asString());
	}

	private static long finalizedInvoice(TestTenant tenant) {
		ApiResponse draft = tenant.api.post(tenant.path("/invoices"), Map.of("department_id", tenant.department, "rows",
				List.of(Map.of("item_id", tenant.consultationItem, "quantity", 1))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		assertThat(tenant.api.post(tenant.path("/invoices/" + draft.id() + "/finalize"), null).status()).isEqualTo(200);
		return draft.id();
	}

}
