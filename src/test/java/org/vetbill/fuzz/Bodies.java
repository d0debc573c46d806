package org.vetbill.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.vetbill.fuzz.ApiOperations.Operation;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies from an operation's schema: JSON (written here, so that numbers such as
 * {@code 1e2147483648} go out exactly as written), forms and multipart forms, with
 * plausible values, hostile ones, wrong JSON types, nesting thousands deep, truncation,
 * bytes that are not UTF-8, and content types that do not match.
 */
final class Bodies {

	/** A body and the content type it is sent with (null: no Content-Type header). */
	record Body(byte[] bytes, @Nullable String contentType) {
	}

	interface Plausible {

		String value(Random random, String name, JsonNode schema);

	}

	private static final List<String> WRONG_TYPES = List.of("*/*", "text/plain", "application/xml",
			"application/json;charset=ISO-8859-1", "application/json; charset=nope", "multipart/form-data",
			"multipart/form-data; boundary=", "application/x-www-form-urlencoded", "application/", "a/b/c", "",
			"application/merge-patch+json", "application/json", "text/csv");

	private final HostileValues hostile;

	private final Plausible plausible;

	Bodies(HostileValues hostile, Plausible plausible) {
		this.hostile = hostile;
		this.plausible = plausible;
	}

	Body body(Random random, Operation operation) {
		List<String> types = operation.bodyTypes();
		String type = (types.isEmpty() || random.nextInt(12) == 0) ? HostileValues.pick(random, WRONG_TYPES)
				: HostileValues.pick(random, types);
		String contentType = (random.nextInt(40) == 0) ? null : type;
		JsonNode schema = operation.bodySchema();
		byte[] bytes;
		if (type.startsWith("application/x-www-form-urlencoded")) {
			bytes = form(random, schema);
		}
		else if (type.startsWith("multipart/form-data") && types.contains(type)) {
			String boundary = "fuzz" + Integer.toHexString(random.nextInt());
			bytes = multipart(random, schema, boundary);
			contentType = (random.nextInt(10) == 0) ? type : type + "; boundary=" + boundary;
		}
		else {
			bytes = mutate(random, json(random, schema));
		}
		if (random.nextInt(200) == 0) {
			// a body of 2 MB: bodies are bounded, and answered before they are read whole
			bytes = ("{\"info\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		}
		return new Body(bytes, contentType);
	}

	private byte[] json(Random random, JsonNode schema) {
		StringBuilder json = new StringBuilder();
		if (random.nextInt(30) == 0) {
			int depth = 1000 + random.nextInt(20_000);
			boolean arrays = random.nextBoolean();
			json.append(arrays ? "[".repeat(depth) : "{\"a\":".repeat(depth))
				.append('1')
				.append(arrays ? "]".repeat(depth) : "}".repeat(depth));
		}
		else {
			value(random, "body", schema, json, 0);
		}
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void value(Random random, String name, JsonNode schema, StringBuilder json, int depth) {
		int choice = random.nextInt(100);
		if (choice < 4) {
			json.append(this.hostile.numberToken(random));
			return;
		}
		if (choice < 8) {
			json.append(HostileValues.pick(random,
					List.of("null", "true", "[]", "{}", "\"\"", "[1,\"a\",null]", "0", "{\"id\":1}", "\"1\"")));
			return;
		}
		if (choice < 16) {
			string(this.hostile.text(random), json);
			return;
		}
		String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
		switch (type) {
			case "object" -> {
				json.append('{');
				boolean first = true;
				for (var property : schema.path("properties").properties()) {
					if (random.nextInt(4) == 0 && !isRequired(schema, property.getKey())) {
						continue;
					}
					first = comma(first, json);
					string(property.getKey(), json);
					json.append(':');
					value(random, property.getKey(), property.getValue(), json, depth + 1);
				}
				if (random.nextInt(15) == 0) {
					comma(first, json);
					string(this.hostile.text(random), json);
					json.append(":1");
				}
				json.append('}');
			}
			case "array" -> {
				json.append('[');
				int count = (depth > 3) ? 0 : random.nextInt(4);
				for (int i = 0; i < count; i++) {
					comma(i == 0, json);
					value(random, name, schema.path("items"), json, depth + 1);
				}
				json.append(']');
			}
			case "integer", "number", "boolean" -> {
				String text = this.plausible.value(random, name, schema);
				if (random.nextInt(3) == 0 && "number".equals(type)) {
					string(text, json);
				}
				else {
					json.append(text);
				}
			}
			default -> string(this.plausible.value(random, name, schema), json);
		}
	}

	private static boolean isRequired(JsonNode schema, String name) {
		for (JsonNode required : schema.path("required")) {
			if (name.equals(required.asString())) {
				return true;
			}
		}
		return false;
	}

	private static boolean comma(boolean first, StringBuilder json) {
		if (!first) {
			json.append(',');
		}
		return false;
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	/** Now and then breaks the bytes: truncation, bytes that are not UTF-8, a BOM. */
	private static byte[] mutate(Random random, byte[] bytes) {
		return switch (random.nextInt(30)) {
			case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
			case 1 -> insert(random, bytes, new byte[] { (byte) 0xff, (byte) 0xfe });
			case 2 -> insert(random, bytes, new byte[] { (byte) 0xc0, (byte) 0xaf });
			case 3 -> insert(random, bytes, new byte[] { 0 });
			case 4 -> concat(new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, bytes);
			case 5 -> new byte[0];
			case 6 -> concat(bytes, bytes);
			default -> bytes;
		};
	}

	private byte[] form(Random random, JsonNode schema) {
		if (random.nextInt(8) == 0) {
			return HostileValues
				.pick(random,
						List.of("x", "a=%zz", "=1", "%FF=1", "a=%FF", "&&&", "a", "a=\u0000", "a=1&a=2", "%",
								"a=%E2%82", "grant_type=password&username=%00&password=%FF", "{\"a\":1}"))
				.getBytes(StandardCharsets.UTF_8);
		}
		List<String> pairs = new ArrayList<>();
		for (var property : schema.path("properties").properties()) {
			if (random.nextInt(4) == 0 && !isRequired(schema, property.getKey())) {
				continue;
			}
			String value = (random.nextInt(8) == 0) ? this.hostile.text(random)
					: this.plausible.value(random, property.getKey(), property.getValue());
			pairs.add(RequestGenerator.encode(property.getKey()) + "="
					+ ((random.nextInt(15) == 0) ? this.hostile.rawEscape(random) : RequestGenerator.encode(value)));
		}
		return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] multipart(Random random, JsonNode schema, String boundary) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (var property : schema.path("properties").properties()) {
			if (random.nextInt(3) == 0) {
				continue;
			}
			String value = (random.nextInt(6) == 0) ? this.hostile.text(random)
					: this.plausible.value(random, property.getKey(), property.getValue());
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + property.getKey()
					+ "\"\r\n\r\n" + value + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		if (random.nextInt(5) != 0) {
			out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	private static byte[] insert(Random random, byte[] bytes, byte[] inserted) {
		int at = random.nextInt(bytes.length + 1);
		byte[] out = new byte[bytes.length + inserted.length];
		System.arraycopy(bytes, 0, out, 0, at);
		System.arraycopy(inserted, 0, out, at, inserted.length);
		System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
		return out;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
