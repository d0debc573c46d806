package org.vetbill.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The inputs of the money-moving use cases. The API layers parse and type them; the use
 * cases check every rule.
 */
public final class PaymentCommands {

	private PaymentCommands() {
	}

	/**
	 * A payment on a finalized invoice.
	 *
	 * @param invoiceId the invoice
	 * @param paymentType the payment type's code (not 8)
	 * @param paid the amount, more than zero
	 * @param paymentDate when it was paid; null for now
	 * @param info free text
	 */
	public record NewPayment(long invoiceId, int paymentType, BigDecimal paid, @Nullable Instant paymentDate,
			@Nullable String info) {
	}

	/**
	 * The cancellation of a payment.
	 *
	 * @param info why, required
	 * @param cancelDate the date asked for; honoured only where the department's
	 * {@code paymentCancelSetDate} setting is on; null for now
	 */
	public record CancelPayment(String info, @Nullable Instant cancelDate) {
	}

	/**
	 * A prepayment received from a client, or the refund of one (negative {@code paid}
	 * and {@code refundsId}).
	 *
	 * @param departmentId the department
	 * @param clientId the client
	 * @param paymentType how it was paid (not 8)
	 * @param paid the amount, negative for a refund
	 * @param description free text
	 * @param refundsId for a refund, the prepayment refunded
	 */
	public record NewPrepayment(long departmentId, long clientId, int paymentType, BigDecimal paid,
			@Nullable String description, @Nullable Long refundsId) {
	}

	/**
	 * The ERP's write-back on a prepayment.
	 *
	 * @param externalId the ERP's id for it
	 * @param metadata the ERP's own data
	 */
	public record ExternalInfo(@Nullable String externalId, Map<String, Object> metadata) {
	}

	/**
	 * A prepayment applied to an invoice.
	 *
	 * @param prepaymentId the prepayment
	 * @param amount how much; null for as much as both allow
	 */
	public record ApplyPrepayment(long prepaymentId, @Nullable BigDecimal amount) {
	}

	/**
	 * An overpayment paid back to the client.
	 *
	 * @param paymentType how it is paid back
	 * @param info free text
	 */
	public record PayOut(int paymentType, @Nullable String info) {
	}

}
