package org.vetbill.documents.einvoice;

/**
 * The e-invoice formats vetbill writes.
 */
public enum EInvoiceFormat {

	/** Peppol BIS Billing 3.0, UBL 2.1 (EN 16931). */
	PEPPOL_UBL,

	/** Finvoice 3.0, the Finnish banks' and operators' format. */
	FINVOICE

}
