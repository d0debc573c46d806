package org.vetbill.documents.einvoice;

import java.time.Duration;
import java.util.List;

/**
 * What the validation of one e-invoice found.
 *
 * @param rules the id of the rule set it was validated against (e.g.
 * {@code eu.peppol.bis3:invoice:2026.5}, {@code fi.finvoice:finvoice:3})
 * @param failures every error and warning, in the order found
 * @param took how long the validation took
 */
public record EInvoiceValidation(String rules, List<EInvoiceFailure> failures, Duration took) {

	public EInvoiceValidation {
		failures = List.copyOf(failures);
	}

	/**
	 * Whether the e-invoice is valid: it breaks no rule at error level (warnings
	 * allowed).
	 * @return true when there is no error
	 */
	public boolean valid() {
		return errors().isEmpty();
	}

	/**
	 * The errors.
	 * @return the failures at error level
	 */
	public List<EInvoiceFailure> errors() {
		return this.failures.stream().filter(EInvoiceFailure::error).toList();
	}

	/**
	 * The warnings.
	 * @return the failures below error level
	 */
	public List<EInvoiceFailure> warnings() {
		return this.failures.stream().filter((failure) -> !failure.error()).toList();
	}

	/**
	 * The ids of the rules broken at error level.
	 * @return the rule ids, in the order found
	 */
	public List<String> errorRuleIds() {
		return errors().stream().map(EInvoiceFailure::ruleId).filter(java.util.Objects::nonNull).toList();
	}

}
