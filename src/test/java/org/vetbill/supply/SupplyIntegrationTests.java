package org.vetbill.supply;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vetbill's own supply API over real HTTP: a supplier records its accounts, enrols a
 * practice, keeps products, records electronic orders and invoices (JSON and CSV), and an
 * invoice fills its order's lines.
 */
class SupplyIntegrationTests extends IntegrationTest {

	private TestTenant tenant;

	private Api api;

	private String base;

	@BeforeEach
	void setUp() {
		this.clock.set("2026-11-21T10:00:00Z");
		this.tenant = newTenant();
		this.api = this.tenant.api;
		long supplier = created(this.api.post(path("/suppliers"), Map.of("name", "Outback Vet Wholesale"))).path("id")
			.asLong();
		this.base = path("/suppliers/" + supplier);
		created(this.api.post(this.base + "/accounts", Map.of("account_code", "ACC-100", "name", "Darwin Vets")));
		created(this.api.post(this.base + "/accounts", Map.of("account_code", "ACC-200", "name", "Darwin Vets East")));
	}

	@Test
	void anInvoiceIsStoredAndReadBackExactlyWithItsFigures() {
		JsonNode invoice = created(this.api.post(this.base + "/invoices", invoiceBody(null, "ACC-100", null)));
		String expected = """
				{"supplier_id":%d,"invoice_number":1,"order_id":null,"purchase_order_number":"PO-77",
				 "account_code":"ACC-100","date":"2026-11-20","notes":"Leave at the back door",
				 "shipping":{"name":"Darwin Vets","address":{"address_line_1":"1 Smith St","address_line_2":null,
				   "suburb":"Darwin","state":"NT","postcode":"0800","country":"Australia"},
				   "carrier":"StarTrack","tracking_id":"ST123"},
				 "payment_due":"2026-12-20","freight":9.95,"tax":4.52,"total":49.85,
				 "lines":[{"product_code":"AMOX250","description":"Amoxicillin 250mg 100 tabs","quantity_ordered":3,
				   "quantity_shipped":2,"purchase_order_number":"PO-77","price":12.50,"list_price":14.00,"rrp":21.95,
				   "tax":2.50,"batch":null,"expiry":null,"miscellaneous_item":false},
				  {"product_code":null,"description":"Cold pack","quantity_ordered":1,"quantity_shipped":1,
				   "purchase_order_number":null,"price":10.38,"list_price":null,"rrp":null,"tax":1.04,"batch":null,
				   "expiry":null,"miscellaneous_item":true}],
				 "origin":"RECORDED","created":"2026-11-21T10:00:00Z","modified":"2026-11-21T10:00:00Z"}
				""".formatted(invoice.path("supplier_id").asLong());
		assertThat(invoice).isEqualTo(Api.parse(expected));
		assertThat(this.api.get(this.base + "/invoices/1").body()).isEqualTo(invoice);
		// lines 25.00 + 10.38, freight 9.95, tax 2.50 + 1.04 + 0.98 on the freight
		assertThat(this.api.get(this.base + "/invoices").body()).isEqualTo(Api.parse("""
				[{"invoice_number":1,"order_id":null,"date":"2026-11-20","purchase_order_number":"PO-77",
				  "total":49.85,"account_code":"ACC-100"}]"""));
	}

	@Test
	void anInvoiceFillsItsOrdersLinesAndACorrectionRecomputesThem() {
		JsonNode order = created(this.api.post(this.base + "/orders",
				Map.of("purchase_order_number", "PO-77", "account_code", "ACC-100", "lines",
						List.of(Map.of("product_code", "AMOX250", "quantity", 3, "price", "12.50"),
								Map.of("description", "Cold pack", "quantity", 1)))));
		assertThat(order.path("order_id").asLong()).isEqualTo(1);
		assertThat(order.path("status").asString()).isEqualTo("OPEN");
		created(this.api.post(this.base + "/invoices", invoiceBody(7L, "ACC-100", 1L)));
		JsonNode received = this.api.get(this.base + "/orders/1").body();
		assertThat(received.path("status").asString()).isEqualTo("PARTLY_RECEIVED");
		assertThat(received.path("lines").findValuesAsString("quantity_received")).containsExactly("2", "1");

		Map<String, Object> corrected = invoiceBody(7L, "ACC-100", 1L);
		corrected.put("lines", List.of(line("AMOX250", 3, 3, "12.50", "3.75"), line(null, 1, 1, "10.38", "1.04")));
		corrected.put("tax", "4.79");
		corrected.put("total", "62.62");
		ApiResponse replaced = this.api.put(this.base + "/invoices/7", corrected);
		assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
		received = this.api.get(this.base + "/orders/1").body();
		assertThat(received.path("status").asString()).isEqualTo("RECEIVED");
		assertThat(received.path("lines").findValuesAsString("quantity_received")).containsExactly("3", "1");

		// a second shipment for the same order adds up, it does not replace
		Map<String, Object> more = invoiceBody(8L, "ACC-100", 1L);
		more.put("lines", List.of(line("AMOX250", 3, 1, "12.50", "1.25")));
		more.remove("tax");
		more.remove("total");
		more.remove("freight");
		created(this.api.post(this.base + "/invoices", more));
		assertThat(this.api.get(this.base + "/orders/1").body().path("lines").findValuesAsString("quantity_received"))
			.containsExactly("4", "1");
	}

