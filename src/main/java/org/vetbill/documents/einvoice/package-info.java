/**
 * The invoice as an e-invoice: the Peppol BIS Billing 3.0 UBL and the Finvoice 3.0
 * message written from an {@link org.vetbill.documents.InvoiceDocument}, the master data
 * an e-invoice cannot go without, and their validation against the official rules.
 */
@NullMarked
package org.vetbill.documents.einvoice;

import org.jspecify.annotations.NullMarked;
