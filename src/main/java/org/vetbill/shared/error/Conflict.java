package org.vetbill.shared.error;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A request that lost a race or was based on a stale version (HTTP 409); retrying after
 * reading the current state is safe.
 */
public final class Conflict extends BusinessError {

	public Conflict(String code, Map<String, @Nullable Object> facts) {
		super(code, null, facts);
	}

	/**
	 * A conflict in one of the cases of its code, each worded its own way.
	 * @param code the code
	 * @param variant the case
	 * @param facts what it is about
	 */
	public Conflict(String code, @Nullable String variant, Map<String, @Nullable Object> facts) {
		super(code, variant, facts);
	}

	/**
	 * A change based on a version of a record that is no longer the current one.
	 * @param entity the kind of record
	 * @param id its id
	 * @return the conflict, code {@code stale_version}
	 */
	public static Conflict staleVersion(String entity, long id) {
		return new Conflict("stale_version", Facts.of("entity", entity, "id", id));
	}

	@Override
	public Conflict withFields(UnaryOperator<String> naming) {
		return this;
	}

}
