package org.vetbill.shared.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The facts of an error: the amounts, dates, ids and names it is about, by name, in the
 * order given. Each API words an error from its code and these facts.
 */
public final class Facts {

	private Facts() {
	}

	/**
	 * Facts from alternating names and values.
	 * @param namesAndValues a name, its value, the next name, ...
	 * @return the facts, unmodifiable
	 */
	public static Map<String, @Nullable Object> of(@Nullable Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("facts come in name and value pairs");
		}
		Map<String, @Nullable Object> facts = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			facts.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(facts);
	}

	/**
	 * The same facts with one more.
	 * @param facts the facts
	 * @param name the new fact's name
	 * @param value its value
	 * @return the facts, unmodifiable
	 */
	public static Map<String, @Nullable Object> with(Map<String, @Nullable Object> facts, String name,
			@Nullable Object value) {
		Map<String, @Nullable Object> more = new LinkedHashMap<>(facts);
		more.put(name, value);
		return Collections.unmodifiableMap(more);
	}

}
