package org.vetbill.api.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.LedgerInvariants;
import org.vetbill.support.TestTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's delta-sync pattern under load: eight writers move money for a while
 * (payments and their cancellations, prepayments, their refunds and uses, ERP
 * write-backs, new invoices) while a poller follows the pattern on invoices, payments and
 * prepayments: each run reads everything with {@code modified__gte=<watermark>} page by
 * page with {@code id__gt}, and keeps the {@code Sync-Watermark} of the run's first page
 * for the next run. At the end, after one more run, the poller's copy equals the database
 * record for record. A second poller that uses its own poll time instead is counted, not
 * asserted: it shows what the watermark protects against when the timing bites.
 * <p>
 * Every client honours the rate limits as integrators must: on a 429 it waits the
 * {@code Retry-After} and asks again. The writers write for
 * {@code vetbill.test.delta-sync-seconds} (20 in the build;
 * {@code -Dvetbill.test.delta-sync-seconds=60} or more for a longer soak).
 */
class DeltaSyncIntegrationTests extends IntegrationTest {

	private static final List<String> RESOURCES = List.of("invoice", "invoicepayment", "unallocatedpayment");

	private static final int PAGE_SIZE = 100;

	private static final int WRITERS = 8;

	private TestTenant tenant;

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	@Test
	void aPollerFollowingTheWatermarkMissesNoChange() throws Exception {
		this.tenant = newTenant();
		Duration duration = Duration.ofSeconds(Long.getLong("vetbill.test.delta-sync-seconds", 60));
		List<Long> invoices = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 20; i++) {
			invoices.add(invoice(this.tenant.api.expectingThrottling()));
		}
		AtomicBoolean writing = new AtomicBoolean(true);
		Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
		Poller poller = new Poller(this.tenant.apiWith("read").expectingThrottling(), true);
		Poller naive = new Poller(this.tenant.apiWith("read").expectingThrottling(), false);
		ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				Writer writer = new Writer(this.tenant.apiWith("read", "billing").expectingThrottling(), new Random(w),
						invoices, writes);
				writers.add(threads.submit(() -> {
					while (writing.get()) {
						writer.step();
						// a busy front desk, not a load test: the poller must keep up
						// under
						// the same rate limits integrators have
						sleep(Duration.ofMillis(100));
					}
					return null;
				}));
			}
			Future<?> polling = threads.submit(() -> poller.followWhile(writing::get));
			Future<?> naivePolling = threads.submit(() -> naive.followWhile(writing::get));
			Thread.sleep(duration.toMillis());
			writing.set(false);
			for (Future<?> writer : writers) {
				writer.get();
			}
			polling.get();
			naivePolling.get();
		}
		finally {
			threads.shutdownNow();
		}
		// the run after the last change
		poller.run();
		naive.run();

		Poller truth = new Poller(this.tenant.apiWith("read").expectingThrottling(), true);
		truth.run();
		int records = 0;
		int naiveMisses = 0;
		for (String resource : RESOURCES) {
			Map<Long, JsonNode> database = truth.copy(resource);
			assertThat(poller.copy(resource).keySet()).as(resource).isEqualTo(database.keySet());
			database.forEach((id, record) -> assertThat(ownState(poller.copy(resource).get(id))).as(resource + " " + id)
				.isEqualTo(ownState(record)));
			records += database.size();
			naiveMisses += (int) database.entrySet()
				.stream()
				.filter((entry) -> !ownState(entry.getValue())
					.equals(ownState(naive.copy(resource).get(entry.getKey()))))
				.count();
		}
		System.out.printf(
				"delta sync on %s: %d writers for %d s made %s; the watermark poller ran %d times (%d pages, %d "
						+ "throttled) and holds all %d records as the database does; the poller using its own poll "
						+ "time ran %d times and ends with %d records missing or stale%n",
				this.context.getBean(DSLContext.class).dialect(), WRITERS, duration.toSeconds(), new TreeMap<>(writes),
				poller.runs.get(), poller.pages.get(), poller.throttled.get(), records, naive.runs.get(), naiveMisses);
		assertThat(writes.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThan(WRITERS * 10);
		assertThat(poller.runs.get()).isGreaterThan(2);
		LedgerInvariants.assertHold(this.context.getBean(DSLContext.class));
	}

	/**
	 * A record without {@code client_due_sum}: that is the sum over all the client's
	 * invoices as of the read, not a field of the invoice, so it changes with every other
	 * invoice of the client while the invoice itself (and its {@code modified}) does not,
	 * and no delta sync can follow it (the README says so).
	 */
	private static @Nullable JsonNode ownState(@Nullable JsonNode record) {
		if (record instanceof ObjectNode object) {
			ObjectNode copy = object.deepCopy();
			copy.remove("client_due_sum");
			return copy;
		}
		return record;
	}

	private long invoice(Api api) {
		ApiResponse draft = retried(() -> api.post(this.tenant.path("/invoices"),
				Map.of("department_id", this.tenant.department, "client_id", this.tenant.client, "rows", List.of(
						Map.of("item_id", this.tenant.consultationItem, "quantity", 2),
						Map.of("item_id", this.tenant.medicineItem, "quantity", "3", "percentage_change", -10)))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		ApiResponse finalized = retried(
				() -> api.post(this.tenant.path("/invoices/" + draft.id() + "/finalize"), null));
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		return draft.id();
	}

	/**
	 * Sends a request again after the {@code Retry-After} of a 429, as integrators must.
	 */
	private static ApiResponse retried(Supplier<ApiResponse> request) {
		while (true) {
			ApiResponse response = request.get();
			if (response.status() != 429) {
				return response;
			}
			sleep(Duration.ofSeconds(Long.parseLong(response.header("Retry-After").orElse("1"))));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One writer: a random money movement per step, refusals included. */
	private final class Writer {

		private final Api api;

		private final Random random;

		private final List<Long> invoices;

		private final Map<String, AtomicInteger> writes;

		private final List<Long> payments = new ArrayList<>();

		private final List<Long> prepayments = new ArrayList<>();

		Writer(Api api, Random random, List<Long> invoices, Map<String, AtomicInteger> writes) {
			this.api = api;
			this.random = random;
			this.invoices = invoices;
			this.writes = writes;
		}

		void step() {
			switch (this.random.nextInt(8)) {
				case 0, 1 -> {
					ApiResponse paid = post("invoicepayment/",
							Map.of("invoice", pick(this.invoices), "payment_type", 1, "paid", cents(100, 2000)));
					created("payment", paid).ifPresent(this.payments::add);
				}
				case 2 -> {
					if (!this.payments.isEmpty()) {
						long payment = this.payments.remove(this.random.nextInt(this.payments.size()));
						created("payment cancellation", post("invoicepayment/" + payment + "/cancel_payment/",
								Map.of("info", "wrong amount", "cancel_date", "2026-11-20T09:00:00")));
					}
				}
				case 3 -> created("prepayment",
						post("unallocatedpayment/",
								Map.of("department", DeltaSyncIntegrationTests.this.tenant.department, "client",
										DeltaSyncIntegrationTests.this.tenant.client, "payment_type", 1, "paid",
										cents(5000, 20000))))
					.ifPresent(this.prepayments::add);
				case 4 -> {
					if (!this.prepayments.isEmpty()) {
						long prepayment = pick(this.prepayments);
						created("prepayment refund",
								post("unallocatedpayment/",
										Map.of("department", DeltaSyncIntegrationTests.this.tenant.department, "client",
												DeltaSyncIntegrationTests.this.tenant.client, "payment_type", 1, "paid",
												"-" + cents(100, 1000), "refunds", prepayment)));
					}
				}
				case 5 -> {
					if (!this.prepayments.isEmpty()) {
						long prepayment = pick(this.prepayments);
						ApiResponse written = retried(
								() -> this.api.patch(cloud("unallocatedpayment/" + prepayment + "/external_info/"),
										Map.of("external_id", "ERP-" + this.random.nextInt(100000))));
						count("prepayment write-back", written.status() == 200);
					}
				}
				case 6 -> {
					if (!this.prepayments.isEmpty()) {
						long invoice = pick(this.invoices);
						long prepayment = pick(this.prepayments);
						ApiResponse applied = retried(() -> this.api.post(
								DeltaSyncIntegrationTests.this.tenant
									.path("/invoices/" + invoice + "/apply-prepayment"),
								Map.of("unallocated_payment_id", prepayment, "amount", cents(100, 1000))));
						count("prepayment use", applied.status() == 201 || applied.status() == 200);
					}
				}
				default -> {
					if (this.random.nextInt(4) == 0) {
						this.invoices.add(invoice(this.api));
						count("invoice", true);
					}
				}
			}
		}

		private ApiResponse post(String path, Object body) {
			return retried(() -> this.api.post(cloud(path), body));
		}

		private Optional<Long> created(String what, ApiResponse response) {
			count(what, response.status() == 201);
			return (response.status() == 201) ? Optional.of(response.id()) : Optional.empty();
		}

		private void count(String what, boolean done) {
			if (done) {
				this.writes.computeIfAbsent(what, (key) -> new AtomicInteger()).incrementAndGet();
			}
			else {
				this.writes.computeIfAbsent("refused", (key) -> new AtomicInteger()).incrementAndGet();
			}
		}

		private long pick(List<Long> ids) {
			return ids.get(this.random.nextInt(ids.size()));
		}

		private String cents(int from, int to) {
			int cents = from + this.random.nextInt(to - from);
			return (cents / 100) + "." + String.format("%02d", cents % 100);
		}

	}

	/**
	 * A sync client. With {@code watermark} it follows the README's pattern; without, it
	 * uses the time it started its previous run, as clients of the original API do.
	 */
	private final class Poller {

		private final Api api;

		private final boolean watermark;

		private final Map<String, Map<Long, JsonNode>> copies = new HashMap<>();

		private final Map<String, @Nullable String> since = new HashMap<>();

		final AtomicInteger runs = new AtomicInteger();

		final AtomicInteger pages = new AtomicInteger();

		final AtomicInteger throttled = new AtomicInteger();

		Poller(Api api, boolean watermark) {
			this.api = api;
			this.watermark = watermark;
		}

		Map<Long, JsonNode> copy(String resource) {
			return this.copies.getOrDefault(resource, Map.of());
		}

		void followWhile(Supplier<Boolean> going) {
			while (going.get()) {
				run();
			}
		}

		void run() {
			for (String resource : RESOURCES) {
				String previous = this.since.get(resource);
				String next = Instant.now().toString();
				long lastId = 0;
				boolean first = true;
				while (true) {
					long after = lastId;
					String path = cloud(resource + "/?page_size=" + PAGE_SIZE + "&id__gt=" + after
							+ ((previous != null) ? "&modified__gte=" + previous : ""));
					ApiResponse page = this.api.get(path);
					while (page.status() == 429) {
						this.throttled.incrementAndGet();
						sleep(Duration.ofSeconds(Long.parseLong(page.header("Retry-After").orElse("1"))));
						page = this.api.get(path);
					}
					assertThat(page.status()).as(page.toString()).isEqualTo(200);
					this.pages.incrementAndGet();
					if (first && this.watermark) {
						next = page.header("Sync-Watermark").orElseThrow();
					}
					first = false;
					JsonNode results = page.get("results");
					for (JsonNode record : results) {
						lastId = record.path("id").asLong();
						this.copies.computeIfAbsent(resource, (key) -> new HashMap<>()).put(lastId, record);
					}
					if (results.size() < PAGE_SIZE) {
						break;
					}
				}
				this.since.put(resource, next);
			}
			this.runs.incrementAndGet();
		}

	}

}
