package org.vetbill.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus scrape endpoint over real HTTP: closed to anyone without the scrape
 * token (a tenant's own token included), and, with it, showing the money counters move
 * when a payment is recorded and cancelled, and the queues' gauges.
 */
class MetricsIntegrationTests extends IntegrationTest {

	private static final String SCRAPE = "/actuator/prometheus";

	@Test
	void theScrapeEndpointRefusesAnyoneWithoutTheScrapeToken() {
		TestTenant tenant = newTenant();
		assertThat(anonymous().get(SCRAPE).status()).isEqualTo(401);
		assertThat(anonymous().as("Bearer wrong-token").get(SCRAPE).status()).isEqualTo(401);
		assertThat(anonymous().as("Bearer " + SCRAPE_TOKEN + "x").get(SCRAPE).status()).isEqualTo(401);
		assertThat(anonymous().as(SCRAPE_TOKEN).get(SCRAPE).status()).as("the token without its scheme").isEqualTo(401);
		ApiResponse withTenantToken = tenant.api.get(SCRAPE);
		assertThat(withTenantToken.status()).as("a tenant's token is not the scrape token").isEqualTo(401);
		assertThat(withTenantToken.raw()).doesNotContain("vetbill_");
		// the other actuator endpoints stay unexposed
		assertThat(anonymous().as("Bearer " + SCRAPE_TOKEN).get("/actuator/env").status()).isIn(401, 404);
	}

	@Test
	void anAuthorizedScrapeShowsTheMoneyCountersMoveAfterAPayment() {
		TestTenant tenant = newTenant();
		String recorded = "vetbill_money_movements_cents_%s{currency=\"EUR\",kind=\"payment_recorded\",payment_type=\"1\"}";
		String cancelled = "vetbill_money_movements_cents_%s{currency=\"EUR\",kind=\"payment_cancelled\",payment_type=\"1\"}";
		String finalized = "vetbill_money_movements_cents_%s{currency=\"EUR\",kind=\"invoice_finalized\",payment_type=\"none\"}";
		String before = scrape();

		long invoice = created(
				tenant.api.post(tenant.path("/invoices"), Map.of("department_id", tenant.department, "client_id",
						tenant.client, "rows", List.of(Map.of("item_id", tenant.consultationItem, "quantity", 1)))));
		ApiResponse finalize = tenant.api.post(tenant.path("/invoices/" + invoice + "/finalize"), null);
		assertThat(finalize.status()).as(finalize.toString()).isEqualTo(200);
		BigDecimal total = finalize.body().path("total_with_vat").decimalValue();
		long payment = created(tenant.api.post(tenant.path("/invoices/" + invoice + "/payments"),
				Map.of("payment_type", 1, "paid", "12.34")));
		String afterPayment = scrape();
		assertThat(value(afterPayment, recorded, "count") - value(before, recorded, "count")).isEqualTo(1);
		assertThat(value(afterPayment, recorded, "sum") - value(before, recorded, "sum")).isEqualTo(1234);
		assertThat(value(afterPayment, finalized, "count") - value(before, finalized, "count")).isEqualTo(1);
		assertThat(value(afterPayment, finalized, "sum") - value(before, finalized, "sum"))
			.isEqualTo(total.movePointRight(2).doubleValue());

		created(tenant.api.post(tenant.path("/payments/" + payment + "/cancel"), Map.of("info", "wrong amount")));
		String afterCancel = scrape();
		assertThat(value(afterCancel, cancelled, "count") - value(afterPayment, cancelled, "count")).isEqualTo(1);
		assertThat(value(afterCancel, cancelled, "sum") - value(afterPayment, cancelled, "sum")).isEqualTo(1234);
		assertThat(value(afterCancel, recorded, "count")).isEqualTo(value(afterPayment, recorded, "count"));

		// a refused payment is not counted
		assertThat(tenant.api
			.post(tenant.path("/invoices/" + invoice + "/payments"), Map.of("payment_type", 1, "paid", "100000.00"))
			.status()).isBetween(400, 499);
		assertThat(value(scrape(), recorded, "count")).isEqualTo(value(afterCancel, recorded, "count"));

		assertThat(afterCancel).contains("vetbill_webhook_deliveries{state=\"pending\"}")
			.contains("vetbill_webhook_deliveries{state=\"failed\"}")
			.contains("vetbill_connect_sources{state=\"due\"}")
			.contains("vetbill_connect_sources{state=\"failing\"}");
		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

	private String scrape() {
		ApiResponse response = anonymous()
			.send(anonymous().request(SCRAPE).header("Authorization", "Bearer " + SCRAPE_TOKEN).GET());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.raw();
	}

	/**
	 * A sample's value in a scrape, 0 when the series has none yet.
	 */
	private static double value(String scrape, String series, String suffix) {
		Matcher matcher = Pattern
			.compile("^" + Pattern.quote(String.format(series, suffix)) + " (\\S+)$", Pattern.MULTILINE)
			.matcher(scrape);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private static long created(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

}
