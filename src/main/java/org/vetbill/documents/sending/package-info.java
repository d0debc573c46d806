/**
 * Sending invoices and credit notes to their payers: by email with the PDF attached and a
 * short text in the document's language, or as an e-invoice file (Finvoice or Peppol UBL)
 * written to the folder an e-invoicing operator's connector reads. A request records its
 * sending in its own transaction (an outbox table, {@code invoice_sending}); after commit
 * a worker on each node claims the due sendings with a lease, one node per attempt, sends
 * them and records how it went, retrying with exponential back-off until a limit.
 * <p>
 * The other modules reach it through
 * {@link org.vetbill.documents.sending.InvoiceSendings} (a named interface of the
 * documents module).
 */
@NullMarked
@NamedInterface("sending")
package org.vetbill.documents.sending;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
