package org.vetbill.fuzz;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jooq.CloseableDSLContext;
import org.vetbill.support.Api;
import org.vetbill.support.ApiResponse;
import org.vetbill.support.LedgerInvariants;

import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;
import static org.vetbill.shared.db.Tables.ORGANIZATION;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * Crash rounds: clients move money (payments and prepayments, each with its own
 * {@code Idempotency-Key}) while the server is killed with {@code kill -9}; after the
 * restart, every request whose answer was lost is sent again with its key, every
 * acknowledged one is sent again too and must be replayed with the same answer, and the
 * database must hold exactly the acknowledged payments and prepayments, once each, with
 * the ledger's invariants intact.
 */
public final class CrashRounds {

	/** One money-moving request, sent with its key, and what came of it. */
	private record Sent(String key, boolean payment, String path, Map<String, Object> body, BigDecimal amount) {
	}

	/**
	 * What a round found.
	 *
	 * @param round its number, from 1
	 * @param acknowledged requests answered 201 before the kill
	 * @param inFlight requests without an answer at the kill
	 * @param committedBeforeKill of those, how many the retry showed as done already
	 * @param replayed acknowledged requests that a retry answered with the same record
	 * @param expectedPayments payments acknowledged so far, over all rounds
	 * @param foundPayments payments found in the database
	 * @param expectedPrepayments prepayments acknowledged so far
	 * @param foundPrepayments prepayments found in the database
	 * @param problems what was wrong, empty when the round is clean
	 */
	public record Figures(int round, int acknowledged, int inFlight, int committedBeforeKill, int replayed,
			long expectedPayments, long foundPayments, long expectedPrepayments, long foundPrepayments,
			List<String> problems) {

		@Override
		public String toString() {
			return String.format(
					"round %d: %d acknowledged, %d in flight at the kill (%d of them done before it), %d replayed on retry; "
							+ "payments acknowledged %d / found %d, prepayments acknowledged %d / found %d; %s",
					this.round, this.acknowledged, this.inFlight, this.committedBeforeKill, this.replayed,
					this.expectedPayments, this.foundPayments, this.expectedPrepayments, this.foundPrepayments,
					this.problems.isEmpty() ? "clean" : this.problems.size() + " problem(s): " + this.problems);
		}

	}

	private final ServerProcess server;

	private final SampleOrganization organization;

	private final Supplier<CloseableDSLContext> database;

	private final int clients;

	private final Random random;

	private final Map<String, Long> acknowledgedIds = new HashMap<>();

	private long expectedPayments;

	private long expectedPrepayments;

	private BigDecimal expectedSum = BigDecimal.ZERO;

	/**
	 * @param server the running server
	 * @param organization the organization the money moves in
	 * @param database opens the server's database
	 * @param clients how many clients send at once
	 * @param seed the seed of amounts and timing
	 */
	public CrashRounds(ServerProcess server, SampleOrganization organization, Supplier<CloseableDSLContext> database,
			int clients, long seed) {
		this.server = server;
		this.organization = organization;
		this.database = database;
		this.clients = clients;
		this.random = new Random(seed);
	}

	/**
	 * One round: load, kill, restart, check.
	 * @param round its number
	 * @param load how long the clients send before the kill
	 * @param startTimeout how long the restart may take
	 * @return what it found
	 */
	public Figures round(int round, Duration load, Duration startTimeout) {
		Map<Sent, Long> acknowledged = new ConcurrentHashMap<>();
		List<Sent> inFlight = Collections.synchronizedList(new ArrayList<>());
		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean killed = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.clients; i++) {
			long seed = this.random.nextLong();
			threads.add(Thread.ofPlatform()
				.name("crash-client-" + i)
				.start(() -> send(new Random(seed), killed, acknowledged, inFlight, problems)));
		}
		sleep(load.toMillis() / 2 + this.random.nextLong(load.toMillis() / 2 + 1));
		killed.set(true);
		this.server.kill();
		threads.forEach(CrashRounds::join);
		this.server.start(startTimeout);

