/**
 * The payment rules, free of frameworks: payment types, the cancellation of a recorded
 * payment, and prepayments with their use, refunds and cancellation. What an invoice is
 * owed and may receive is {@link org.vetbill.invoicing.domain.InvoiceBalance}'s.
 */
@NullMarked
@NamedInterface("domain")
package org.vetbill.payments.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
