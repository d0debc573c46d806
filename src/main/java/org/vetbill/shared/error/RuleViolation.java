package org.vetbill.shared.error;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A well-formed request that a business rule refuses, such as paying a draft or dating an
 * invoice inside a locked period (answered as HTTP 422 where an API has no other way).
 * Its wording says why and, where there is one, what to do instead.
 */
public final class RuleViolation extends BusinessError {

	private final @Nullable String field;

	/**
	 * A refusal.
	 * @param code the rule's code
	 * @param field the input the rule is about, or null
	 * @param facts what it is about
	 */
	public RuleViolation(String code, @Nullable String field, Map<String, @Nullable Object> facts) {
		this(code, field, null, facts);
	}

	/**
	 * A refusal in one of the cases of its rule, each worded its own way.
	 * @param code the rule's code
	 * @param field the input the rule is about, or null
	 * @param variant which case of the rule
	 * @param facts what it is about
	 */
	public RuleViolation(String code, @Nullable String field, @Nullable String variant,
			Map<String, @Nullable Object> facts) {
		super(code, variant, facts);
		this.field = field;
	}

	/**
	 * A refusal about no input in particular.
	 * @param code the rule's code
	 * @param namesAndValues the facts, as names and values
	 * @return the refusal
	 */
	public static RuleViolation of(String code, @Nullable Object... namesAndValues) {
		return new RuleViolation(code, null, Facts.of(namesAndValues));
	}

	/**
	 * The input the rule is about, if any.
	 * @return the field name or null
	 */
	public @Nullable String field() {
		return this.field;
	}

	@Override
	public RuleViolation withFields(UnaryOperator<String> naming) {
		return new RuleViolation(code(), (this.field != null) ? naming.apply(this.field) : null, variant(), facts());
	}

}
