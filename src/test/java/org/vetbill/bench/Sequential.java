package org.vetbill.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.vetbill.support.Api;

/**
 * The benchmark's workloads of one client, one request after the other, timed with the
 * JDK's HTTP client: many payments on one invoice, a full sync by keyset pages and the
 * median of list pages at random cursors.
 */
final class Sequential {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String authorization;

	private final String prefix;

	/**
	 * @param baseUrl the server
	 * @param authorization the {@code Authorization} header
	 * @param prefix the Cloud API prefix of the organization ({@code /7001/api/0.1/})
	 */
	Sequential(String baseUrl, String authorization, String prefix) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
		this.prefix = prefix;
	}

	/** One answer: its status, body and how long it took. */
	record Timed(int status, byte[] body, long nanos) {
		JsonNode json() {
			return Api.parse(new String(this.body, StandardCharsets.UTF_8));
		}
	}

	Timed get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + this.prefix + path)).GET());
	}

	Timed pay(long invoice, String amount) {
		String body = "{\"invoice\": " + invoice + ", \"payment_type\": 0, \"paid\": \"" + amount + "\"}";
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + this.prefix + "invoicepayment/"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Timed send(HttpRequest.Builder request) {
		request.header("Authorization", this.authorization).timeout(Duration.ofMinutes(5));
		long started = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Timed(response.statusCode(), response.body(), System.nanoTime() - started);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Timed expectOk(Timed answer, String what) {
		if (answer.status() / 100 != 2) {
			throw new IllegalStateException(
					what + " answered " + answer.status() + ": " + new String(answer.body(), StandardCharsets.UTF_8));
		}
		return answer;
	}

	/**
	 * Payments of 0.01 one after the other on one invoice.
	 * @return the mean latency in ms of the first 100 and of the last 100, then their
	 * medians
	 */
	double[] history(long invoice, int payments) {
		long[] nanos = new long[payments];
		for (int i = 0; i < payments; i++) {
			nanos[i] = expectOk(pay(invoice, "0.01"), "payment " + (i + 1) + " on invoice " + invoice).nanos();
		}
		int window = Math.min(100, payments / 2);
		return new double[] { mean(nanos, 0, window), mean(nanos, payments - window, payments),
				median(nanos, 0, window), median(nanos, payments - window, payments) };
	}

	private static double median(long[] nanos, int from, int to) {
		long[] window = Arrays.copyOfRange(nanos, from, to);
		Arrays.sort(window);
		return window[window.length / 2] / 1e6;
	}

	private static double mean(long[] nanos, int from, int to) {
		return Arrays.stream(nanos, from, to).average().orElse(0) / 1e6;
	}

	/**
	 * Every finalized invoice with its rows, by keyset pages.
	 * @return seconds taken, bytes of JSON and invoices read
	 */
	double[] fullSync(int pageSize) {
		long last = 0;
		long bytes = 0;
		long invoices = 0;
		long started = System.nanoTime();
		while (true) {
			Timed page = expectOk(
					get("invoice/?status__is=3&expose_invoice_row&page_size=" + pageSize + "&id__gt=" + last),
					"a sync page");
			bytes += page.body().length;
			JsonNode results = page.json().path("results");
			if (results.isEmpty()) {
				break;
			}
			if (invoices == 0 && !results.get(0).path("invoice_row").path(0).isObject()) {
				throw new IllegalStateException("expose_invoice_row did not write the rows inline: " + results.get(0));
			}
			invoices += results.size();
			last = results.get(results.size() - 1).path("id").asLong();
			if (results.size() < pageSize) {
				break;
			}
		}
		return new double[] { (System.nanoTime() - started) / 1e9, bytes, invoices };
	}

	/**
	 * The median latency in ms of list pages at random cursors: {@code id__gt} between
	 * the organization's first and last invoice, or {@code modified__gte} between their
	 * times.
	 */
	double listMedian(String filter, long firstId, long lastId, Instant firstModified, Instant lastModified,
			int requests, long seed) {
		Random random = new Random(seed);
		long[] nanos = new long[requests];
		for (int i = 0; i < requests; i++) {
			String query;
			if (filter.equals("id__gt")) {
				query = "id__gt=" + (firstId + (long) (random.nextDouble() * (lastId - firstId)));
			}
			else {
				long span = Duration.between(firstModified, lastModified).toMillis();
				Instant at = firstModified.plusMillis((long) (random.nextDouble() * span));
				query = "modified__gte=" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))
					.replace("+", "%2B");
			}
			nanos[i] = expectOk(get("invoice/?page_size=50&" + query), "a list page").nanos();
		}
		Arrays.sort(nanos);
		return nanos[requests / 2] / 1e6;
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[sorted.length / 2];
	}

}
