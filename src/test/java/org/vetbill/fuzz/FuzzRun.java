package org.vetbill.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import net.jqwik.api.sessions.JqwikSession;
import org.jspecify.annotations.Nullable;
import org.vetbill.fuzz.ApiOperations.Operation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends generated requests to a running server and keeps the figures: answers by status,
 * 5xx answers, connections reset or closed without an answer, timeouts, statuses the
 * operation does not document, and the first failures with the request that reproduces
 * each. Requests are generated on the calling thread (one seeded random, one jqwik
 * session) and sent by the given number of workers, each on its own kept-alive
 * connection; with one worker the run is reproducible request by request.
 */
public final class FuzzRun {

	/**
	 * A check around each request (with one worker): a text saying what went wrong, or
	 * null.
	 */
	public interface Check {

		void before(FuzzRequest request);

		@Nullable String after(FuzzRequest request, int status);

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int KEPT_FAILURES = 40;

	private final String baseUrl;

	private final List<Operation> operations;

	private final FuzzTarget target;

	private final KnownIds ids;

	private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> undocumented = new ConcurrentHashMap<>();

	private final LongAdder serverErrors = new LongAdder();

	private final LongAdder resets = new LongAdder();

	private final LongAdder timeouts = new LongAdder();

	private final LongAdder refusedWritesChecked = new LongAdder();

	private final AtomicLong sent = new AtomicLong();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong failureCount = new AtomicLong();

	private long elapsedMillis;

	private boolean progress;

	private long slowestNanos;

	private String slowest = "";

	public FuzzRun(String baseUrl, List<Operation> operations, FuzzTarget target, KnownIds ids) {
		this.baseUrl = baseUrl;
		this.operations = operations;
		this.target = target;
		this.ids = ids;
	}

	/**
	 * Prints a line of figures every minute while running, for long runs.
	 * @return this run
	 */
	public FuzzRun printingProgress() {
		this.progress = true;
		return this;
	}

	/**
	 * Runs until the number of requests is sent or the time is up.
	 * @param seed the seed of every choice
	 * @param requests how many requests
	 * @param budget the most time to take
	 * @param workers how many connections send in parallel
	 * @param check a check around each request, with one worker only; or null
	 * @return this run, for its figures
	 */
	public FuzzRun run(long seed, long requests, Duration budget, int workers, @Nullable Check check) {
		if (check != null && workers != 1) {
			throw new IllegalArgumentException("A check around each request needs one worker");
		}
		long start = System.nanoTime();
		long deadline = start + budget.toNanos();
		BlockingQueue<FuzzRequest> queue = new ArrayBlockingQueue<>(workers * 4);
		FuzzRequest end = new FuzzRequest("END", "", Map.of(), null, "end");
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			threads.add(Thread.ofPlatform().name("fuzz-" + i).start(() -> work(queue, end, check)));
		}
		boolean ownSession = !JqwikSession.isActive();
		if (ownSession) {
			JqwikSession.start();
		}
		try {
			RequestGenerator generator = new RequestGenerator(this.operations, this.target, this.ids);
			Random random = new Random(seed);
			long reported = System.nanoTime();
			for (long i = 0; i < requests && System.nanoTime() < deadline && !tooManyFailures(); i++) {
				queue.put(generator.next(random));
				if (this.progress && System.nanoTime() - reported > TimeUnit.MINUTES.toNanos(1)) {
					reported = System.nanoTime();
					System.out.printf("  ... %d sent in %d s: 5xx %d, resets %d, timeouts %d%n", sent(),
							TimeUnit.NANOSECONDS.toSeconds(reported - start), serverErrors(), resets(), timeouts());
				}
			}
			for (int i = 0; i < workers; i++) {
				queue.put(end);
			}
			for (Thread thread : threads) {
				thread.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			threads.forEach(Thread::interrupt);
		}
		finally {
			if (ownSession) {
				JqwikSession.finish();
			}
		}
		this.elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		return this;
	}

	private boolean tooManyFailures() {
		// a server that went down would otherwise fill the run with the same failure
		return this.resets.sum() > 1000;
	}

