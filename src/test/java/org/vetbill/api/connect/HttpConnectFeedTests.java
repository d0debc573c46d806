package org.vetbill.api.connect;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.shared.net.OutboundGuard;
import org.vetbill.shared.net.OutboundProperties;
import org.vetbill.supply.ConnectFeed.FeedFailure;
import org.vetbill.supply.ConnectSource;
import org.vetbill.supply.InvoiceSummary;
import org.vetbill.supply.domain.Address;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Connect client against a stand-in supplier: the request it sends, what it reads
 * beyond vetbill's own answers (names in any case, unknown fields, the lines in
 * {@code Total}, a numeric postcode) and how it reports answers it cannot use.
 */
class HttpConnectFeedTests {

	private final Map<String, String[]> answers = new ConcurrentHashMap<>();

	private final Map<String, String> seen = new ConcurrentHashMap<>();

	private HttpServer server;

	private ConnectSource source;

	private final HttpConnectFeed feed = new HttpConnectFeed(
			new OutboundGuard(new OutboundProperties(List.of("127.0.0.0/8"))));

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.seen.put("query", String.valueOf(exchange.getRequestURI().getRawQuery()));
			exchange.getRequestHeaders().forEach((name, values) -> this.seen.put(name.toLowerCase(), values.get(0)));
			String[] answer = this.answers.getOrDefault(exchange.getRequestURI().getPath(),
					new String[] { "404", "{\"Message\":\"No HTTP resource was found.\"}" });
			byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
			exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		this.source = new ConnectSource("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1", "vetbill 1.0",
				"key-1", "token-1", "Darwin Vet Clinic", "Importer", "ACC-1");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void itSendsEveryConnectHeaderAndAnEncodedUpdatedAfter() {
		this.answers.put("/v1/invoices", new String[] { "200", "[{\"invoiceNumber\":7,\"OrderId\":null,"
				+ "\"Date\":\"2026-11-20\",\"PurchaseOrderNumber\":\"PO-7\",\"Total\":12.50,\"AccountCode\":\"ACC-1\","
				+ "\"Warehouse\":\"Darwin\"}]" });
		List<InvoiceSummary> summaries = this.feed.invoices(this.source, Instant.parse("2026-11-21T10:30:00.5Z"));
		assertThat(summaries).containsExactly(
				new InvoiceSummary(7, null, LocalDate.parse("2026-11-20"), "PO-7", new BigDecimal("12.50"), "ACC-1"));
		assertThat(this.seen.get("query")).isEqualTo("UpdatedAfter=2026-11-21T10%3A30%3A00.5%2B00%3A00");
		assertThat(this.seen).containsEntry("accept", "application/json")
			.containsEntry("api-version", "1")
			.containsEntry("client", "vetbill 1.0")
			.containsEntry("client-auth", "key-1")
			.containsEntry("user-auth", "token-1")
			.containsEntry("practice", "Darwin Vet Clinic")
			.containsEntry("user", "Importer")
			.containsEntry("account-code", "ACC-1");
		this.feed.invoices(this.source, null);
		assertThat(this.seen.get("query")).isEqualTo("null");
	}

	@Test
	void itReadsTheLinesOfTotalAndANumericPostcodeAsTheDocumentHasThem() {
		this.answers.put("/v1/invoices/5", new String[] { "200",
				"{\"InvoiceNumber\":5,\"OrderId\":42,\"AccountCode\":\"ACC-1\",\"Date\":\"2026-11-20\","
						+ "\"Shipping\":{\"Name\":\"Clinic\",\"Address\":{\"Suburb\":\"Darwin\",\"Postcode\":800}},"
						+ "\"Freight\":1.10,\"Tax\":0.50,\"Total\":[{\"ProductCode\":\"A\",\"QuantityShipped\":2,"
						+ "\"Price\":2.25,\"Tax\":0.50}]}" });
		SupplierInvoiceDetails invoice = this.feed.invoice(this.source, 5);
		assertThat(invoice.total()).isNull();
		assertThat(invoice.freight()).isEqualByComparingTo("1.10");
		assertThat(invoice.shipping().address()).isEqualTo(new Address(null, null, "Darwin", null, "0800", null));
		assertThat(invoice.lines()).containsExactly(new InvoiceLineDetails("A", null, 0, 2, null,
				new BigDecimal("2.25"), null, null, new BigDecimal("0.50"), null, null, false));
	}

