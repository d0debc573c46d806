package org.vetbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.CloseableDSLContext;
import org.vetbill.fuzz.FreshPostgresDatabase;
import org.vetbill.fuzz.ServerProcess;
import org.vetbill.support.LedgerInvariants;

/**
 * One benchmark run: the data, the server, then each workload against vetbill and against
 * its limit, in interleaved rounds.
 */
final class BenchRun {

	private static final Path DIR = Path.of("target", "bench");

	private static final int[] PAYMENT_CLIENTS = { 1, 4, 16 };

	private final BenchDatabase database;

	private final BenchMain.Settings settings;

	private final Results results = new Results();

	private long base;

	private long warmUpInvoice;

	BenchRun(BenchDatabase database, BenchMain.Settings settings) {
		this.database = database;
		this.settings = settings;
	}

	Results run() {
		BenchOrganization large;
		BenchOrganization small;
		try (ServerProcess server = server()) {
			step("migrating an empty database", () -> server.start(Duration.ofMinutes(5)));
			large = BenchOrganization.create(server.baseUrl(), BenchMain.ADMIN_KEY, "7001", this.database);
			small = BenchOrganization.create(server.baseUrl(), BenchMain.ADMIN_KEY, "7002", this.database);
			BenchOrganization.Generated generation = large.generate(this.database, this.settings.invoices());
			this.base = generation.base();
			Duration generated = generation.took();
			System.out.println("generated " + String.format("%,d", this.settings.invoices()) + " invoices in "
					+ seconds(generated));
			this.results.note("The generator made " + String.format("%,d", this.settings.invoices()) + " invoices in "
					+ seconds(generated) + ".");
			small.generate(this.database, this.settings.small());
		}
		if (this.settings.generateOnly()) {
			return this.results;
		}
		long bigId = large.id();
		long department = this.database.one("select min(id) from department where organization_id = ?", bigId);
		Path open = ids("open-invoices.txt", "select id from invoice where organization_id = " + bigId
				+ " and status = 3 and paid_amount = 0 order by random() limit 50002");
		// two invoices kept out of the load: one for the history, one to warm its client
		// up on
		long historyInvoice = Long.parseLong(lines(open).get(0));
		this.warmUpInvoice = Long.parseLong(lines(open).get(1));
		writeIds(open, lines(open).subList(2, lines(open).size()));
		Path any = ids("invoices.txt",
				"select id from invoice where organization_id = " + bigId + " order by random() limit 50000");
		long lo = this.base + 1;
		long hi = this.base + this.settings.invoices();
		try (ServerProcess server = server()) {
			long started = System.nanoTime();
			server.start(Duration.ofMinutes(5));
			double startup = (System.nanoTime() - started) / 1e9;
			String token = large.api().authorization().substring("Bearer ".length());
			Map<String, String> payEnv = Map.of("BENCH_IDS", open.toAbsolutePath().toString(), "BENCH_TOKEN", token,
					"BENCH_PREFIX", large.cloud(""));
			Map<String, String> readEnv = Map.of("BENCH_IDS", any.toAbsolutePath().toString(), "BENCH_TOKEN", token,
					"BENCH_PREFIX", large.cloud(""));
			Map<String, Object> pgVars = Map.of("org", bigId, "dept", department, "lo", lo, "hi", hi, "base", this.base,
					"open", this.settings.invoices() / 20 * 12, "actor", "client:admin");
			System.out.println("warming up");
			LoadTools.wrk(server.baseUrl(), "payment.lua", 4, this.settings.seconds(), payEnv);
			LoadTools.wrk(server.baseUrl(), "read.lua", 4, this.settings.seconds(), readEnv);
			sleep(2000);
			double restMb = RssSampler.rssKb(server.pid()) / 1024.0;
			double peakMb = 0;
			Map<String, List<Double>> figures = new java.util.LinkedHashMap<>();
			for (int round = 1; round <= this.settings.rounds(); round++) {
				System.out.println("round " + round + " of " + this.settings.rounds());
				for (int clients : PAYMENT_CLIENTS) {
					try (RssSampler rss = new RssSampler(server.pid())) {
						record(figures, "payment vetbill " + clients, LoadTools.wrk(server.baseUrl(), "payment.lua",
								clients, this.settings.seconds(), payEnv));
						peakMb = Math.max(peakMb, rss.peakMb());
					}
					record(figures, "payment limit " + clients,
							LoadTools.pgbench(this.database, "payment.sql", clients, this.settings.seconds(), pgVars));
				}
				LoadTools.Rate reads = LoadTools.wrk(server.baseUrl(), "read.lua", 16, this.settings.seconds(),
						readEnv);
				record(figures, "read vetbill 16",
						new LoadTools.Rate(reads.perSecond() / 2, reads.requests(), reads.failed()));
				record(figures, "read limit 16",
						LoadTools.pgbench(this.database, "read.sql", 16, this.settings.seconds(), pgVars));
			}
			for (int clients : PAYMENT_CLIENTS) {
				double goal = (clients == 1) ? 0.5 : 0.6;
				throughput("payment, " + clients + " client" + ((clients == 1) ? "" : "s") + " (/s)",
						best(figures, "payment vetbill " + clients), best(figures, "payment limit " + clients), goal);
			}
			throughput("read invoice + rows, 16 clients (pairs/s)", best(figures, "read vetbill 16"),
					best(figures, "read limit 16"), 0.25);
			Sequential client = new Sequential(server.baseUrl(), large.api().authorization(), large.cloud(""));
			history(client, historyInvoice);
			lists(client, new Sequential(server.baseUrl(), small.api().authorization(), small.cloud("")), large, small);
			fullSync(client, bigId);
			this.results.figure("RSS at rest after warm-up (MB)", Results.format(restMb, 0), "", null);
			this.results.figure("RSS peak under 16 payment clients (MB)", Results.format(peakMb, 0), "≤ 512",
					peakMb <= 512);
			this.results.figure("start-up to first healthy answer (s)", Results.format(startup, 1), "", null);
		}
		checkLedger();
		return this.results;
	}

