package org.vetbill.invoicing;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.InvoiceBalance;

/**
 * An invoice read under its row lock, as money moves on it: what it is owed and has
 * received. Valid until the transaction that locked it ends.
 *
 * @param id the invoice
 * @param departmentId its department
 * @param clientId its client, or null for a countersale without client
 * @param invoiceDate its date, or null on a draft that has none yet
 * @param balance its total, what was paid and what was written off
 * @param datePaid when it became settled, or null while it is not
 */
public record LockedInvoice(long id, long departmentId, @Nullable Long clientId, @Nullable LocalDate invoiceDate,
		InvoiceBalance balance, @Nullable Instant datePaid) {

}
