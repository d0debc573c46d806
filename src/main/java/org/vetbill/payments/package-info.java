/**
 * The money on invoices: payments and their cancellation, prepayments (unallocated
 * payments) with their refunds and their use on invoices, overpayments paid out or moved
 * to the client's prepayments, write-offs, and the financial period lock they all obey.
 * Invoices are reached through invoicing's {@link org.vetbill.invoicing.InvoiceBalances}
 * (the balance under the invoice's lock), and this module gives invoicing what it needs
 * of payments through {@link org.vetbill.invoicing.InvoicePayments}. The rules are in
 * {@code domain}; this package holds the use cases, their stores and vetbill's own
 * endpoints.
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "audit", "clinic", "clinic :: domain", "invoicing", "invoicing :: domain", "shared" })
package org.vetbill.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
