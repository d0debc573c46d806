package org.vetbill.api.connect;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.net.OutboundGuard;
import org.vetbill.shared.net.OutboundRefused;
import org.vetbill.supply.ConnectFeed;
import org.vetbill.supply.ConnectSource;
import org.vetbill.supply.InvoiceSummary;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.SupplierInvoiceDetails;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a supplier's Connect endpoint over HTTP, for the supply importer: {@code GET
 * {baseUrl}/invoices?UpdatedAfter=...} and {@code GET {baseUrl}/invoices/{n}}, with every
 * Connect header and {@code Accept: application/json}. It reads the same wire format the
 * Connect API here writes, and what the document allows beyond it: field names in any
 * case, fields it does not know, a postcode sent as a number (padded to the four digits
 * of Australian and New Zealand postcodes) and, read literally, the lines in an array
 * named {@code Total}. Waits at most 10 seconds to connect and 30 for an answer, reaches
 * only the addresses {@link OutboundGuard} permits, follows no redirect and never shows
 * any part of an error answer (its status alone says what failed). Every failure is a
 * {@link ConnectFeed.FeedFailure} whose message says what to check.
 */
@Component
class HttpConnectFeed implements ConnectFeed {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * {@code UpdatedAfter} in UTC with a numeric offset:
	 * {@code 2015-07-16T20:00:00+00:00}.
	 */
	static final DateTimeFormatter UPDATED_AFTER = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.appendOffset("+HH:MM", "+00:00")
		.toFormatter();

	private static final int POSTCODE_DIGITS = 4;

	/** The longest answer read (a long invoice list is a few hundred kilobytes). */
	private static final int MAX_BODY = 16 * 1024 * 1024;

	private final CloseableHttpClient http;

	HttpConnectFeed(OutboundGuard guard) {
		this.http = guard.httpClient(CONNECT_TIMEOUT, READ_TIMEOUT);
	}

	@PreDestroy
	void close() {
		this.http.close(CloseMode.GRACEFUL);
	}

	@Override
	public List<InvoiceSummary> invoices(ConnectSource source, @Nullable Instant updatedAfter) {
		String url = base(source) + "/invoices";
		if (updatedAfter != null) {
			url += "?" + ConnectApi.UPDATED_AFTER + "=" + URLEncoder
				.encode(UPDATED_AFTER.format(updatedAfter.atOffset(ZoneOffset.UTC)), StandardCharsets.UTF_8);
		}
		JsonNode body = fetch(source, url);
		if (!body.isArray()) {
			throw notConnect(url, "did not answer with an array of invoice summaries in Connect's JSON format");
		}
		List<InvoiceSummary> summaries = new ArrayList<>();
		for (JsonNode item : body) {
			ConnectWire.Summary summary = read(item, ConnectWire.Summary.class, url);
			summaries.add(
					new InvoiceSummary(
							required(summary.invoiceNumber(), url,
									"invoice summary " + (summaries.size() + 1) + " without "
											+ ConnectApi.INVOICE_NUMBER),
							summary.orderId(),
							required(summary.date(), url, "invoice " + summary.invoiceNumber() + " without Date"),
							summary.purchaseOrderNumber(),
							required(summary.total(), url, "invoice " + summary.invoiceNumber() + " without Total"),
							required(summary.accountCode(), url,
									"invoice " + summary.invoiceNumber() + " without AccountCode")));
		}
		return summaries;
	}

	@Override
	public SupplierInvoiceDetails invoice(ConnectSource source, long invoiceNumber) {
		String url = base(source) + "/invoices/" + invoiceNumber;
		JsonNode body = fetch(source, url);
		if (!(body instanceof ObjectNode object)) {
			throw notConnect(url, "did not answer with an invoice in Connect's JSON format");
		}
		ConnectWire.Invoice invoice = read(literalReading(object), ConnectWire.Invoice.class, url);
		List<InvoiceLineDetails> lines = new ArrayList<>();
		List<ConnectWire.Line> wireLines = (invoice.invoiceLines() != null) ? invoice.invoiceLines() : List.of();
		for (ConnectWire.Line line : wireLines) {
			String where = "invoice " + invoiceNumber + " with line " + (lines.size() + 1);
			lines.add(new InvoiceLineDetails(line.productCode(), line.description(),
					(line.quantityOrdered() != null) ? line.quantityOrdered() : 0,
					(line.quantityShipped() != null) ? line.quantityShipped() : 0, line.purchaseOrderNumber(),
					required(line.price(), url, where + " without Price"), line.listPrice(), line.rrp(),
					(line.tax() != null) ? line.tax() : BigDecimal.ZERO, line.batch(), line.expiry(),
					Boolean.TRUE.equals(line.miscellaneousItem())));
		}
		String which = "invoice " + invoiceNumber + " without ";
		return new SupplierInvoiceDetails(required(invoice.invoiceNumber(), url, which + ConnectApi.INVOICE_NUMBER),
				invoice.orderId(), invoice.purchaseOrderNumber(),
				required(invoice.accountCode(), url, which + "AccountCode"),
				required(invoice.date(), url, which + "Date"), invoice.notes(),
				(invoice.shipping() != null) ? invoice.shipping().toDomain() : null, invoice.paymentDue(),
				invoice.freight(), invoice.tax(), invoice.total(), lines);
	}

