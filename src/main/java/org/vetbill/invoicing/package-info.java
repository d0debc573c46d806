/**
 * Invoices and their rows: drafts built by hand (countersales) or from a finalized
 * consultation, edited while draft, finalized with a gapless per-department number,
 * reference number and payer snapshot, and voided under the rules of the lifecycle. The
 * rules themselves are in {@code domain}; this package holds the use cases, their queries
 * and vetbill's own endpoints.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "clinic", "clinic :: domain", "shared" })
package org.vetbill.invoicing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
