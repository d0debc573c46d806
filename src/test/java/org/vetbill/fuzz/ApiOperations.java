package org.vetbill.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The operations of vetbill's APIs as the server describes them in OpenAPI, read from
 * {@code /v3/api-docs/{group}}: what the fuzzer derives its requests from.
 */
public final class ApiOperations {

	/** The groups of {@code /v3/api-docs}: every API vetbill serves. */
	public static final List<String> GROUPS = List.of("cloud", "vetbill", "clinic", "connect", "auth", "admin");

	private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiOperations() {
	}

	/**
	 * One described operation.
	 *
	 * @param group the API group
	 * @param method the HTTP method
	 * @param path the path template, such as {@code /{provet_id}/api/0.1/invoice/{id}/}
	 * @param parameters its path, query and header parameters
	 * @param bodyTypes the media types of its request body, empty when it takes none
	 * @param bodySchema the body's schema with references resolved, or a missing node
	 * @param statuses the response statuses it documents
	 */
	public record Operation(String group, String method, String path, List<Parameter> parameters,
			List<String> bodyTypes, JsonNode bodySchema, Set<String> statuses) {

		public String name() {
			return this.method + " " + this.path;
		}

		/** Whether it documents this status (or its class, such as {@code 4XX}). */
		public boolean documents(int status) {
			String text = String.valueOf(status);
			return this.statuses.contains(text) || this.statuses.contains(text.charAt(0) + "XX")
					|| this.statuses.contains("default");
		}

	}

	/**
	 * A parameter of an operation.
	 *
	 * @param name its name
	 * @param in {@code path}, {@code query} or {@code header}
	 * @param required whether it is required
	 * @param schema its schema, references resolved
	 * @param filterableFields for the Cloud API's {@code filters}: the fields that filter
	 */
	public record Parameter(String name, String in, boolean required, JsonNode schema, List<String> filterableFields) {
	}

	/**
	 * Reads every group's description from a running server.
	 * @param baseUrl the server, such as {@code http://localhost:8080}
	 * @return the operations, in a stable order
	 */
	public static List<Operation> read(String baseUrl) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		List<Operation> operations = new ArrayList<>();
		for (String group : GROUPS) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs/" + group))
				.timeout(Duration.ofSeconds(60))
				.build();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							"/v3/api-docs/" + group + " answered " + response.statusCode() + ": " + response.body());
				}
				operations.addAll(parse(group, JSON.readTree(response.body())));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read /v3/api-docs/" + group + " from " + baseUrl, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return operations;
	}

	static List<Operation> parse(String group, JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		Map<String, JsonNode> paths = new TreeMap<>();
		document.path("paths").properties().forEach((entry) -> paths.put(entry.getKey(), entry.getValue()));
		paths.forEach((path, item) -> {
			for (String method : METHODS) {
				JsonNode operation = item.path(method);
				if (operation.isMissingNode()) {
					continue;
				}
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
					for (JsonNode parameter : list) {
						JsonNode resolved = resolve(document, parameter, 0);
						List<String> fields = new ArrayList<>();
						resolved.path("x-filterable-fields").forEach((field) -> fields.add(field.asString()));
						parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
								resolved.path("required").asBoolean(false),
								resolve(document, resolved.path("schema"), 0), fields));
					}
				}
				List<String> bodyTypes = new ArrayList<>();
				JsonNode bodySchema = MissingNode.getInstance();
				JsonNode content = resolve(document, operation.path("requestBody"), 0).path("content");
				for (var entry : content.properties()) {
					bodyTypes.add(entry.getKey());
					if (bodySchema.isMissingNode()) {
						bodySchema = resolve(document, entry.getValue().path("schema"), 0);
					}
				}
				Set<String> statuses = new TreeSet<>();
				operation.path("responses").propertyNames().forEach(statuses::add);
				operations
					.add(new Operation(group, method.toUpperCase(java.util.Locale.ROOT), path, List.copyOf(parameters),
							List.copyOf(bodyTypes), bodySchema, Collections.unmodifiableSet(statuses)));
			}
		});
		return operations;
	}

	/**
	 * The node with every {@code $ref} in it replaced by what it points at (following at
	 * most eight references down one branch, enough for vetbill's schemas and safe from
	 * cycles).
	 */
	static JsonNode resolve(JsonNode document, @Nullable JsonNode node, int depth) {
		if (node == null || node.isMissingNode() || depth > 8) {
			return MissingNode.getInstance();
		}
		if (node.has("$ref")) {
			String ref = node.path("$ref").asString();
			JsonNode target = document.at(ref.substring(1));
			return resolve(document, target, depth + 1);
		}
		if (node.isObject()) {
			var copy = JSON.createObjectNode();
			for (var entry : node.properties()) {
				copy.set(entry.getKey(), resolve(document, entry.getValue(), depth));
			}
			return copy;
		}
		if (node.isArray()) {
			var copy = JSON.createArrayNode();
			node.forEach((element) -> copy.add(resolve(document, element, depth)));
			return copy;
		}
		return node;
	}

}
