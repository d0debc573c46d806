package org.vetbill.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.vetbill.fuzz.ApiOperations.Operation;
import org.vetbill.fuzz.ApiOperations.Parameter;
import org.vetbill.fuzz.FuzzTarget.Credential;
import tools.jackson.databind.JsonNode;

/**
 * Derives requests from the described operations: each request takes one operation, a
 * credential (or none, or a broken one), fills its path, query and header parameters and
 * its body from their schemas with plausible values (ids the server has shown, dates,
 * amounts) and, mixed in at random, hostile ones ({@link HostileValues}, {@link Bodies}),
 * sometimes under the wrong content type, and a few requests off the described paths
 * (traversal, {@code /error}, odd parameter names). The same seed gives the same requests
 * as long as the server shows the same ids.
 */
public final class RequestGenerator {

	private static final List<String> BROKEN_AUTHORIZATIONS = List.of("Bearer", "Bearer ", "Bearer x.y.z",
			"Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Token ", "Token nope", "Basic Og==",
			"Basic " + "A".repeat(5000), "Digest x", "bearer \u00ff", "Bearer a\tb");

	private final List<Operation> operations;

	private final FuzzTarget target;

	private final KnownIds ids;

	private final HostileValues hostile;

	private final Bodies bodies;

	/**
	 * Must be made on the thread that generates, within a jqwik session
	 * ({@code JqwikSession.start()}).
	 * @param operations the described operations
	 * @param target the organization and credentials
	 * @param ids the ids seen in answers so far
	 */
	public RequestGenerator(List<Operation> operations, FuzzTarget target, KnownIds ids) {
		this.operations = operations;
		this.target = target;
		this.ids = ids;
		this.hostile = new HostileValues();
		this.bodies = new Bodies(this.hostile, this::plausible);
	}

	/**
	 * The next request.
	 * @param random the seeded source of every choice
	 * @return the request
	 */
	public FuzzRequest next(Random random) {
		if (random.nextInt(100) < 3) {
			return offThePath(random);
		}
		Operation operation = this.operations.get(random.nextInt(this.operations.size()));
		Map<String, String> headers = new LinkedHashMap<>();
		authorize(random, operation, headers);
		String path = path(random, operation);
		List<String> query = new ArrayList<>();
		for (Parameter parameter : operation.parameters()) {
			boolean hostileValue = random.nextInt(10) == 0;
			if ("query".equals(parameter.in())) {
				if (!parameter.filterableFields().isEmpty()) {
					filters(random, parameter, query);
				}
				else if (parameter.required() || random.nextInt(3) == 0) {
					query.add(encode(parameter.name()) + "=" + urlValue(random, parameter, hostileValue));
				}
			}
			else if ("header".equals(parameter.in()) && (parameter.required() || random.nextInt(2) == 0)) {
				headers.put(parameter.name(), headerValue(random, parameter, hostileValue));
			}
		}
		if (random.nextInt(25) == 0) {
			query.add(oddParameterName(random) + "=1");
		}
		byte[] body = null;
		if (!operation.bodyTypes().isEmpty() || random.nextInt(20) == 0) {
			Bodies.Body generated = this.bodies.body(random, operation);
			body = generated.bytes();
			if (generated.contentType() != null) {
				headers.put("Content-Type", generated.contentType());
			}
		}
		if (!"GET".equals(operation.method()) && random.nextInt(3) == 0) {
			headers.put("Idempotency-Key", (random.nextInt(6) == 0) ? headerSafe(this.hostile.text(random))
					: "fuzz-" + Long.toHexString(random.nextLong()));
		}
		if (random.nextInt(15) == 0) {
			headers.put("Accept", HostileValues.pick(random,
					List.of("application/xml", "text/html", "*/*", "application/json;q=0", "image/png", "")));
		}
		String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
		return new FuzzRequest(operation.method(), target, headers, body, operation.name());
	}

	private void authorize(Random random, Operation operation, Map<String, String> headers) {
		if ("connect".equals(operation.group()) && random.nextInt(4) != 0) {
			headers.putAll(this.target.connectHeaders());
			return;
		}
		int choice = random.nextInt(20);
		if (choice == 0) {
			headers.put("Authorization", HostileValues.pick(random, BROKEN_AUTHORIZATIONS));
		}
		else if (choice > 2) {
			// signed in: most requests should get past authentication
			List<Credential> signedIn = this.target.credentials()
				.stream()
				.filter((credential) -> credential.authorization() != null)
				.toList();
			if (!signedIn.isEmpty()) {
				headers.put("Authorization", HostileValues.pick(random, signedIn).authorization());
			}
		}
	}

	private String path(Random random, Operation operation) {
		StringBuilder path = new StringBuilder();
		for (String segment : operation.path().split("/", -1)) {
			if (!path.isEmpty() || !segment.isEmpty()) {
				path.append('/');
			}
			if (segment.startsWith("{") && segment.endsWith("}")) {
				String name = segment.substring(1, segment.length() - 1);
				path.append(pathValue(random, operation, name));
			}
			else {
				path.append(segment);
			}
		}
		return (path.isEmpty() || operation.path().endsWith("/") && path.charAt(path.length() - 1) != '/') ? path + "/"
				: path.toString();
	}