	private void throughput(String workload, double vetbill, double limit, double goal) {
		double ratio = vetbill / limit;
		this.results.add(workload, Results.format(vetbill, 0), Results.format(limit, 0), ratio, "≥ " + goal,
				ratio >= goal);
	}

	private void history(Sequential client, long invoice) {
		System.out.println("history: " + this.settings.history() + " payments on invoice " + invoice);
		client.history(this.warmUpInvoice, 100);
		double[] means = client.history(invoice, this.settings.history());
		double ratio = means[1] / means[0];
		this.results.add("history: last 100 vs first 100 of " + this.settings.history() + " payments (mean ms)",
				Results.format(means[1], 2), Results.format(means[0], 2), ratio, "≤ 1.1", ratio <= 1.1);
		this.results.note("History: median of the first 100 payments " + Results.format(means[2], 2)
				+ " ms, of the last 100 " + Results.format(means[3], 2) + " ms (the means are in the table).");
	}

	private void lists(Sequential large, Sequential small, BenchOrganization big, BenchOrganization little) {
		for (String filter : List.of("id__gt", "modified__gte")) {
			List<Double> bigMedians = new ArrayList<>();
			List<Double> smallMedians = new ArrayList<>();
			for (int round = 1; round <= this.settings.rounds(); round++) {
				System.out.println("list " + filter + ", round " + round);
				bigMedians.add(median(large, big, filter, round));
				smallMedians.add(median(small, little, filter, round));
			}
			double bigMs = bigMedians.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
			double smallMs = smallMedians.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
			this.results.add(
					"list p50, " + filter + ", page of 50: " + String.format("%,d", this.settings.invoices()) + " vs "
							+ String.format("%,d", this.settings.small()) + " invoices (ms)",
					Results.format(bigMs, 1), Results.format(smallMs, 1), bigMs / smallMs, "≤ 1.5",
					bigMs / smallMs <= 1.5);
		}
	}

	private double median(Sequential client, BenchOrganization organization, String filter, int round) {
		long id = organization.id();
		long first = this.database.one("select min(id) from invoice where organization_id = ?", id);
		long last = this.database.one("select max(id) from invoice where organization_id = ?", id);
		Instant from = Instant.ofEpochMilli(this.database.one(
				"select (extract(epoch from min(modified)) * 1000)::bigint from invoice where organization_id = ?",
				id));
		Instant to = Instant.ofEpochMilli(this.database.one(
				"select (extract(epoch from max(modified)) * 1000)::bigint from invoice where organization_id = ?",
				id));
		return client.listMedian(filter, first, last, from, to, this.settings.listRequests(), round);
	}

