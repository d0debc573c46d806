package org.vetbill.shared.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Applies a JSON Merge Patch (RFC 7396) to the writable fields of a record: fields
 * present in the patch replace the current values, {@code null} clears them, absent
 * fields stay. The merged record is then validated and stored as a whole by the
 * application service, which checks the version it was based on, so concurrent patches
 * never silently overwrite each other.
 */
@Component
public class MergePatch {

	private final JsonMapper json;

	MergePatch(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Merges a patch onto the current values.
	 * @param <T> the record type
	 * @param current the current writable fields
	 * @param patch the patch document, a JSON object
	 * @param type the record type
	 * @return the merged record, not yet validated
	 * @throws InvalidInput when the patch is not an object, names an unknown field or has
	 * a value of the wrong type
	 */
	public <T> T apply(T current, JsonNode patch, Class<T> type) {
		if (!(patch instanceof ObjectNode patchObject)) {
			throw InvalidInput.worded("body", "must be a JSON object");
		}
		ObjectNode target = this.json.valueToTree(current);
		for (Map.Entry<String, JsonNode> entry : patchObject.properties()) {
			if (!target.has(entry.getKey())) {
				throw InvalidInput.worded(entry.getKey(), "is not a known field or cannot be changed");
			}
			target.set(entry.getKey(), entry.getValue());
		}
		try {
			return this.json.treeToValue(target, type);
		}
		catch (JacksonException ex) {
			String field = FieldNames.of(ex.getPath());
			throw new InvalidInput(
					List.of(FieldError.worded(field.isEmpty() ? "body" : field, JsonErrors.describe(ex))));
		}
	}

	/**
	 * The version a change must be based on: the one of an {@code If-Match} header when
	 * the client sent one, else the one just read.
	 * @param ifMatch the header value, such as {@code "3"}, or null
	 * @param current the version read
	 * @return the expected version
	 */
	public static int expectedVersion(@Nullable String ifMatch, int current) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return current;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			int expected = Integer.parseInt(value);
			if (expected != current) {
				throw new Conflict("stale_version", "if_match", Facts.of("expected", expected, "current", current));
			}
			return expected;
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.worded("If-Match", "must be the record's version number");
		}
	}

}