	@Test
	void answersItCannotUseAreFailuresSayingWhatToDo() {
		String base = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/invoices";
		this.answers.put("/v1/invoices/5", new String[] { "200",
				"{\"InvoiceNumber\":5,\"AccountCode\":\"A\",\"Date\":\"2026-11-20\",\"InvoiceLines\":[{\"Tax\":1}]}" });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoice(this.source, 5))
			.withMessage("The Connect endpoint " + base + "/5 sent invoice 5 with line 1 without Price; the supplier "
					+ "must correct it before it can be imported.");
		this.answers.put("/v1/invoices/6", new String[] { "200", "<html><body>Welcome</body></html>" });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoice(this.source, 6))
			.withMessage("The Connect endpoint " + base + "/6 did not answer in JSON; check that the base URL is a "
					+ "Connect API's.");
		this.answers.put("/v1/invoices", new String[] { "200", "{\"Message\":\"hello\"}" });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoices(this.source, null))
			.withMessage("The Connect endpoint " + base + " did not answer with an array of invoice summaries in "
					+ "Connect's JSON format; check that the base URL is a Connect API's.");
		this.answers.put("/v1/invoices/7", new String[] { "500", "{\"Message\":\"An error has occurred.\"}" });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoice(this.source, 7))
			.withMessage("The Connect endpoint " + base + "/7 answered 500 Internal Server Error. The supplier's "
					+ "server failed; the import tries again later.");
		this.answers.put("/v1/invoices/8", new String[] { "200", "{\"InvoiceNumber\":\"eight\"}" });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoice(this.source, 8))
			.withMessage("The Connect endpoint " + base + "/8 did not answer with an invoice in "
					+ "Connect's JSON format; check that the base URL is a Connect API's.");
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoice(this.source, 9))
			.withMessage("The Connect endpoint " + base + "/9 answered 404 Not Found. "
					+ "Check the base URL (it ends before /invoices).");
	}

	@Test
	void nothingOfAnErrorAnswerShowsOnlyItsStatus() {
		String secret = "root:x:0:0:root:/root:/bin/bash " + "internal-".repeat(40);
		this.answers.put("/v1/invoices", new String[] { "403", secret });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoices(this.source, null))
			.withMessageContaining("answered 403 Forbidden")
			.withMessageNotContaining("root")
			.withMessageNotContaining("internal");
		this.answers.put("/v1/invoices/3", new String[] { "200", secret });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoice(this.source, 3))
			.withMessageContaining("did not answer in JSON")
			.withMessageNotContaining("root")
			.withMessageNotContaining("internal");
		this.answers.put("/v1/invoices/4", new String[] { "200", "{\"InvoiceNumber\":\"" + secret + "\"}" });
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoice(this.source, 4))
			.withMessageNotContaining("root")
			.withMessageNotContaining("internal");
	}

	@Test
	void aRedirectIsNotFollowed() {
		this.server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders()
				.add("Location", "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/invoices");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.answers.put("/v1/invoices", new String[] { "200", "[]" });
		ConnectSource moved = new ConnectSource("http://127.0.0.1:" + this.server.getAddress().getPort() + "/moved",
				"vetbill 1.0", "key-1", "token-1", "Darwin Vet Clinic", "Importer", null);
		assertThatExceptionOfType(FeedFailure.class).isThrownBy(() -> this.feed.invoices(moved, null))
			.withMessageContaining("answered 302 Found. Redirects are not followed");
	}

	@Test
	void internalAddressesAreRefusedBeforeConnecting() {
		HttpConnectFeed guarded = new HttpConnectFeed(new OutboundGuard(new OutboundProperties(List.of())));
		int port = this.server.getAddress().getPort();
		for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "10.0.0.1", "169.254.169.254",
				"[::1]:" + port, "[::ffff:127.0.0.1]:" + port)) {
			ConnectSource internal = new ConnectSource("http://" + host + "/v1", "vetbill 1.0", "key-1", "token-1",
					"Darwin Vet Clinic", "Importer", null);
			assertThatExceptionOfType(FeedFailure.class).as(host)
				.isThrownBy(() -> guarded.invoices(internal, null))
				.withMessageStartingWith("The Connect endpoint http://" + host + "/v1/invoices is refused: vetbill "
						+ "does not connect to ")
				.withMessageContaining("not a public address");
		}
		assertThat(this.seen).isEmpty();
	}

}