	private void fullSync(Sequential client, long organization) {
		List<Double> vetbill = new ArrayList<>();
		List<Double> copy = new ArrayList<>();
		double bytes = 0;
		double copyBytes = 0;
		for (int round = 1; round <= this.settings.rounds(); round++) {
			System.out.println("full sync, round " + round);
			double[] sync = client.fullSync(1000);
			vetbill.add(sync[0]);
			bytes = sync[1];
			long started = System.nanoTime();
			copyBytes = copy("copy (select i.* from invoice i where i.organization_id = " + organization
					+ " and i.status = 3 order by i.id) to stdout")
					+ copy("copy (select r.* from invoice_row r join invoice i on i.organization_id = r.organization_id"
							+ " and i.id = r.invoice_id where r.organization_id = " + organization
							+ " and i.status = 3 order by r.invoice_id, r.position) to stdout");
			copy.add((System.nanoTime() - started) / 1e9);
		}
		double seconds = vetbill.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double copySeconds = copy.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		this.results.add("full sync, pages of 1,000 by id__gt with rows (s)", Results.format(seconds, 2),
				Results.format(copySeconds, 2), seconds / copySeconds, "≤ 2", seconds / copySeconds <= 2);
		this.results.note("Full sync: " + Results.format(bytes / 1e6, 1) + " MB of JSON from vetbill, "
				+ Results.format(copyBytes / 1e6, 1) + " MB of COPY text from PostgreSQL.");
	}

	/** Runs a COPY with psql and returns the bytes it wrote. */
	private long copy(String sql) {
		List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-c", sql));
		command.addAll(this.database.connectionArguments());
		Process psql = this.database.start(command, false);
		try (var out = psql.getInputStream()) {
			long bytes = out.transferTo(java.io.OutputStream.nullOutputStream());
			if (psql.waitFor() != 0) {
				throw new IllegalStateException("psql failed on " + sql);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void checkLedger() {
		if (this.settings.invoices() > 200_000) {
			this.results.note("The ledger invariants were not checked (they are checked up to 200,000 invoices).");
			return;
		}
		long started = System.nanoTime();
		try (CloseableDSLContext dsl = new FreshPostgresDatabase(this.database.url(), this.database.user(),
				this.database.password())
			.open()) {
			List<String> violations = LedgerInvariants.violations(dsl);
			String verdict = violations.isEmpty() ? "hold" : "are broken: " + violations.size() + " violation(s), "
					+ violations.stream().limit(5).collect(Collectors.joining("; "));
			System.out.println("ledger invariants " + verdict);
			this.results.note("The ledger invariants " + verdict + " after the run (checked in "
					+ seconds(Duration.ofNanos(System.nanoTime() - started)) + ").");
		}
	}

	private static void record(Map<String, List<Double>> figures, String name, LoadTools.Rate rate) {
		System.out.println("  " + name + ": " + Results.format(rate.perSecond(), 1) + "/s"
				+ ((rate.failed() > 0) ? " (" + rate.failed() + " failed)" : ""));
		if (rate.failed() > 0) {
			throw new IllegalStateException(name + ": " + rate.failed() + " requests failed");
		}
		figures.computeIfAbsent(name, (key) -> new ArrayList<>()).add(rate.perSecond());
	}

	private static double best(Map<String, List<Double>> figures, String name) {
		return figures.get(name).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
	}

	private ServerProcess server() {
		return new ServerProcess(Path.of("target", "vetbill.jar"), this.settings.port(), DIR.resolve("server.log"),
				serverJvmOptions(),
				List.of("--vetbill.database.url=" + this.database.url(),
						"--vetbill.database.user=" + this.database.user(),
						"--vetbill.database.password=" + this.database.password(),
						"--vetbill.admin.key=" + BenchMain.ADMIN_KEY, "--vetbill.rate-limit.enabled=false",
						"--vetbill.connect.importer-enabled=false"));
	}

	/**
	 * The JVM options {@code ./vetbill run} starts the server with, which
	 * {@code ./vetbill} hands on in {@code VETBILL_JAVA_OPTS} (with
	 * {@code MALLOC_ARENA_MAX}, inherited): the memory goal is about the default
	 * settings. None when run otherwise.
	 */
	private static List<String> serverJvmOptions() {
		String options = System.getenv("VETBILL_JAVA_OPTS");
		return (options == null || options.isBlank()) ? List.of() : List.of(options.strip().split("\\s+"));
	}

	private Path ids(String file, String sql) {
		List<String> ids = this.database.longs(sql).stream().map(String::valueOf).toList();
		Path path = DIR.resolve(file);
		writeIds(path, ids);
		return path;
	}

	private static void writeIds(Path path, List<String> ids) {
		try {
			Files.createDirectories(path.getParent());
			Files.write(path, ids);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> lines(Path path) {
		try {
			return Files.readAllLines(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void step(String what, Runnable action) {
		long started = System.nanoTime();
		System.out.println(what);
		action.run();
		System.out.println(what + ": " + seconds(Duration.ofNanos(System.nanoTime() - started)));
	}

	static String seconds(Duration duration) {
		return Results.format(duration.toMillis() / 1000.0, 1) + " s";
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
