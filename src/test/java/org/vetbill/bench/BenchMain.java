package org.vetbill.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./vetbill bench}: generates an organization of many finalized invoices (and a
 * small one), then measures vetbill against its limit, PostgreSQL alone doing the same
 * SQL, interleaved in one run, and prints a table (also written to
 * {@code target/bench/results.md}). What each workload measures is in
 * {@code bench/README.md}.
 */
public final class BenchMain {

	static final String ADMIN_KEY = "bench-admin-key-0123456789abcdef";

	private static final String USAGE = """
			./vetbill bench [--invoices 1000000] [--small 10000] [--seconds 10] [--rounds 2] [--quick]
			                [--history 2000] [--list-requests 200] [--port 8095] [--generate-only]
			                [--db-url jdbc:postgresql://127.0.0.1:5432/vetbill_bench] [--db-user postgres] [--db-password P]
			--quick: 20,000 and 2,000 invoices, 3 s per load, 300 payments of history, 50 list requests.
			--generate-only: make the data and stop (to time the generator, or to explore the data).
			The database is dropped and created again: its name must contain "bench".
			Needs psql, pgbench and wrk on the PATH.
			""";

	private BenchMain() {
	}

	public static void main(String[] args) {
		Map<String, String> options = options(args);
		if (options.containsKey("help")) {
			System.out.println(USAGE);
			return;
		}
		boolean quick = options.containsKey("quick");
		Settings settings = new Settings(number(options, "invoices", quick ? 20_000 : 1_000_000),
				number(options, "small", quick ? 2_000 : 10_000), (int) number(options, "seconds", quick ? 3 : 10),
				(int) number(options, "rounds", 2), (int) number(options, "history", quick ? 300 : 2000),
				(int) number(options, "list-requests", quick ? 50 : 200), (int) number(options, "port", 8095),
				options.containsKey("generate-only"));
		BenchDatabase database = BenchDatabase.fresh(
				options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/vetbill_bench"),
				options.getOrDefault("db-user", "postgres"), options.getOrDefault("db-password", ""));
		String header = "# vetbill benchmark, " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
				+ "\n\n" + Runtime.getRuntime().availableProcessors() + " cores; "
				+ database.text("select version()").replaceAll(" on .*", "") + "; Java "
				+ System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "); "
				+ String.format("%,d", settings.invoices()) + " invoices (and " + String.format("%,d", settings.small())
				+ " in the small organization), " + settings.seconds() + " s per load, best of " + settings.rounds()
				+ " interleaved rounds; autovacuum " + database.text("show autovacuum");
		System.out.println(header.replace("\n\n", "\n"));
		Results results = new BenchRun(database, settings).run();
		results.write(Path.of("target", "bench", "results.md"), header);
	}

	/**
	 * What a run does.
	 *
	 * @param invoices invoices of the large organization
	 * @param small invoices of the small organization
	 * @param seconds seconds of each load
	 * @param rounds rounds of each workload, interleaved with its limit
	 * @param history payments on one invoice
	 * @param listRequests requests per list median
	 * @param port vetbill's port
	 * @param generateOnly whether to stop after making the data
	 */
	record Settings(long invoices, long small, int seconds, int rounds, int history, int listRequests, int port,
			boolean generateOnly) {

		Duration load() {
			return Duration.ofSeconds(this.seconds);
		}

	}

	private static long number(Map<String, String> options, String name, long fallback) {
		String value = options.get(name);
		try {
			return (value == null) ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
		}
		catch (NumberFormatException ex) {
			usage("--" + name + " takes a number, not " + value);
			return fallback;
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		List<String> flags = List.of("quick", "help", "generate-only");
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				usage("unexpected " + args[i]);
			}
			String name = args[i].substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				options.put(name.substring(0, equals), name.substring(equals + 1));
			}
			else if (flags.contains(name)) {
				options.put(name, "true");
			}
			else if (i + 1 < args.length) {
				options.put(name, args[++i]);
			}
			else {
				usage("no value for --" + name);
			}
		}
		return options;
	}

	private static void usage(String problem) {
		System.err.println(problem);
		System.err.println(USAGE);
		System.exit(2);
	}

}
