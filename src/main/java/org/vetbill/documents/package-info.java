/**
 * An invoice's documents: the printable PDF with the bank barcode and the EPC QR code,
 * the Peppol BIS Billing 3.0 UBL and the Finvoice 3.0 e-invoices, all written from one
 * {@link org.vetbill.documents.InvoiceDocument} taken from the ledger, and their sending
 * to the payer.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "clinic", "clinic :: domain", "invoicing", "invoicing :: domain", "shared" })
package org.vetbill.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
