package org.vetbill.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generators the benchmark drives: {@code wrk} against vetbill and
 * {@code pgbench} (prepared statements) against PostgreSQL alone, each at a given number
 * of clients for a given time, read back as requests or transactions per second.
 */
final class LoadTools {

	private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern WRK_COUNTS = Pattern
		.compile("requests=(\\d+) errors_status=(\\d+) errors_connect=(\\d+) errors_timeout=(\\d+)");

	private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private static final Pattern PGBENCH_FAILED = Pattern.compile("number of failed transactions: (\\d+)");

	private LoadTools() {
	}

	/**
	 * One wrk run.
	 *
	 * @param perSecond requests per second
	 * @param requests requests made
	 * @param failed answers that were not 2xx or 3xx, and socket errors
	 */
	record Rate(double perSecond, long requests, long failed) {
	}

	/**
	 * Runs wrk with a script of {@code bench/wrk}.
	 * @param url the server
	 * @param script the script's name
	 * @param clients connections (and up to 4 threads)
	 * @param seconds how long
	 * @param environment what the script reads
	 * @return its rate
	 */
	static Rate wrk(String url, String script, int clients, int seconds, Map<String, String> environment) {
		List<String> command = List.of("wrk", "-t", String.valueOf(Math.min(clients, 4)), "-c", String.valueOf(clients),
				"-d", seconds + "s", "--timeout", "30s", "-s", Path.of("bench", "wrk", script).toString(), url);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("BENCH_LUA", Path.of("bench", "wrk").toAbsolutePath().toString());
		String output = run(builder);
		Matcher rate = WRK_RATE.matcher(output);
		Matcher counts = WRK_COUNTS.matcher(output);
		if (!rate.find() || !counts.find()) {
			throw new IllegalStateException("wrk said:\n" + output);
		}
		long failed = Long.parseLong(counts.group(2)) + Long.parseLong(counts.group(3))
				+ Long.parseLong(counts.group(4));
		return new Rate(Double.parseDouble(rate.group(1)), Long.parseLong(counts.group(1)), failed);
	}

	/**
	 * Runs pgbench with a script of {@code bench/limit}, prepared statements, no vacuum.
	 * @param database the database
	 * @param script the script's name
	 * @param clients clients
	 * @param seconds how long
	 * @param variables the script's {@code -D} variables
	 * @return transactions per second
	 */
	static Rate pgbench(BenchDatabase database, String script, int clients, int seconds,
			Map<String, Object> variables) {
		List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
				"-j", String.valueOf(Math.min(clients, 4)), "-T", String.valueOf(seconds), "-f",
				Path.of("bench", "limit", script).toString()));
		variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
		command.addAll(database.connectionArguments());
		String output = read(database.start(command, false));
		Matcher tps = PGBENCH_TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench said:\n" + output);
		}
		Matcher failed = PGBENCH_FAILED.matcher(output);
		return new Rate(Double.parseDouble(tps.group(1)), 0, failed.find() ? Long.parseLong(failed.group(1)) : 0);
	}

	/** Runs a command to its end and returns its output; fails when it fails. */
	static String run(ProcessBuilder builder) {
		try {
			return read(builder.start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + builder.command().get(0) + ": " + ex.getMessage(), ex);
		}
	}

	private static String read(Process process) {
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException(process.info().command().orElse("a tool") + " failed (exit "
						+ process.exitValue() + "):\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
