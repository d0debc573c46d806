/**
 * The invoicing rules, free of frameworks: statuses and their transitions, row and
 * invoice figures, invoice-level discounts, finalization (numbering, reference numbers,
 * payer snapshot, due date, period lock) and voiding.
 */
@NullMarked
@NamedInterface("domain")
package org.vetbill.invoicing.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
