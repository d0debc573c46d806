package org.vetbill.fuzz;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import org.vetbill.support.ApiResponse;

/**
 * Light mixed load on one organization for a given time, as a clinic's day brings it:
 * reads of invoices and payments, small payments, prepayments and their partial refunds,
 * and department settings changes. Every answer other than the one expected (a 5xx, a
 * conflict, no answer at all) is an error, kept with the request.
 */
public final class Soak {

	private static final int KEPT_ERRORS = 30;

	private final SampleOrganization organization;

	private final int clients;

	private final Map<String, LongAdder> actions = new ConcurrentHashMap<>();

	private final LongAdder errorCount = new LongAdder();

	private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

	private final List<Long> prepayments = new CopyOnWriteArrayList<>();

	private long settingsId;

	public Soak(SampleOrganization organization, int clients) {
		this.organization = organization;
		this.clients = clients;
	}

	/**
	 * Runs the load.
	 * @param duration how long
	 * @param pause the pause of each client between its requests
	 * @param seed the seed of the clients' choices
	 * @return this soak, for its figures
	 */
	public Soak run(Duration duration, Duration pause, long seed) {
		ApiResponse settings = this.organization.api().get(this.organization.cloud("settings/department/"));
		this.settingsId = settings.body().path("results").path(0).path("id").asLong();
		long deadline = System.nanoTime() + duration.toNanos();
		Random seeds = new Random(seed);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.clients; i++) {
			Random random = new Random(seeds.nextLong());
			// one client changes the settings, as one manager would: two changes racing
			// on
			// one department are a documented 409, not what the soak looks for
			boolean manager = i == 0;
			threads.add(Thread.ofPlatform().name("soak-" + i).start(() -> {
				while (System.nanoTime() < deadline) {
					act(random, manager);
					sleep(pause.toMillis() / 2 + random.nextLong(pause.toMillis() + 1));
				}
			}));
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return this;
	}

	private void act(Random random, boolean manager) {
		int choice = random.nextInt(100);
		if (choice >= 89 && !manager) {
			choice = random.nextInt(40);
		}
		List<Long> invoices = this.organization.invoices();
		long invoice = invoices.get(random.nextInt(invoices.size()));
		if (choice < 40) {
			String path = switch (random.nextInt(3)) {
				case 0 -> "invoice/?status__is=3&page_size=20";
				case 1 -> "invoice/" + invoice + "/";
				default -> "invoicepayment/?invoice__is=" + invoice;
			};
			check("read", this.organization.cloud(path), null, 200);
		}
		else if (choice < 65) {
			check("payment", this.organization.cloud("invoicepayment/"), Map.of("invoice", invoice, "payment_type", 1,
					"paid", BigDecimal.valueOf(1 + random.nextInt(99), 2).toPlainString()), 201);
		}
		else if (choice < 77 || this.prepayments.isEmpty()) {
			ApiResponse created = check("prepayment", this.organization.cloud("unallocatedpayment/"),
					Map.of("department", this.organization.department(), "client", this.organization.client(),
							"payment_type", 1, "paid", "20.00", "description", "Deposit"),
					201);
			if (created != null && created.status() == 201) {
				this.prepayments.add(created.id());
			}
		}
		else if (choice < 89) {
			long prepayment = this.prepayments.remove(random.nextInt(this.prepayments.size()));
			check("refund", this.organization.cloud("unallocatedpayment/"),
					Map.of("department", this.organization.department(), "client", this.organization.client(),
							"payment_type", 1, "paid", "-5.00", "refunds", prepayment),
					201);
		}
		else {
			String path = this.organization.cloud("settings/department/" + this.settingsId + "/");
			try {
				count("settings",
						this.organization.api().patch(path, Map.of("payment_cancel_set_date", random.nextBoolean())),
						200, "PATCH " + path);
			}
			catch (RuntimeException | AssertionError ex) {
				error("settings " + path + ": " + ex.getMessage());
			}
		}
	}

	private ApiResponse check(String action, String path, Map<String, Object> body, int expected) {
		try {
			ApiResponse response = (body == null) ? this.organization.api().get(path)
					: this.organization.api().post(path, body);
			count(action, response, expected, path + " " + ((body == null) ? "" : body));
			return response;
		}
		catch (RuntimeException | AssertionError ex) {
			// no answer, or a 429 (the test client refuses those): an error either way
			error(action + " " + path + ": " + ex.getMessage());
			return null;
		}
	}

	private void count(String action, ApiResponse response, int expected, String request) {
		this.actions.computeIfAbsent(action + " " + response.status(), (k) -> new LongAdder()).increment();
		if (response.status() != expected) {
			error(request + " answered " + response.status() + " "
					+ response.raw().substring(0, Math.min(300, response.raw().length())));
		}
	}

	private void error(String text) {
		this.errorCount.increment();
		if (this.errors.size() < KEPT_ERRORS) {
			this.errors.add(java.time.Instant.now() + " " + text);
		}
	}

	public long errorCount() {
		return this.errorCount.sum();
	}

	public List<String> errors() {
		return List.copyOf(this.errors);
	}

	/** The figures: requests by action and status, errors and the first of them. */
	public String report() {
		Map<String, Long> counts = new TreeMap<>();
		this.actions.forEach((action, count) -> counts.put(action, count.sum()));
		StringBuilder report = new StringBuilder("requests by action and status: ").append(counts)
			.append("\nerrors: ")
			.append(errorCount())
			.append('\n');
		this.errors.forEach((error) -> report.append("  ").append(error).append('\n'));
		return report.toString();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