	@Test
	void anInvoiceThatDoesNotAddUpOrNamesUnknownRecordsIsRefusedNamingTheField() {
		Map<String, Object> wrongTotal = invoiceBody(null, "ACC-100", null);
		wrongTotal.put("total", "49.86");
		assertProblem(this.api.post(this.base + "/invoices", wrongTotal), 400, "total",
				"is 49.86 but the lines (35.38), freight (9.95) and tax (4.52) add up to 49.85");
		assertProblem(this.api.post(this.base + "/invoices", invoiceBody(null, "ACC-999", null)), 400, "account_code",
				"the supplier has no account ACC-999; record it first");
		assertProblem(this.api.post(this.base + "/invoices", invoiceBody(null, "ACC-100", 42L)), 400, "order_id",
				"the supplier has no electronic order 42");
		Map<String, Object> noLines = invoiceBody(null, "ACC-100", null);
		noLines.put("lines", List.of());
		assertProblem(this.api.post(this.base + "/invoices", noLines), 400, "lines", "must not be empty");
		Map<String, Object> negative = invoiceBody(null, "ACC-100", null);
		negative.put("lines", List.of(line("AMOX250", 3, 2, "-12.50", "2.50")));
		assertProblem(this.api.post(this.base + "/invoices", negative), 400, "lines[0].price",
				"must be greater than or equal to 0");
		created(this.api.post(this.base + "/invoices", invoiceBody(5L, "ACC-100", null)));
		ApiResponse duplicate = this.api.post(this.base + "/invoices", invoiceBody(5L, "ACC-100", null));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.body().path("code").asString()).isEqualTo("duplicate_invoice_number");
		assertThat(this.api.get(this.base + "/invoices").body()).hasSize(1);
	}

	@Test
	void anEnrolledPracticeGetsItsTokenOnceAndOwnsItsAccounts() {
		ApiResponse unknown = this.api.post(this.base + "/practices",
				Map.of("name", "Darwin Vets", "account_codes", List.of("ACC-100", "ACC-404")));
		assertProblem(unknown, 400, "account_codes[1]", "the supplier has no account ACC-404; record it first");
		JsonNode practice = created(this.api.post(this.base + "/practices",
				Map.of("name", "Darwin Vets", "account_codes", List.of("ACC-100", "ACC-200"))));
		assertThat(practice.path("user_auth").asString()).startsWith("cnu_").hasSizeGreaterThan(40);
		assertThat(practice.path("token_hint").asString())
			.isEqualTo(practice.path("user_auth").asString().substring(0, 8));
		JsonNode listed = this.api.get(this.base + "/practices").body();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("user_auth").isNull()).isTrue();
		assertThat(listed.get(0).path("account_codes").toString()).isEqualTo("[\"ACC-100\",\"ACC-200\"]");
		assertProblem(
				this.api.post(this.base + "/practices", Map.of("name", "Other", "account_codes", List.of("ACC-100"))),
				400, "account_codes[0]", "account ACC-100 belongs to another enrolled practice");
		JsonNode key = created(this.api.post(this.base + "/client-keys", Map.of("name", "VetPMS 4.2")));
		assertThat(key.path("key").asString()).startsWith("cnk_");
	}

	@Test
	void productsAreKeptByTheirCode() {
		ApiResponse put = this.api.put(this.base + "/products/AMOX250", Map.of("product_code", "AMOX250", "description",
				"Amoxicillin 250mg 100 tabs", "list_price", "14.00", "price", "12.5", "rrp", "21.95"));
		assertThat(put.status()).as(put.raw()).isEqualTo(200);
		this.api.put(this.base + "/products/AMOX250",
				Map.of("product_code", "AMOX250", "description", "Amoxicillin 250mg 100 tablets", "price", "12.40"));
		assertThat(this.api.get(this.base + "/products").body()).isEqualTo(Api.parse("""
				[{"product_code":"AMOX250","description":"Amoxicillin 250mg 100 tablets","list_price":null,
				  "price":12.40,"rrp":null}]"""));
		assertProblem(this.api.put(this.base + "/products/X", Map.of("product_code", "Y", "description", "Y")), 400,
				"product_code", "is Y but the path names X");
	}

	@Test
	void ordersAndInvoicesImportFromCsvFiles() {
		ApiResponse orders = csv(this.base + "/orders/import", """
				OrderId,PurchaseOrderNumber,AccountCode,ProductCode,Description,Quantity,Price
				501,PO-1,ACC-100,AMOX250,Amoxicillin,3,12.50
				501,,,BAND,Bandage,10,1.20
				502,PO-2,ACC-200,,Cold pack,2,
				""");
		assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
		assertThat(orders.body()).isEqualTo(Api.parse("{\"records\":2,\"lines\":3}"));
		ApiResponse invoices = csv(this.base + "/invoices/import",
				"""
						invoicenumber,OrderId,PurchaseOrderNumber,AccountCode,Date,PaymentDue,ShippingName,AddressLine1,Suburb,State,Postcode,Country,Freight,ProductCode,Description,QuantityOrdered,QuantityShipped,Price,LineTax,MiscellaneousItem
						9001,501,PO-1,ACC-100,2026-11-20,2026-12-20,Darwin Vets,1 Smith St,Darwin,NT,0800,Australia,9.95,AMOX250,Amoxicillin,3,3,12.50,3.75,
						9001,,,,,,,,,,,,,BAND,Bandage,10,4,1.20,0.48,no
						9002,502,PO-2,ACC-200,2026-11-21,,,,,,,,,,"Cold pack, large",2,2,5.00,1.00,yes
						""");
		assertThat(invoices.status()).as(invoices.raw()).isEqualTo(200);
		assertThat(invoices.body()).isEqualTo(Api.parse("{\"records\":2,\"lines\":3}"));
		JsonNode first = this.api.get(this.base + "/invoices/9001").body();
		assertThat(first.path("shipping").path("address").path("postcode").asString()).isEqualTo("0800");
		assertThat(first.path("total").decimalValue()).isEqualByComparingTo("56.48");
		assertThat(first.path("lines")).hasSize(2);
		assertThat(this.api.get(this.base + "/orders/501").body().path("lines").findValuesAsString("quantity_received"))
			.containsExactly("3", "4");
		JsonNode second = this.api.get(this.base + "/invoices/9002").body();
		assertThat(second.path("lines").get(0).path("description").asString()).isEqualTo("Cold pack, large");
		assertThat(second.path("lines").get(0).path("miscellaneous_item").asBoolean()).isTrue();
		assertThat(second.path("shipping").isNull()).isTrue();
	}

	@Test
	void aCsvFileWithErrorsNamesTheLineAndColumnAndRecordsNothing() {
		ApiResponse wrong = csv(this.base + "/invoices/import", """
				InvoiceNumber,AccountCode,Date,ProductCode,QuantityOrdered,QuantityShipped,Price,LineTax,Total
				9001,ACC-100,2026-11-20,AMOX250,3,3,12.50,3.75,41.25
				9002,ACC-100,2026-11-20,AMOX250,3,3,12.50,3.75,41.00
				""");
		assertProblem(wrong, 400, "line 3, Total",
				"is 41.00 but the lines (37.50), freight (0.00) and tax (3.75) add up to 41.25");
		assertThat(this.api.get(this.base + "/invoices").body()).isEmpty();

		ApiResponse cells = csv(this.base + "/invoices/import", """
				InvoiceNumber,AccountCode,Date,ProductCode,QuantityShipped,Price,LineTax
				9001,ACC-100,20.11.2026,AMOX250,three,12.50,3.75
				9001,ACC-200,,AMOX250,1,12,50,1.25
				""");
		assertThat(cells.status()).as(cells.raw()).isEqualTo(400);
		assertThat(cells.body().path("errors").findValuesAsString("field")).contains("line 2, Date",
				"line 2, QuantityShipped", "line 3, AccountCode");

		ApiResponse nameless = csv(this.base + "/orders/import",
				"OrderId,PurchaseOrderNumber,AccountCode,ProductCode,Description,Quantity\n"
						+ "7,PO-7,ACC-100,AMOX250,,1\n7,,,,,2\n");
		assertProblem(nameless, 400, "line 3, ProductCode/Description",
				"names neither a product_code nor a description");

		// malformed CSV (a character after a closing quote), in the header or a record: a
		// 400 about the file (a 500 before; found by the fuzzer)
		for (String malformed : List.of("\"OrderId\"x,AccountCode\n1,ACC-100\n",
				"InvoiceNumber,AccountCode,Date,ProductCode,QuantityShipped,Price,LineTax\n"
						+ "9001,\"ACC-100\"x,2026-11-20,AMOX250,1,12.50,1.25\n")) {
			ApiResponse refused = csv(this.base + (malformed.startsWith("\"") ? "/orders/import" : "/invoices/import"),
					malformed);
			assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
			assertThat(refused.raw()).contains("Invalid character between encapsulated token and delimiter");
		}
		ApiResponse unclosed = csv(this.base + "/invoices/import", "\"InvoiceNumber,AccountCode\n");
		assertThat(unclosed.status()).as(unclosed.raw()).isEqualTo(400);
		assertThat(unclosed.raw()).contains("EOF reached before encapsulated token finished");

		// list filters with dates no database stores: 400 naming them (a 503 from
		// PostgreSQL before; found by the fuzzer)
		ApiResponse farDates = this.api.get(this.base
				+ "/invoices?date_from=-1000000-01-01&date_to=%2B10000-01-01&updated_after=%2B10000-01-01T00:00:00Z");
		assertThat(farDates.status()).as(farDates.raw()).isEqualTo(400);
		assertThat(farDates.body().path("errors").findValuesAsString("field")).containsExactly("date_from", "date_to",
				"updated_after");

		ApiResponse header = csv(this.base + "/orders/import", "PO,AccountCode\nX,ACC-100\n");
		assertThat(header.status()).isEqualTo(400);
		assertThat(header.body().path("errors").findValuesAsString("field")).containsExactly("line 1, PO",
				"line 1, OrderId");
		assertThat(this.api.get(this.base + "/orders").body()).isEmpty();
	}

	@Test
	void invoicesRecordedAtTheSameTimeGetConsecutiveNumbers() throws Exception {
		int writers = 12;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Callable<ApiResponse>> tasks = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				tasks.add(() -> this.api.post(this.base + "/invoices", invoiceBody(null, "ACC-100", null)));
			}
			List<Long> numbers = new ArrayList<>();
			for (Future<ApiResponse> result : pool.invokeAll(tasks)) {
				ApiResponse response = result.get();
				assertThat(response.status()).as(response.raw()).isEqualTo(201);
				numbers.add(response.body().path("invoice_number").asLong());
			}
			assertThat(numbers).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anotherOrganizationsSupplierIsNotFound() {
		TestTenant other = newTenant();
		String foreign = this.base.replace("/" + this.tenant.provetId + "/", "/" + other.provetId + "/");
		assertThat(other.api.get(foreign).status()).isEqualTo(404);
		assertThat(other.api.get(foreign + "/invoices").status()).isEqualTo(404);
		assertThat(other.api.post(foreign + "/invoices", invoiceBody(null, "ACC-100", null)).status()).isEqualTo(404);
	}

	private String path(String path) {
		return "/" + this.tenant.provetId + "/vetbill/v1" + path;
	}

	private ApiResponse csv(String path, String body) {
		return this.api.send(this.api.request(path)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static Map<String, Object> invoiceBody(Long number, String account, Long order) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		if (number != null) {
			body.put("invoice_number", number);
		}
		if (order != null) {
			body.put("order_id", order);
		}
		body.put("purchase_order_number", "PO-77");
		body.put("account_code", account);
		body.put("date", "2026-11-20");
		body.put("notes", "Leave at the back door");
		body.put("shipping",
				Map.of("name", "Darwin Vets", "address", Map.of("address_line_1", "1 Smith St", "suburb", "Darwin",
						"state", "NT", "postcode", "0800", "country", "Australia"), "carrier", "StarTrack",
						"tracking_id", "ST123"));
		body.put("payment_due", "2026-12-20");
		body.put("freight", "9.95");
		body.put("tax", "4.52");
		body.put("total", "49.85");
		Map<String, Object> misc = line(null, 1, 1, "10.38", "1.04");
		misc.put("miscellaneous_item", true);
		misc.put("purchase_order_number", null);
		body.put("lines", List.of(line("AMOX250", 3, 2, "12.50", "2.50"), misc));
		return body;
	}

	static Map<String, Object> line(String code, int ordered, int shipped, String price, String tax) {
		Map<String, Object> line = new java.util.LinkedHashMap<>();
		line.put("product_code", code);
		line.put("description", (code != null) ? "Amoxicillin 250mg 100 tabs" : "Cold pack");
		line.put("quantity_ordered", ordered);
		line.put("quantity_shipped", shipped);
		line.put("purchase_order_number", "PO-77");
		line.put("price", price);
		if (code != null) {
			line.put("list_price", "14.00");
			line.put("rrp", "21.95");
		}
		line.put("tax", tax);
		return line;
	}

	private static JsonNode created(ApiResponse response) {
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	private static void assertProblem(ApiResponse response, int status, String field, String message) {
		assertThat(response.status()).as(response.raw()).isEqualTo(status);
		assertThat(response.body().path("errors").toString()).as(response.raw())
			.contains("\"field\":\"" + field + "\"")
			.contains(message);
	}

}
