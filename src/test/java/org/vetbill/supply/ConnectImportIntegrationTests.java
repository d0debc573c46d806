package org.vetbill.supply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import org.vetbill.supply.domain.Address;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.OrderDetails;
import org.vetbill.supply.domain.OrderLineDetails;
import org.vetbill.supply.domain.Shipping;
import org.vetbill.supply.domain.SupplierInvoiceDetails;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer end to end: a clinic's vetbill imports its supplier invoices over HTTP
 * from a wholesaler's vetbill Connect API (the same server, another organization), once
 * per invoice, marking its order lines received, and backs off when the endpoint fails.
 */
class ConnectImportIntegrationTests extends IntegrationTest {

	private TestTenant wholesaler;

	private long seller;

	private TestTenant clinic;

	private String base;

	private String userAuth;

	private String clientAuth;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.wholesaler = newTenant();
		Suppliers suppliers = this.wholesaler.bean(Suppliers.class);
		this.seller = suppliers.create(this.wholesaler.caller, new SupplierDetails("Outback Vet Wholesale")).id();
		suppliers.addAccount(this.wholesaler.caller, this.seller, new SupplyAccount("ACC-100", "Darwin Vets", null));
		suppliers.addAccount(this.wholesaler.caller, this.seller,
				new SupplyAccount("ACC-200", "Darwin Vets East", null));
		suppliers.addAccount(this.wholesaler.caller, this.seller,
				new SupplyAccount("ACC-900", "Another practice", null));
		this.userAuth = suppliers
			.enrol(this.wholesaler.caller, this.seller,
					new PracticeEnrolment("Darwin Vets", List.of("ACC-100", "ACC-200")))
			.userAuth();
		suppliers.enrol(this.wholesaler.caller, this.seller, new PracticeEnrolment("Another", List.of("ACC-900")));
		this.clientAuth = suppliers.addClientKey(this.wholesaler.caller, this.seller, new SupplierDetails("vetbill"))
			.key();
		SupplyOrders orders = this.wholesaler.bean(SupplyOrders.class);
		orders.record(this.wholesaler.caller, this.seller, order(1001L, "ACC-100"));
		orders.record(this.wholesaler.caller, this.seller, order(1002L, "ACC-900"));
		sell(1001L, "ACC-100", 3);
		sell(null, "ACC-200", 1);
		sell(1002L, "ACC-900", 5);

