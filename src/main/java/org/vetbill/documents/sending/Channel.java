package org.vetbill.documents.sending;

/**
 * How an invoice reaches its payer.
 */
public enum Channel {

	/** An email with the PDF attached, to an email address. */
	EMAIL,

	/**
	 * An e-invoice file (Finvoice or Peppol UBL) in the outbox folder an e-invoicing
	 * operator's connector reads, to an e-invoice address.
	 */
	EINVOICE

}
