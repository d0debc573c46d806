package org.vetbill.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the webhook tests share: a tenant of their own, a receiver on localhost, and the
 * Cloud API's {@code hook/} endpoints. Every webhook a test creates is deleted after it,
 * queue included, so no delivery outlives its test.
 */
abstract class WebhookIntegrationTest extends IntegrationTest {

	static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

	protected TestTenant tenant;

	protected Receiver receiver;

	@BeforeEach
	void setUpTenantAndReceiver() {
		this.tenant = newTenant();
		this.receiver = Receiver.start();
	}

	@AfterEach
	void deleteWebhooksAndStopReceiving() {
		this.clock.reset();
		for (JsonNode webhook : ok(this.tenant.api.get(cloud("hook/webhook/?page_size=100"))).path("results")) {
			this.tenant.api.delete(cloud("hook/webhook/" + webhook.path("id").asLong() + "/"));
		}
		this.receiver.close();
	}

	String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	String absolute(String path) {
		return "http://localhost:" + this.port + cloud(path);
	}

	static JsonNode ok(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	/** When the changes of tests that pin the clock happen. */
	static final String CHANGED = "2026-11-21T10:00:00Z";

	/**
	 * Who the tenant's API client is, as webhook bodies name it.
	 * @return the actor
	 */
	String actor() {
		return ok(this.tenant.api.get("/" + this.tenant.provetId + "/vetbill/v1/me")).path("actor").asString();
	}

	/**
	 * The JSON body of a delivery of a change the tenant's API client made at
	 * {@link #CHANGED}.
	 * @param key the id's key, such as {@code invoice_id}
	 * @param id the changed object's id
	 * @return the exact body
	 */
	String jsonBody(String key, long id) {
		return "{\"" + key + "\":" + id + ",\"user\":\"" + actor() + "\",\"timestamp\":\"" + CHANGED + "\"}";
	}

	/**
	 * When the change a delivery tells of was made (the delivery's {@code created}), as
	 * webhook bodies write it: ISO 8601 in UTC.
	 * @param delivery the delivery
	 * @return the instant
	 */
	String changedAt(long delivery) {
		return DateTimeFormatter.ISO_INSTANT
			.format(OffsetDateTime.parse(delivery(delivery).path("created").asString()).toInstant());
	}

	static JsonNode created(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.body();
	}

	/**
	 * Subscribes a path of the receiver to a trigger.
	 * @param trigger the trigger
	 * @param path the receiver's path
	 * @param contentType 1 form, 2 JSON
	 * @param department the department, or null for the whole organization
	 * @return the webhook
	 */
	JsonNode webhook(int trigger, String path, int contentType, @Nullable Long department) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("trigger", trigger);
		body.put("name", "test " + trigger + " " + path);
		body.put("target_url", this.receiver.url(path));
		body.put("content_type", contentType);
		body.put("department", (department != null) ? absolute("department/" + department + "/") : null);
		return created(this.tenant.api.post(cloud("hook/webhook/"), body));
	}

	/**
	 * The queue entries of this tenant matching a query, in id order.
	 * @param query filters, such as {@code webhook=3}
	 * @return the entries
	 */
	List<JsonNode> queue(String query) {
		List<JsonNode> entries = new ArrayList<>();
		// pages of 100 (a list weighs ceil(page_size / 50) against the rate limit), read
		// on
		// by key
		String next = cloud("hook/queue/?page_size=100" + (query.isEmpty() ? "" : "&" + query));
		while (next != null) {
			JsonNode page = ok(this.tenant.api.get(next));
			page.path("results").forEach(entries::add);
			next = page.path("next").isNull() ? null : URI.create(page.path("next").asString()).getRawPath() + "?"
					+ URI.create(page.path("next").asString()).getRawQuery();
		}
		return entries;
	}

	JsonNode delivery(long id) {
		return ok(this.tenant.api.get(cloud("hook/queue/" + id + "/")));
	}

	/**
	 * Waits until a delivery reaches a state.
	 * @param id the delivery
	 * @param state pending, delivered or failed
	 * @return the delivery then
	 */
	JsonNode awaitState(long id, String state) {
		Awaitility.await("delivery " + id + " " + state)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> delivery(id).path("state").asString().equals(state));
		return delivery(id);
	}

	/**
	 * A prepayment of the tenant's client, through the Cloud API.
	 * @param department its department
	 * @return its id
	 */
	long prepayment(long department) {
		return created(this.tenant.api.post(cloud("unallocatedpayment/"),
				Map.of("department", department, "client", this.tenant.client, "payment_type", 1, "paid", "50.00")))
			.path("id")
			.asLong();
	}

	/**
	 * A finalized invoice of 137.59 (two consultations and a medicine), through vetbill's
	 * own API.
	 * @return its id
	 */
	long invoice() {
		long draft = draft();
		ok(this.tenant.api.post(this.tenant.path("/invoices/" + draft + "/finalize"), null));
		return draft;
	}

	long draft() {
		return created(
				this.tenant.api.post(this.tenant.path("/invoices"),
						Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows",
								List.of(Map.of("item_id", this.tenant.consultationItem, "quantity", 2),
										Map.of("item_id", this.tenant.medicineItem, "quantity", 1)))))
			.path("id")
			.asLong();
	}

}
