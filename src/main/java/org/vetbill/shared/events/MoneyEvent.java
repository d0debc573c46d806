package org.vetbill.shared.events;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.money.Money;

/**
 * A movement of money a use case committed, for those who count them (metrics): what
 * happened, to which record, and its amount.
 *
 * @param kind what happened
 * @param departmentId the department the record belongs to
 * @param id the record: the invoice, credit note, payment or prepayment
 * @param amount the amount, positive (a cancellation or a refund counts its amount back),
 * in the organization's currency
 * @param currency the ISO 4217 code of the currency
 * @param paymentType the payment type's code for payments and their cancellations, null
 * for the others
 */
public record MoneyEvent(Kind kind, long departmentId, long id, BigDecimal amount, String currency,
		@Nullable Integer paymentType) {

	/**
	 * A movement of an amount of money, counted positive.
	 * @param kind what happened
	 * @param departmentId the department
	 * @param id the record
	 * @param amount the amount, of either sign
	 * @param paymentType the payment type's code, or null
	 * @return the event
	 */
	public static MoneyEvent of(Kind kind, long departmentId, long id, Money amount, @Nullable Integer paymentType) {
		return new MoneyEvent(kind, departmentId, id, amount.amount().abs(), amount.currency().getCurrencyCode(),
				paymentType);
	}

	/**
	 * What happened to the money.
	 */
	public enum Kind {

		/** An invoice was finalized (its total). */
		INVOICE_FINALIZED,

		/** A payment was recorded on an invoice, a prepayment's use included. */
		PAYMENT_RECORDED,

		/** A payment was cancelled. */
		PAYMENT_CANCELLED,

		/** An overpayment was paid back to the client. */
		PAYMENT_PAID_OUT,

		/** A credit note was issued (its total, as a positive amount). */
		CREDIT_NOTE_ISSUED,

		/** A prepayment was received. */
		PREPAYMENT_RECEIVED,

		/** A prepayment was paid back to the client (its amount, positive). */
		PREPAYMENT_REFUNDED,

		/** A prepayment was cancelled. */
		PREPAYMENT_CANCELLED,

		/** An invoice's balance was written off as bad debt. */
		WRITE_OFF

	}

}
