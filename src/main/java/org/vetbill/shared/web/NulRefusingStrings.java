package org.vetbill.shared.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads every JSON string of every API and refuses one holding U+0000 (NUL): PostgreSQL
 * cannot store it and H2 would keep it, so it is refused before any rule sees it, as a
 * 400 naming the field, never stored as other text.
 */
public final class NulRefusingStrings extends StringDeserializer {

	/** The message, as for a query parameter ({@link RequestSanity}). */
	public static final String MESSAGE = "may not contain the NUL character";

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String text = super.deserialize(parser, context);
		if (text != null && text.indexOf('\u0000') >= 0) {
			throw new NulCharacter(parser, text);
		}
		return text;
	}

	/**
	 * Where a JSON tree holds a string (or a field name) with U+0000, for the APIs that
	 * read a tree rather than a type.
	 * @param tree the tree
	 * @return the field's path ({@code rows[0].remarks}), or null when there is none
	 */
	public static @Nullable String nulAt(JsonNode tree) {
		return nulAt(tree, "");
	}

	private static @Nullable String nulAt(JsonNode node, String path) {
		if (node.isString()) {
			return (node.asString().indexOf('\u0000') >= 0) ? (path.isEmpty() ? "body" : path) : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = nulAt(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				String field = path.isEmpty() ? name : path + "." + name;
				if (name.indexOf('\u0000') >= 0) {
					return field;
				}
				String found = nulAt(node.get(name), field);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** A JSON string holding U+0000. */
	static final class NulCharacter extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		NulCharacter(JsonParser parser, String text) {
			super(parser, MESSAGE, text, String.class);
		}

	}

}
