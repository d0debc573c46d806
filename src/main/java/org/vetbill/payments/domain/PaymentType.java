package org.vetbill.payments.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * How a payment was made, with the numbers integrations know the types by.
 */
public enum PaymentType {

	CARD(0), CASH(1), BANK_PAYMENT(2), ROUNDING(3), CHEQUE(4), VOUCHER(5), CONSOLIDATED_INVOICE(6), MOBILE_PAYMENT(7),
	/** A prepayment applied to an invoice; only the clinic side makes these. */
	PREPAYMENT(8), GIFT_CARD(9), FINANCING_COMPANY(10), OTHER(11),
	/** The settlement of a credit note against its original invoice; no cash moves. */
	CREDIT_INVOICE(12), INSURANCE_CLAIM(15);

	/**
	 * The codes a client may record a payment or a prepayment with, for error messages.
	 */
	public static final String RECORDABLE_CODES = Arrays.stream(values())
		.filter(PaymentType::recordable)
		.map((type) -> String.valueOf(type.code))
		.collect(Collectors.joining(", "));

	private final int code;

	PaymentType(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	/**
	 * Whether a client may record a payment of this type itself; a prepayment (8) is
	 * applied by the clinic side only.
	 * @return whether the type is accepted on the payment endpoints
	 */
	public boolean recordable() {
		return this != PREPAYMENT;
	}

	public static @Nullable PaymentType ofCode(int code) {
		for (PaymentType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		return null;
	}

	public static PaymentType of(int code) {
		PaymentType type = ofCode(code);
		if (type == null) {
			throw new IllegalArgumentException("no payment type " + code);
		}
		return type;
	}

}
