package org.vetbill.clinic.domain;

/**
 * How an organization's invoices get their payment reference number on finalization.
 */
public enum ReferenceNumberFormat {

	/** No reference number; the invoice's reference number stays null. */
	NONE,

	/** The Finnish national reference number with its 7-3-1 check digit. */
	FINNISH,

	/** The ISO 11649 creditor reference ({@code RF} and two check digits). */
	RF

}
