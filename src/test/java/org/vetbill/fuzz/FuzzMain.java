package org.vetbill.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.CloseableDSLContext;
import org.jspecify.annotations.Nullable;
import org.vetbill.demo.DemoCredentials;
import org.vetbill.fuzz.FuzzTarget.Credential;
import org.vetbill.support.LedgerInvariants;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./vetbill fuzz}: fuzzes a running vetbill (by default the demo, {@code ./vetbill
 * run}) with any number of requests, signed in with the demo's credentials (read-only,
 * billing, settings) and without, then prints the figures and, given the database's JDBC
 * URL, checks the ledger's invariants. Exits 1 on any 5xx, connection reset, timeout or
 * broken invariant.
 */
public final class FuzzMain {

	private static final String USAGE = """
			./vetbill fuzz [--url http://localhost:8080] [--requests 10000] [--seed N] [--workers 8]
			               [--minutes M] [--provet-id 1234] [--client-id erp-demo --client-secret erp-demo-secret]
			               [--db-url JDBC-URL [--db-user U] [--db-password P]]
			""";

	private FuzzMain() {
	}

	public static void main(String[] args) {
		Map<String, String> options = options(args);
		String url = options.getOrDefault("url", "http://localhost:8080").replaceAll("/+$", "");
		long requests = Long.parseLong(options.getOrDefault("requests", "10000"));
		long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime() % 1_000_000)));
		int workers = Integer.parseInt(options.getOrDefault("workers", "8"));
		Duration budget = Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "100000")));
		String provetId = options.getOrDefault("provet-id", DemoCredentials.PROVET_ID);

		System.out.println(
				"vetbill fuzz: " + requests + " requests to " + url + ", seed " + seed + ", " + workers + " workers");
		List<ApiOperations.Operation> operations = ApiOperations.read(url);
		System.out.println("operations:    " + operations.size() + " described in " + ApiOperations.GROUPS);
		List<Credential> credentials = new ArrayList<>();
		credentials.add(new Credential("none", null));
		credentials.add(new Credential("read (legacy token)", "Token " + DemoCredentials.LEGACY_TOKEN));
		credentials.add(bearer(url, provetId, "billing (API client)",
				"grant_type=client_credentials&client_id="
						+ enc(options.getOrDefault("client-id", DemoCredentials.ERP_CLIENT_ID)) + "&client_secret="
						+ enc(options.getOrDefault("client-secret", DemoCredentials.ERP_CLIENT_SECRET))));
		credentials.add(bearer(url, provetId, "billing (user)", "grant_type=password&username="
				+ enc(DemoCredentials.FRONT_DESK_USER) + "&password=" + enc(DemoCredentials.FRONT_DESK_PASSWORD)));
		credentials.add(bearer(url, provetId, "settings (user)", "grant_type=password&username="
				+ enc(DemoCredentials.MANAGER_USER) + "&password=" + enc(DemoCredentials.MANAGER_PASSWORD)));
		FuzzTarget target = new FuzzTarget(provetId, List.of(DemoCredentials.WHOLESALER_PROVET_ID, "1", "0"),
				credentials, Map.of("Client-Auth", DemoCredentials.CONNECT_CLIENT_AUTH, "User-Auth",
						DemoCredentials.CONNECT_USER_AUTH));
		KnownIds ids = new KnownIds(List.of(1L, 2L, 3L, 10L, 100L));
		FuzzRun run = new FuzzRun(url, operations, target, ids).printingProgress()
			.run(seed, requests, budget, workers, null);
		System.out.print(run.report());
		boolean invariantsHold = invariants(options);
		boolean clean = run.failureCount() == 0 && invariantsHold;
		System.out.println("result:        " + (clean ? "PASS" : "FAIL") + " (seed " + seed + ")");
		System.exit(clean ? 0 : 1);
	}

	private static boolean invariants(Map<String, String> options) {
		String dbUrl = options.get("db-url");
		if (dbUrl == null) {
			System.out.println("invariants:    not checked (give --db-url to check the ledger's invariants)");
			return true;
		}
		try (CloseableDSLContext dsl = StandaloneDatabase.open(dbUrl, options.getOrDefault("db-user", ""),
				options.getOrDefault("db-password", ""))) {
			List<String> violations = LedgerInvariants.violations(dsl);
			System.out.println("invariants:    " + (violations.isEmpty() ? "clean"
					: violations.size() + " violation(s)\n  " + String.join("\n  ", violations)));
			return violations.isEmpty();
		}
	}

	private static Credential bearer(String url, String provetId, String label, String form) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/" + provetId + "/oauth2/token/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&scope=restapi"))
			.timeout(Duration.ofSeconds(30))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"No token for " + label + ": " + response.statusCode() + " " + response.body());
			}
			String token = JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
			return new Credential(label, "Bearer " + token);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No token for " + label + " from " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				usage("unexpected " + arg);
			}
			String name = arg.substring(2);
			@Nullable String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			if (value == null) {
				usage("no value for --" + name);
			}
			options.put(name, value);
		}
		return options;
	}

	private static void usage(String problem) {
		System.err.println(problem + "\nUsage:\n" + USAGE);
		System.exit(2);
	}

}
