package org.vetbill.shared.error;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A request the domain refuses, with a stable machine-readable code and the facts it is
 * about (amounts, dates, ids), never words: each API dialect words it its own way from
 * its code and facts, and answers it in its own format. None of them is ever answered
 * with 200 or 500.
 */
public abstract sealed class BusinessError extends RuntimeException
		permits InvalidInput, RuleViolation, NotFound, Conflict {

	private final String code;

	private final @Nullable String variant;

	private final Map<String, @Nullable Object> facts;

	protected BusinessError(String code, @Nullable String variant, Map<String, @Nullable Object> facts) {
		super(null, null, false, false);
		this.code = code;
		this.variant = variant;
		this.facts = facts;
	}

	/**
	 * A stable, machine-readable reason such as {@code period_locked}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Which wording of the code fits, where a code has several: {@code code} or
	 * {@code code.variant}.
	 * @return the key of the error's wording
	 */
	public String key() {
		return (this.variant != null) ? this.code + "." + this.variant : this.code;
	}

	/**
	 * The case of the code this error is, where it has several, or null.
	 * @return the variant
	 */
	public @Nullable String variant() {
		return this.variant;
	}

	/**
	 * What the error is about.
	 * @return the facts by name
	 */
	public Map<String, @Nullable Object> facts() {
		return this.facts;
	}

	/**
	 * The same error with its fields named otherwise, as an API whose requests name the
	 * use case's inputs otherwise reports it.
	 * @param naming the new name of a field (the input's name when it is not renamed)
	 * @return the error
	 */
	public abstract BusinessError withFields(UnaryOperator<String> naming);

	@Override
	public String getMessage() {
		return key() + " " + this.facts;
	}

}