	private String pathValue(Random random, Operation operation, String name) {
		int choice = random.nextInt(20);
		if (choice == 0) {
			return this.hostile.rawEscape(random);
		}
		if (choice == 1) {
			return encode(this.hostile.text(random));
		}
		if ("provet_id".equals(name)) {
			return (choice == 2 && !this.target.otherProvetIds().isEmpty())
					? HostileValues.pick(random, this.target.otherProvetIds()) : this.target.provetId();
		}
		if (operation.path().contains("/api-clients/") || operation.path().contains("/api-tokens/")) {
			// never the fuzzer's own credentials: a deactivated one would end the run's
			// reach
			return String.valueOf(1_000_000_000L + random.nextInt(1000));
		}
		if ("clinic".equals(operation.group()) && random.nextInt(2) == 0) {
			return this.ids.uuid(random);
		}
		if ("connect".equals(operation.group())) {
			return String.valueOf(70_000 + random.nextInt(10));
		}
		return (choice == 3) ? String.valueOf(this.hostile.anyLong(random)) : String.valueOf(this.ids.id(random));
	}

	private void filters(Random random, Parameter parameter, List<String> query) {
		int count = random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String field = HostileValues.pick(random, parameter.filterableFields());
			String operator = HostileValues.pick(random, List.of("is", "is_not", "lt", "lte", "gt", "gte", "range",
					"in", "not_in", "contains", "icontains", "is_null", "startswith", "nope", ""));
			String name = field + (operator.isEmpty() ? "" : "__" + operator);
			String value = switch (random.nextInt(6)) {
				case 0 -> encode(this.hostile.text(random));
				case 1 -> this.hostile.rawEscape(random);
				case 2 -> "[" + this.ids.id(random) + "," + this.ids.id(random) + "]";
				case 3 -> "2024-03-20T00:00:00";
				default -> String.valueOf(this.ids.id(random));
			};
			query.add(name + "=" + value);
		}
	}

	private String urlValue(Random random, Parameter parameter, boolean hostileValue) {
		if (hostileValue) {
			return (random.nextInt(3) == 0) ? this.hostile.rawEscape(random) : encode(this.hostile.text(random));
		}
		return encode(plausible(random, parameter.name(), parameter.schema()));
	}

	private String headerValue(Random random, Parameter parameter, boolean hostileValue) {
		return headerSafe(
				hostileValue ? this.hostile.text(random) : plausible(random, parameter.name(), parameter.schema()));
	}

	/**
	 * A plausible value for a field or parameter of this name and schema, as text.
	 */
	String plausible(Random random, String name, JsonNode schema) {
		JsonNode values = schema.path("enum");
		if (values.isArray() && !values.isEmpty()) {
			return values.get(random.nextInt(values.size())).asString();
		}
		String type = schema.path("type").asString("string");
		String format = schema.path("format").asString("");
		String lower = name.toLowerCase(Locale.ROOT);
		if ("date".equals(format)) {
			return java.time.LocalDate.now().minusDays(random.nextInt(60)).toString();
		}
		if ("date-time".equals(format)) {
			return java.time.LocalDateTime.now().minusMinutes(random.nextInt(100_000)).withNano(0).toString();
		}
		if ("uuid".equals(format)) {
			return this.ids.uuid(random);
		}
		return switch (type) {
			case "integer" -> String.valueOf(
					(lower.contains("page") || lower.contains("limit")) ? 1 + random.nextInt(60) : this.ids.id(random));
			case "number" -> (random.nextInt(20) + 1) + "." + (10 + random.nextInt(90));
			case "boolean" -> String.valueOf(random.nextBoolean());
			default -> (lower.equals("invoice") || lower.endsWith("payment") || lower.equals("client")
					|| lower.equals("department") || lower.equals("patient") || lower.equals("item")
					|| lower.endsWith("_id") || lower.endsWith("id")) ? String.valueOf(this.ids.id(random))
							: "fuzz " + Integer.toString(random.nextInt(1_000_000), 36);
		};
	}

	private FuzzRequest offThePath(Random random) {
		String provet = this.target.provetId();
		String target = HostileValues.pick(random,
				List.of("/error", "/error?status=%FF", "/" + provet + "/api/0.1/../../../etc/passwd",
						"/" + provet + "/api/0.1/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
						"/" + provet + "/api/0.1/invoice/?" + oddParameterName(random) + "=1",
						"/" + provet + "/api/0.1/invoice/?=1", "/" + provet + "/vetbill/v1/invoices?%FF=%FF",
						"/" + provet + "/api/0.1/invoice", "/" + provet + "/api/0.1/nothing-here/", "//" + provet,
						"/" + provet + "/api/0.1/invoice/;jsessionid=x", "/static/../application.yml", "/actuator/env",
						"/actuator/health", "/" + encode(this.hostile.text(random)) + "/api/0.1/"));
		String method = HostileValues.pick(random,
				List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO"));
		Map<String, String> headers = new LinkedHashMap<>();
		Credential credential = HostileValues.pick(random, this.target.credentials());
		if (credential.authorization() != null) {
			headers.put("Authorization", credential.authorization());
		}
		byte[] body = null;
		if (!"GET".equals(method) && !"HEAD".equals(method) && random.nextBoolean()) {
			headers.put("Content-Type", "application/json");
			body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		}
		return new FuzzRequest(method, target, headers, body, "off the described paths");
	}

	private String oddParameterName(Random random) {
		return HostileValues.pick(random, List.of("", "%1F", "%00", "%FF", "%E2%82", "%zz", "%C0%AF", "%CD%B8", "a%00",
				"__", "[]", "a[b]", encode("\u0378"), encode("\uFEFF"), "x".repeat(5000)));
	}

	/** Percent-encodes every byte but the unreserved ones, as a strict client would. */
	static String encode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

	/**
	 * A text as a header value: without line breaks, which would split the request (a
	 * different defect class, not what is fuzzed here), kept to 8,000 characters.
	 */
	static String headerSafe(String text) {
		String value = text.replace('\r', ' ').replace('\n', ' ');
		return (value.length() > 8000) ? value.substring(0, 8000) : value;
	}

}