	private static String base(ConnectSource source) {
		String base = source.baseUrl().strip();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private JsonNode fetch(ConnectSource source, String url) {
		HttpGet request;
		try {
			request = new HttpGet(URI.create(url));
		}
		catch (IllegalArgumentException ex) {
			throw new FeedFailure(
					"The Connect endpoint's address " + url + " is not a valid URL; correct the import source.", ex);
		}
		request.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
		request.setHeader(ConnectApi.API_VERSION, String.valueOf(ConnectApi.VERSION));
		request.setHeader(ConnectApi.CLIENT, source.client());
		request.setHeader(ConnectApi.CLIENT_AUTH, source.clientAuth());
		request.setHeader(ConnectApi.USER_AUTH, source.userAuth());
		request.setHeader(ConnectApi.PRACTICE, source.practice());
		request.setHeader(ConnectApi.USER, source.user());
		if (source.accountCode() != null && !source.accountCode().isBlank()) {
			request.setHeader(ConnectApi.ACCOUNT_CODE, source.accountCode());
		}
		Answer answer;
		try {
			answer = this.http.execute(request, (response) -> {
				int status = response.getCode();
				HttpEntity entity = response.getEntity();
				if (status / 100 != 2 || entity == null) {
					// the body of an error is never read: nothing of it may show
					return new Answer(status, new byte[0]);
				}
				try (InputStream in = entity.getContent()) {
					byte[] body = in.readNBytes(MAX_BODY + 1);
					return new Answer(status, (body.length > MAX_BODY) ? null : body);
				}
			});
		}
		catch (OutboundRefused ex) {
			throw new FeedFailure(
					"The Connect endpoint " + url + " is refused: " + ex.getMessage() + "; correct the base URL.", ex);
		}
		catch (SocketTimeoutException ex) {
			throw new FeedFailure(
					"The Connect endpoint " + url + " did not answer in time; the import tries again later.", ex);
		}
		catch (IOException ex) {
			throw new FeedFailure("Cannot reach the Connect endpoint " + url + " (" + describe(ex)
					+ "); check the base URL, or try again later if the supplier's server is down.", ex);
		}
		if (answer.status() / 100 != 2) {
			throw new FeedFailure(failed(url, answer.status()), null);
		}
		byte[] body = answer.body();
		if (body == null) {
			throw notConnect(url, "answered more than " + MAX_BODY / (1024 * 1024) + " MB");
		}
		try {
			return ConnectFormat.JSON_MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw notConnect(url, "did not answer in JSON");
		}
	}

	/**
	 * What the endpoint answered: its status and, for a success, its body (null when it
	 * was too long).
	 */
	private record Answer(int status, byte @Nullable [] body) {
	}

	/**
	 * Why a request failed, by its status alone: nothing of the body shows, which could
	 * be anything the address answers.
	 */
	private static String failed(String url, int status) {
		HttpStatus known = HttpStatus.resolve(status);
		StringBuilder text = new StringBuilder("The Connect endpoint ").append(url).append(" answered ").append(status);
		if (known != null) {
			text.append(' ').append(known.getReasonPhrase());
		}
		text.append(switch (status) {
			case 401, 403 -> ". Check the import source's Client-Auth key and User-Auth token with the supplier.";
			case 400 -> ". Check the import source's headers (Client, Practice, User, Account-Code).";
			case 404 -> ". Check the base URL (it ends before /invoices).";
			case 429 -> ". The supplier limits how often it is read; the import tries again later.";
			case 301, 302, 303, 307, 308 -> ". Redirects are not followed: set the base URL to where it leads.";
			default -> (status >= 500) ? ". The supplier's server failed; the import tries again later."
					: ". The supplier refused the request.";
		});
		return text.toString();
	}

	private static String describe(IOException ex) {
		String name = ex.getClass().getSimpleName();
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? name : name + ": " + message;
	}

	private static <T> T read(JsonNode node, Class<T> type, String url) {
		try {
			return ConnectFormat.JSON_MAPPER.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw notConnect(url,
					"did not answer with " + ((type == ConnectWire.Invoice.class) ? "an invoice" : "invoice summaries")
							+ " in Connect's JSON format");
		}
	}

	private static FeedFailure notConnect(String url, String what) {
		// no parser message: it would quote the answer
		return new FeedFailure(
				"The Connect endpoint " + url + " " + what + "; check that the base URL is a Connect API's.", null);
	}

	/**
	 * A value the supplier must send.
	 * @param value the value
	 * @param url where it was read
	 * @param what what came without it, such as {@code invoice 12 without Date}
	 * @return the value
	 */
	private static <T> T required(@Nullable T value, String url, String what) {
		if (value == null) {
			throw new FeedFailure("The Connect endpoint " + url + " sent " + what
					+ "; the supplier must correct it before it can be imported.", null);
		}
		return value;
	}

	/**
	 * What the document allows beyond the Connect API's own answers: the lines in
	 * {@code Total} (as its table literally says) and a numeric postcode.
	 */
	private static JsonNode literalReading(ObjectNode invoice) {
		String total = name(invoice, "Total");
		if (total != null && invoice.get(total).isArray() && name(invoice, "InvoiceLines") == null
				&& name(invoice, "Lines") == null) {
			invoice.set("InvoiceLines", invoice.remove(total));
		}
		String shipping = name(invoice, "Shipping");
		if (shipping != null && invoice.get(shipping) instanceof ObjectNode shippingNode) {
			String address = name(shippingNode, "Address");
			if (address != null && shippingNode.get(address) instanceof ObjectNode addressNode) {
				String postcode = name(addressNode, "Postcode");
				if (postcode != null && addressNode.get(postcode).isIntegralNumber()) {
					String digits = addressNode.get(postcode).asString();
					addressNode.set(postcode,
							StringNode.valueOf("0".repeat(Math.max(0, POSTCODE_DIGITS - digits.length())) + digits));
				}
			}
		}
		return invoice;
	}

	private static @Nullable String name(ObjectNode object, String name) {
		for (String key : object.propertyNames()) {
			if (key.equalsIgnoreCase(name)) {
				return key;
			}
		}
		return null;
	}

}