	private void work(BlockingQueue<FuzzRequest> queue, FuzzRequest end, @Nullable Check check) {
		try (RawHttp http = new RawHttp(this.baseUrl, 60_000)) {
			while (true) {
				FuzzRequest request = queue.take();
				if (request == end) {
					return;
				}
				if (check != null) {
					check.before(request);
				}
				long sentAt = System.nanoTime();
				RawHttp.Answer answer = http.send(request);
				slowest(System.nanoTime() - sentAt, request);
				record(request, answer);
				if (check != null && answer.failure() == null) {
					String problem = check.after(request, answer.status());
					if (request.isWrite() && answer.status() >= 400 && answer.status() < 500) {
						this.refusedWritesChecked.increment();
					}
					if (problem != null) {
						fail(request, problem);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private synchronized void slowest(long nanos, FuzzRequest request) {
		if (nanos > this.slowestNanos) {
			this.slowestNanos = nanos;
			this.slowest = request.toString();
		}
	}

	private void record(FuzzRequest request, RawHttp.Answer answer) {
		this.sent.incrementAndGet();
		if (answer.failure() != null) {
			(answer.failure().startsWith("timeout") ? this.timeouts : this.resets).increment();
			fail(request, answer.failure());
			return;
		}
		int status = answer.status();
		this.statuses.computeIfAbsent(status, (s) -> new LongAdder()).increment();
		if (status >= 500) {
			this.serverErrors.increment();
			fail(request, status + " " + FuzzRequest.escape(answer.text(500)));
		}
		Operation operation = operation(request);
		if (operation != null && !operation.documents(status)) {
			this.undocumented.computeIfAbsent(status + " on " + operation.name(), (k) -> new LongAdder()).increment();
		}
		if (status >= 200 && status < 300 && answer.body().length > 0 && answer.body()[0] == '{') {
			try {
				this.ids.learn(JSON.readTree(new String(answer.body(), StandardCharsets.UTF_8)));
			}
			catch (RuntimeException ex) {
				// not JSON after all: nothing to learn
			}
		}
	}

	private @Nullable Operation operation(FuzzRequest request) {
		for (Operation operation : this.operations) {
			if (operation.name().equals(request.operation())) {
				return operation;
			}
		}
		return null;
	}

	private void fail(FuzzRequest request, String problem) {
		this.failureCount.incrementAndGet();
		if (this.failures.size() < KEPT_FAILURES) {
			this.failures
				.add(problem + "\n    request: " + request + "\n    reproduce: " + request.toCurl(this.baseUrl));
		}
	}

	public long sent() {
		return this.sent.get();
	}

	public long serverErrors() {
		return this.serverErrors.sum();
	}

	public long resets() {
		return this.resets.sum();
	}

	public long timeouts() {
		return this.timeouts.sum();
	}

	/** Every failure: 5xx, no answer, and what a check found. */
	public long failureCount() {
		return this.failureCount.get();
	}

	/** The first failures, each with the request that reproduces it. */
	public List<String> failures() {
		return List.copyOf(this.failures);
	}

	public Map<Integer, Long> statuses() {
		Map<Integer, Long> counts = new TreeMap<>();
		this.statuses.forEach((status, count) -> counts.put(status, count.sum()));
		return counts;
	}

	/** The figures, as the script prints them. */
	public String report() {
		StringBuilder report = new StringBuilder();
		report.append(String.format("requests:      %d in %.1f s (%.0f/s)%n", sent(), this.elapsedMillis / 1000.0,
				sent() * 1000.0 / Math.max(1, this.elapsedMillis)));
		report.append("by status:     ").append(statuses()).append('\n');
		report.append("5xx:           ").append(serverErrors()).append('\n');
		report.append("resets:        ").append(resets()).append(" (connections reset or closed without an answer)\n");
		report.append("timeouts:      ").append(timeouts()).append('\n');
		report.append(String.format("slowest:       %.1f s, %s%n", this.slowestNanos / 1e9,
				(this.slowest.length() > 300) ? this.slowest.substring(0, 300) + "..." : this.slowest));
		if (this.refusedWritesChecked.sum() > 0) {
			report.append("refused writes checked unchanged: ").append(this.refusedWritesChecked.sum()).append('\n');
		}
		long undocumentedCount = this.undocumented.values().stream().mapToLong(LongAdder::sum).sum();
		report.append("undocumented:  ")
			.append(undocumentedCount)
			.append(" answers with a status their operation does not describe");
		this.undocumented.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
			.limit(8)
			.forEach((entry) -> report.append("\n               ")
				.append(entry.getValue().sum())
				.append(" x ")
				.append(entry.getKey()));
		report.append('\n');
		if (!this.failures.isEmpty()) {
			report.append("first failures (of ").append(failureCount()).append("):\n");
			this.failures.forEach((failure) -> report.append("  ").append(failure).append('\n'));
		}
		return report.toString();
	}

}
