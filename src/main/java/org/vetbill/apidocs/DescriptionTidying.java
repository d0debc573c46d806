package org.vetbill.apidocs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.web.FieldNames;

/**
 * The last pass over every group's description ({@link ApiDescriptions}): one tag per
 * resource, a summary and the needed permission on every operation, the tenant parameter
 * described, operation ids in Django REST framework's style, paths and responses in
 * order, and schema properties in snake_case where the API names its fields so.
 */
final class DescriptionTidying {

	private DescriptionTidying() {
	}

	/**
	 * What every group shares, done last: tags, summaries, permissions, the tenant
	 * parameter, operation ids, paths and responses in order, and snake_case schemas
	 * (unless the API names its fields otherwise).
	 */
	static void tidy(OpenAPI openApi, String base, boolean snakeCaseSchemas) {
		Map<String, Tag> tags = new LinkedHashMap<>();
		if (openApi.getTags() != null) {
			openApi.getTags().forEach((tag) -> tags.put(tag.getName(), tag));
		}
		Map<String, Tag> undescribed = new TreeMap<>();
		Set<String> operationIds = new HashSet<>();
		if (openApi.getPaths() != null) {
			Paths sorted = new Paths();
			new TreeMap<>(openApi.getPaths()).forEach(sorted::addPathItem);
			openApi.setPaths(sorted);
		}
		Set<String> paths = (openApi.getPaths() != null) ? openApi.getPaths().keySet() : Set.of();
		ApiDescriptions.operations(openApi, (path, method, operation) -> {
			String relative = path.startsWith(base) ? path.substring(base.length()) : path;
			List<String> segments = Arrays.stream(relative.split("/"))
				.filter((segment) -> !segment.isEmpty() && !segment.startsWith("{"))
				.toList();
			List<String> names = segments.stream().map((segment) -> segment.replace('-', '_')).toList();
			String tag = segments.isEmpty() ? "api" : segments.get(0);
			operation.setTags(List.of(tag));
			if (!tags.containsKey(tag)) {
				undescribed.putIfAbsent(tag, new Tag().name(tag));
			}
			if (operation.getSummary() == null || operation.getSummary().isBlank()) {
				operation.setSummary(humanize(operation.getOperationId()));
			}
			String permission = ApiDescriptions.permission(operation);
			if (permission != null) {
				String needs = "Needs the `" + permission + "` permission.";
				String description = operation.getDescription();
				operation.setDescription(
						(description == null || description.isBlank()) ? needs : description.strip() + "\n\n" + needs);
			}
			tenantParameter(path, operation);
			describeIfMatch(operation);
			// a path also mapped without its trailing slash: the alias gets an id of its
			// own
			String alias = (!path.endsWith("/") && paths.contains(path + "/")) ? "_without_slash" : "";
			operation.setOperationId(unique(operationIds, (names.isEmpty() ? "api" : String.join("_", names)) + "_"
					+ verb(method, relative, operation) + alias));
			sortResponses(operation);
		});
		List<Tag> ordered = new ArrayList<>(tags.values());
		ordered.addAll(undescribed.values());
		openApi.setTags(ordered);
		if (snakeCaseSchemas && openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
			Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
			openApi.getComponents().getSchemas().values().forEach((schema) -> snakeCase(schema, seen));
		}
	}

	private static void tenantParameter(String path, Operation operation) {
		if (!path.contains("{" + ApiDescriptions.TENANT + "}")) {
			return;
		}
		List<Parameter> parameters = (operation.getParameters() != null) ? new ArrayList<>(operation.getParameters())
				: new ArrayList<>();
		boolean present = parameters.stream()
			.anyMatch((parameter) -> ApiDescriptions.TENANT.equals(parameter.getName())
					&& "path".equals(parameter.getIn()));
		if (!present) {
			parameters.add(0,
					new PathParameter().name(ApiDescriptions.TENANT).required(true).schema(new StringSchema()));
		}
		parameters.stream()
			.filter((parameter) -> ApiDescriptions.TENANT.equals(parameter.getName())
					&& "path".equals(parameter.getIn()) && parameter.getDescription() == null)
			.forEach((parameter) -> parameter.description("The organization's id. A credential belongs to one "
					+ "organization: another organization's id answers 404, as for something that does not exist."));
		operation.setParameters(parameters);
	}

	private static void describeIfMatch(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		operation.getParameters()
			.stream()
			.filter((parameter) -> "If-Match".equalsIgnoreCase(parameter.getName())
					&& parameter.getDescription() == null)
			.forEach((parameter) -> parameter.description("The record's `version` as you read it: if someone changed "
					+ "the record since, the answer is 409 and nothing is changed."));
	}

	private static String verb(PathItem.HttpMethod method, String relative, Operation operation) {
		return switch (method) {
			case GET -> relative.replaceAll("/+$", "").endsWith("}") ? "retrieve" : isList(operation) ? "list" : "read";
			case POST -> "create";
			case PUT -> "update";
			case PATCH -> "partial_update";
			case DELETE -> "destroy";
			default -> method.name().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * Whether a read answers a list: an array, a keyset page ({@code Page...}) or a
	 * numbered page ({@code ...List}).
	 */
	private static boolean isList(Operation operation) {
		ApiResponse ok = (operation.getResponses() != null) ? operation.getResponses().get("200") : null;
		if (ok == null || ok.getContent() == null) {
			return false;
		}
		for (MediaType mediaType : ok.getContent().values()) {
			Schema<?> schema = mediaType.getSchema();
			if (schema == null) {
				continue;
			}
			if ("array".equals(schema.getType())
					|| (schema.getTypes() != null && schema.getTypes().contains("array"))) {
				return true;
			}
			String ref = schema.get$ref();
			if (ref != null) {
				String name = ref.substring(ref.lastIndexOf('/') + 1);
				if (name.startsWith("Page") || name.endsWith("List")) {
					return true;
				}
			}
		}
		return false;
	}

	private static String unique(Set<String> used, String id) {
		String candidate = id;
		for (int n = 2; !used.add(candidate); n++) {
			candidate = id + "_" + n;
		}
		return candidate;
	}

	/**
	 * A Java method name as a sentence: {@code cancelPayment} becomes "Cancel payment".
	 */
	static String humanize(@Nullable String operationId) {
		if (operationId == null || operationId.isBlank()) {
			return "Operation";
		}
		String words = FieldNames.snakeCase(operationId.replaceAll("_\\d+$", "")).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static void sortResponses(Operation operation) {
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			return;
		}
		Map<String, ApiResponse> sorted = new TreeMap<>(responses);
		responses.clear();
		responses.putAll(sorted);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void snakeCase(@Nullable Schema schema, Set<Schema<?>> seen) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null) {
			Map<String, Schema> renamed = new LinkedHashMap<>();
			properties.forEach((name, property) -> {
				renamed.put(FieldNames.snakeCase(name), property);
				snakeCase(property, seen);
			});
			schema.setProperties(renamed);
			List<String> required = schema.getRequired();
			if (required != null) {
				schema.setRequired(new ArrayList<>(required.stream().map(FieldNames::snakeCase).toList()));
			}
		}
		snakeCase(schema.getItems(), seen);
		if (schema.getAdditionalProperties() instanceof Schema additional) {
			snakeCase(additional, seen);
		}
		for (List<Schema> composed : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
			if (composed != null) {
				composed.forEach((part) -> snakeCase(part, seen));
			}
		}
	}

}
