package org.vetbill.shared.error;

/**
 * A request the domain refuses, with a stable machine-readable code. Each API dialect
 * maps the subtypes to its own error format; none of them is ever answered with 200 or
 * 500.
 */
public abstract sealed class BusinessError extends RuntimeException
		permits InvalidInput, RuleViolation, NotFound, Conflict {

	private final String code;

	private final String detail;

	protected BusinessError(String code, String detail) {
		super(detail, null, false, false);
		this.code = code;
		this.detail = detail;
	}

	/**
	 * What is wrong and, where there is one, what to do instead; for a person.
	 * @return the detail
	 */
	public String detail() {
		return this.detail;
	}

	/**
	 * A stable, machine-readable reason such as {@code period_locked}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

}