		int committedBefore = 0;
		for (Sent sent : inFlight) {
			ApiResponse retry = post(sent);
			if (retry.status() != 201) {
				problems.add("retry of " + sent.key() + " after the restart answered " + retry);
				continue;
			}
			if ("true".equals(retry.header("Idempotent-Replayed").orElse(""))) {
				committedBefore++;
			}
			acknowledge(sent, retry.id());
		}
		int replayed = 0;
		for (Map.Entry<Sent, Long> entry : acknowledged.entrySet()) {
			Sent sent = entry.getKey();
			long id = entry.getValue();
			acknowledge(sent, id);
			ApiResponse retry = post(sent);
			if (retry.status() == 201 && retry.id() == id
					&& "true".equals(retry.header("Idempotent-Replayed").orElse(""))) {
				replayed++;
			}
			else {
				problems.add("retry of acknowledged " + sent.key() + " (id " + id + ") answered " + retry);
			}
		}
		return check(round, acknowledged.size(), inFlight.size(), committedBefore, replayed, problems);
	}

	private void send(Random random, AtomicBoolean killed, Map<Sent, Long> acknowledged, List<Sent> inFlight,
			List<String> problems) {
		while (!killed.get()) {
			Sent sent = next(random);
			ApiResponse response;
			try {
				response = post(sent);
			}
			catch (IllegalStateException ex) {
				if (killed.get()) {
					inFlight.add(sent);
					return;
				}
				problems.add("no answer before the kill to " + sent.key() + ": " + ex.getMessage());
				continue;
			}
			if (response.status() == 201) {
				acknowledged.put(sent, response.id());
			}
			else {
				problems.add(sent.path() + " " + sent.body() + " answered " + response);
			}
		}
	}

	private Sent next(Random random) {
		String key = UUID.randomUUID().toString();
		if (random.nextInt(10) < 7) {
			List<Long> invoices = this.organization.invoices();
			BigDecimal paid = BigDecimal.valueOf(1 + random.nextInt(99), 2);
			return new Sent(key, true, this.organization.cloud("invoicepayment/"), Map.of("invoice",
					invoices.get(random.nextInt(invoices.size())), "payment_type", 1, "paid", paid.toPlainString()),
					paid);
		}
		BigDecimal paid = BigDecimal.valueOf(100 + random.nextInt(4900), 2);
		return new Sent(key, false, this.organization.cloud("unallocatedpayment/"),
				Map.of("department", this.organization.department(), "client", this.organization.client(),
						"payment_type", 1, "paid", paid.toPlainString(), "description", "Deposit"),
				paid);
	}

	private ApiResponse post(Sent sent) {
		Api api = this.organization.api();
		return api.post(sent.path(), sent.body(), "Idempotency-Key", sent.key());
	}

	private void acknowledge(Sent sent, long id) {
		synchronized (this.acknowledgedIds) {
			if (this.acknowledgedIds.putIfAbsent(sent.key(), id) == null) {
				if (sent.payment()) {
					this.expectedPayments++;
				}
				else {
					this.expectedPrepayments++;
				}
				this.expectedSum = this.expectedSum.add(sent.amount());
			}
		}
	}

	private Figures check(int round, int acknowledged, int inFlight, int committedBefore, int replayed,
			List<String> problems) {
		try (CloseableDSLContext dsl = this.database.get()) {
			Long organization = dsl.select(ORGANIZATION.ID)
				.from(ORGANIZATION)
				.where(ORGANIZATION.PROVET_ID.eq(this.organization.provetId()))
				.fetchOne(ORGANIZATION.ID);
			long payments = dsl.fetchCount(INVOICE_PAYMENT, INVOICE_PAYMENT.ORGANIZATION_ID.eq(organization));
			long prepayments = dsl.fetchCount(UNALLOCATED_PAYMENT,
					UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(organization));
			BigDecimal sum = dsl.select(org.jooq.impl.DSL.sum(INVOICE_PAYMENT.PAID))
				.from(INVOICE_PAYMENT)
				.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(organization))
				.fetchOne(0, BigDecimal.class);
			BigDecimal prepaid = dsl.select(org.jooq.impl.DSL.sum(UNALLOCATED_PAYMENT.PAID))
				.from(UNALLOCATED_PAYMENT)
				.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(organization))
				.fetchOne(0, BigDecimal.class);
			BigDecimal found = nonNull(sum).add(nonNull(prepaid));
			if (payments != this.expectedPayments || prepayments != this.expectedPrepayments) {
				problems.add("the database holds " + payments + " payments and " + prepayments
						+ " prepayments, the clients were given " + this.expectedPayments + " and "
						+ this.expectedPrepayments);
			}
			if (found.compareTo(this.expectedSum) != 0) {
				problems.add("the database's payments and prepayments add up to " + found
						+ ", the acknowledged ones to " + this.expectedSum);
			}
			problems.addAll(LedgerInvariants.violations(dsl));
			return new Figures(round, acknowledged, inFlight, committedBefore, replayed, this.expectedPayments,
					payments, this.expectedPrepayments, prepayments, List.copyOf(problems));
		}
	}

	private static BigDecimal nonNull(BigDecimal value) {
		return (value == null) ? BigDecimal.ZERO : value;
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
