package org.vetbill.shared.error;

import org.jspecify.annotations.Nullable;

/**
 * A well-formed request that a business rule refuses, such as paying a draft or dating an
 * invoice inside a locked period (HTTP 422 in vetbill's own API). The message says why
 * and, where there is one, what to do instead.
 */
public final class RuleViolation extends BusinessError {

	private final @Nullable String field;

	public RuleViolation(String code, @Nullable String field, String message) {
		super(code, message);
		this.field = field;
	}

	public RuleViolation(String code, String message) {
		this(code, null, message);
	}

	/**
	 * The request field the rule is about, if any.
	 * @return the field name or null
	 */
	public @Nullable String field() {
		return this.field;
	}

}
