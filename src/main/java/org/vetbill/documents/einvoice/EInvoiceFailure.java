package org.vetbill.documents.einvoice;

import org.jspecify.annotations.Nullable;

/**
 * One rule an e-invoice breaks, as the validation reports it.
 *
 * @param ruleId the rule's id: a schematron rule's ({@code BR-CO-14},
 * {@code PEPPOL-EN16931-R003}) or an XML Schema check's ({@code cvc-pattern-valid}); null
 * when the report names none
 * @param error whether it is an error (the document is invalid) rather than a warning
 * @param text what the rule says, in its own words
 * @param location where in the document: an XPath for a schematron rule, a line and
 * column for the schema; null when unknown
 */
public record EInvoiceFailure(@Nullable String ruleId, boolean error, String text, @Nullable String location) {

	@Override
	public String toString() {
		return (this.error ? "ERROR " : "WARNING ") + this.ruleId + ": " + this.text
				+ ((this.location != null) ? " @ " + this.location : "");
	}

}
