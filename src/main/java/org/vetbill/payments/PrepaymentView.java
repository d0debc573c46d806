package org.vetbill.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A prepayment (unallocated payment) as it is read: money a client paid before an invoice
 * existed, or a refund of such money (a negative amount that refunds another).
 *
 * @param id its id
 * @param departmentId the department that received it
 * @param clientId the client
 * @param paymentType how it was paid: a {@link org.vetbill.payments.domain.PaymentType}
 * code
 * @param paid the amount received, negative for a refund
 * @param unusedAmount what is left to apply to invoices or refund
 * @param fullyUsed whether nothing is left
 * @param description free text
 * @param refundsId for a refund, the prepayment it refunds
 * @param refundIds the refunds of this prepayment
 * @param sourceInvoiceId for an overpayment moved here, the invoice it came from
 * @param cancelled whether it was cancelled
 * @param paymentDate the day it was received
 * @param externalId the ERP's id for it, written back by the ERP
 * @param metadata the ERP's own data about it
 * @param created when it was recorded
 * @param modified when it last changed
 */
public record PrepaymentView(long id, long departmentId, long clientId, int paymentType, BigDecimal paid,
		BigDecimal unusedAmount, boolean fullyUsed, @Nullable String description, @Nullable Long refundsId,
		List<Long> refundIds, @Nullable Long sourceInvoiceId, boolean cancelled, LocalDate paymentDate,
		@Nullable String externalId, Map<String, Object> metadata, Instant created, Instant modified) {

}
