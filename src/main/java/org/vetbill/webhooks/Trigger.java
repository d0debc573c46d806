package org.vetbill.webhooks;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.events.Change;

/**
 * The webhook triggers vetbill supports, by the numbers integrations already subscribe
 * with: the number, the kind of change that fires it, and the type of the object its body
 * names.
 */
public enum Trigger {

	/** 9: a numbered invoice was created or changed. */
	INVOICE(9, Change.Kind.INVOICE, "invoice"),

	/** 10: an invoice draft was created or changed, its rows included. */
	INVOICE_DRAFT(10, Change.Kind.INVOICE_DRAFT, "invoice"),

	/** 11: a payment on an invoice was recorded or changed. */
	INVOICE_PAYMENT(11, Change.Kind.INVOICE_PAYMENT, "invoicepayment"),

	/** 12: an unallocated payment (prepayment) was created or changed. */
	UNALLOCATED_PAYMENT(12, Change.Kind.UNALLOCATED_PAYMENT, "unallocatedpayment"),

	/** 23: an invoice row was deleted. */
	INVOICE_ROW_DELETE(23, Change.Kind.INVOICE_ROW_DELETED, "invoicerow"),

	/** 45: a consultation was finalized. */
	CONSULTATION_FINALIZED(45, Change.Kind.CONSULTATION_FINALIZED, "consultation"),

	/** 63: a department's settings were created or changed. */
	DEPARTMENT_SETTINGS(63, Change.Kind.DEPARTMENT_SETTINGS, "department");

	/** The trigger numbers, in order. */
	public static final List<Integer> CODES = Arrays.stream(values()).map(Trigger::code).toList();

	private final int code;

	private final Change.Kind kind;

	private final String objectType;

	Trigger(int code, Change.Kind kind, String objectType) {
		this.code = code;
		this.kind = kind;
		this.objectType = objectType;
	}

	public int code() {
		return this.code;
	}

	/**
	 * The type of the object a delivery names, as integrations know it (its body's key is
	 * this type with {@code _id}).
	 * @return such as {@code invoicepayment}
	 */
	public String objectType() {
		return this.objectType;
	}

	public static @Nullable Trigger ofCode(int code) {
		for (Trigger trigger : values()) {
			if (trigger.code == code) {
				return trigger;
			}
		}
		return null;
	}

	static Trigger of(Change.Kind kind) {
		for (Trigger trigger : values()) {
			if (trigger.kind == kind) {
				return trigger;
			}
		}
		throw new IllegalArgumentException("no trigger for " + kind);
	}

}