		this.clinic = newTenant();
		this.base = "/" + this.clinic.provetId + "/vetbill/v1/suppliers/"
				+ created(this.clinic.api.post("/" + this.clinic.provetId + "/vetbill/v1/suppliers",
						Map.of("name", "Outback Vet Wholesale")))
					.path("id")
					.asLong();
		created(this.clinic.api.post(this.base + "/accounts",
				Map.of("account_code", "ACC-100", "name", "Our account")));
		created(this.clinic.api.post(this.base + "/orders",
				Map.of("order_id", 1001, "purchase_order_number", "PO-1001", "account_code", "ACC-100", "lines",
						List.of(Map.of("product_code", "AMOX250", "quantity", 4),
								Map.of("product_code", "BAND", "quantity", 10)))));
		configure(this.userAuth, null);
	}

	@Test
	void theImporterStoresEachInvoiceOnceAndMarksOrderLinesReceived() {
		assertThat(importNow()).isEqualTo(run(2, 2, 0, 0, "2026-11-21T10:05:00Z"));
		JsonNode invoices = this.clinic.api.get(this.base + "/invoices").body();
		assertThat(invoices.findValuesAsString("account_code")).containsExactly("ACC-100", "ACC-200");
		SupplierInvoice sold = this.wholesaler.bean(SupplierInvoices.class).get(this.wholesaler.caller, this.seller, 1);
		SupplierInvoice imported = this.clinic.bean(SupplierInvoices.class).get(this.clinic.caller, supplierId(), 1);
		assertThat(imported.details()).isEqualTo(sold.details());
		assertThat(imported.origin()).isEqualTo("IMPORTED");
		JsonNode order = this.clinic.api.get(this.base + "/orders/1001").body();
		assertThat(order.path("lines").findValuesAsString("quantity_received")).containsExactly("3", "6");
		assertThat(order.path("status").asString()).isEqualTo("PARTLY_RECEIVED");

		// at most every 5 minutes, also when asked by a user
		ApiResponse tooSoon = this.clinic.api.post(this.base + "/connect-source/import", null);
		assertThat(tooSoon.status()).as(tooSoon.raw()).isEqualTo(422);
		assertThat(tooSoon.body().path("code").asString()).isEqualTo("connect_poll_too_soon");

		// the second run sees the same invoices again (the overlap) and imports nothing
		// twice
		this.clock.set("2026-11-21T10:05:00Z");
		assertThat(importNow()).isEqualTo(run(2, 0, 0, 2, "2026-11-21T10:10:00Z"));
		assertThat(this.clinic.api.get(this.base + "/invoices").body()).hasSize(2);
		assertThat(this.clinic.api.get(this.base + "/orders/1001")
			.body()
			.path("lines")
			.findValuesAsString("quantity_received")).containsExactly("3", "6");

		// long after, nothing changed: nothing is listed
		this.clock.set("2026-11-21T11:00:00Z");
		assertThat(importNow()).isEqualTo(run(0, 0, 0, 0, "2026-11-21T11:05:00Z"));

		// the wholesaler corrects an invoice and ships the rest in a new one
		this.clock.set("2026-11-21T11:01:00Z");
		SupplierInvoiceDetails corrected = invoice(1L, 1001L, "ACC-100", 4);
		this.wholesaler.bean(SupplierInvoices.class).replace(this.wholesaler.caller, this.seller, 1, corrected);
		sell(1001L, "ACC-100", 0);
		this.clock.set("2026-11-21T11:05:00Z");
		assertThat(importNow()).isEqualTo(run(2, 1, 1, 0, "2026-11-21T11:10:00Z"));
		assertThat(this.clinic.bean(SupplierInvoices.class).get(this.clinic.caller, supplierId(), 1).details())
			.isEqualTo(
					this.wholesaler.bean(SupplierInvoices.class).get(this.wholesaler.caller, this.seller, 1).details());
		order = this.clinic.api.get(this.base + "/orders/1001").body();
		assertThat(order.path("lines").findValuesAsString("quantity_received")).containsExactly("4", "10");
		assertThat(order.path("status").asString()).isEqualTo("RECEIVED");
		assertThat(this.clinic.api.get(this.base + "/invoices").body()).hasSize(3);
	}

	@Test
	void importsAskedForAtTheSameTimeRunOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<ApiResponse>> asks = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				asks.add(() -> this.clinic.api.post(this.base + "/connect-source/import", null));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<ApiResponse> answer : pool.invokeAll(asks)) {
				statuses.add(answer.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 422, 422, 422);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.clinic.api.get(this.base + "/invoices").body()).hasSize(2);
	}

	@Test
	void anAccountCodeImportsThatAccountsInvoicesOnly() {
		configure(this.userAuth, "ACC-200");
		assertThat(importNow()).isEqualTo(run(1, 1, 0, 0, "2026-11-21T10:05:00Z"));
		assertThat(this.clinic.api.get(this.base + "/invoices").body().findValuesAsString("account_code"))
			.containsExactly("ACC-200");
	}

	@Test
	void aFailingEndpointIsRetriedLaterAndLaterUntilItAnswers() {
		configure("cnu_not-a-token", null);
		JsonNode failed = importNow();
		assertThat(failed.path("error").asString()).contains("401");
		assertThat(failed.path("next_poll").asString()).isEqualTo("2026-11-21T10:05:00Z");
		JsonNode status = this.clinic.api.get(this.base + "/connect-source").body();
		assertThat(status.path("failures").asInt()).isEqualTo(1);
		assertThat(status.path("last_error").asString()).contains("401");
		assertThat(status.path("user_auth_hint").asString()).isEqualTo("cnu_no…");
		assertThat(status.toString()).doesNotContain("not-a-token").doesNotContain(this.clientAuth);

		// the schedule (pollDue polls every due source of every organization, so this
		// test
		// watches its own source)
		this.clock.set("2026-11-21T10:04:59Z");
		assertThat(pollDue().path("failures").asInt()).isEqualTo(1);
		this.clock.set("2026-11-21T10:05:00Z");
		status = pollDue();
		assertThat(status.path("failures").asInt()).isEqualTo(2);
		assertThat(status.path("next_poll").asString()).isEqualTo("2026-11-21T10:15:00Z");
		this.clock.set("2026-11-21T10:14:00Z");
		assertThat(pollDue().path("failures").asInt()).isEqualTo(2);
		this.clock.set("2026-11-21T10:15:00Z");
		status = pollDue();
		assertThat(status.path("failures").asInt()).isEqualTo(3);
		assertThat(status.path("next_poll").asString()).isEqualTo("2026-11-21T10:35:00Z");
		assertThat(this.clinic.api.get(this.base + "/invoices").body()).isEmpty();

		// the right token: polled at once, from the first invoice
		this.clock.set("2026-11-21T10:20:00Z");
		configure(this.userAuth, null);
		status = pollDue();
		assertThat(status.path("failures").asInt()).isZero();
		assertThat(status.path("last_error").isNull()).isTrue();
		assertThat(status.path("updated_after").asString()).isEqualTo("2026-11-21T10:15:00Z");
		assertThat(this.clinic.api.get(this.base + "/invoices").body()).hasSize(2);
	}

	@Test
	void anUnreachableEndpointIsAFailureWithItsReason() {
		ApiResponse configured = this.clinic.api.put(this.base + "/connect-source",
				source("http://127.0.0.1:9/connect", this.userAuth, null));
		assertThat(configured.status()).as(configured.raw()).isEqualTo(200);
		JsonNode failed = importNow();
		assertThat(failed.path("error").asString()).isNotBlank();
		assertThat(failed.path("imported").asInt()).isZero();
		assertThat(this.clinic.api.get(this.base + "/connect-source").body().path("failures").asInt()).isEqualTo(1);
	}

	@Test
	void aSourceNeedsAllItsHeaders() {
		Map<String, Object> incomplete = source("ftp://example.com", this.userAuth, null);
		incomplete.remove("practice");
		ApiResponse refused = this.clinic.api.put(this.base + "/connect-source", incomplete);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").findValuesAsString("field")).containsExactly("base_url", "practice");
	}

	private void sell(Long order, String account, int amox) {
		this.wholesaler.bean(SupplierInvoices.class)
			.record(this.wholesaler.caller, this.seller, invoice(null, order, account, amox));
	}

	private static SupplierInvoiceDetails invoice(Long number, Long order, String account, int amox) {
		String purchaseOrder = (order != null) ? "PO-" + order : null;
		return new SupplierInvoiceDetails(number, order, purchaseOrder, account, LocalDate.of(2026, 11, 20), null,
				new Shipping("Darwin Vets", new Address("1 Smith St", null, "Darwin", "NT", "0800",
						"Australia"), "StarTrack", "ST1"),
				LocalDate.of(2026, 12, 20), new BigDecimal("9.95"), null, null,
				List.of(new InvoiceLineDetails("AMOX250", "Amoxicillin", 4, amox, purchaseOrder, new BigDecimal("12.5"),
						null, null, new BigDecimal("1.25").multiply(BigDecimal.valueOf(amox)), null, null, false),
						new InvoiceLineDetails("BAND", "Bandage", 10, (amox == 0) ? 4 : 6, null, new BigDecimal("1.20"),
								null, null, new BigDecimal("0.60"), null, null, false)));
	}

	private static OrderDetails order(long id, String account) {
		return new OrderDetails(id, "PO-" + id, account,
				List.of(new OrderLineDetails("AMOX250", null, 4, null), new OrderLineDetails("BAND", null, 10, null)));
	}

	private void configure(String token, String accountCode) {
		ApiResponse configured = this.clinic.api.put(this.base + "/connect-source",
				source("http://localhost:" + this.port + "/connect/", token, accountCode));
		assertThat(configured.status()).as(configured.raw()).isEqualTo(200);
	}

	private Map<String, Object> source(String url, String token, String accountCode) {
		Map<String, Object> source = new java.util.LinkedHashMap<>();
		source.put("base_url", url);
		source.put("client", "vetbill 1.0");
		source.put("client_auth", this.clientAuth);
		source.put("user_auth", token);
		source.put("practice", "Darwin Vets");
		source.put("user", "frontdesk");
		source.put("account_code", accountCode);
		return source;
	}

	/** Runs the schedule once and answers this test's source. */
	private JsonNode pollDue() {
		this.clinic.bean(ConnectImporter.class).pollDue();
		return this.clinic.api.get(this.base + "/connect-source").body();
	}

	private JsonNode importNow() {
		ApiResponse response = this.clinic.api.post(this.base + "/connect-source/import", null);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode run(int listed, int imported, int updated, int unchanged, String next) {
		return org.vetbill.support.Api.parse("""
				{"listed":%d,"imported":%d,"updated":%d,"unchanged":%d,"error":null,"next_poll":"%s"}"""
			.formatted(listed, imported, updated, unchanged, next));
	}

	private long supplierId() {
		return Long.parseLong(this.base.substring(this.base.lastIndexOf('/') + 1));
	}

	private static JsonNode created(ApiResponse response) {
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

}
