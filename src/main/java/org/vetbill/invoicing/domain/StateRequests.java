package org.vetbill.invoicing.domain;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.RuleViolation;

/**
 * The rules of asking for an invoice's {@link InvoiceState} rather than acting on it: a
 * whole invoice is sent with the state it should be in, and the state is reached through
 * the same steps as every other change. DRAFT, ISSUED, VOID and WRITTEN_OFF can be asked
 * for; PAID and PARTIALY_PAID follow from payments; nothing returns to DRAFT, and a
 * written-off invoice stays so.
 */
public final class StateRequests {

	/** The code of every refusal here. */
	public static final String NOT_REQUESTABLE = "status_not_requestable";

	private StateRequests() {
	}

	/**
	 * The step that takes an invoice from one state to another.
	 */
	public enum Step {

		/** It is in that state already. */
		NONE,
		/** Finalize the draft. */
		FINALIZE,
		/** Void it (under the rules of voiding). */
		VOID,
		/** Write off its balance (under the rules of a write-off). */
		WRITE_OFF

	}

	/**
	 * Refuses a state a new invoice cannot be created in: only DRAFT and ISSUED.
	 * @param requested the state asked for
	 */
	public static void checkNew(InvoiceState requested) {
		if (requested != InvoiceState.DRAFT && requested != InvoiceState.ISSUED) {
			throw refused(requested, null);
		}
	}

	/**
	 * Refuses, before anything changes, a state that can never be asked for (PAID and
	 * PARTIALY_PAID) unless the invoice is in it already.
	 * @param current the invoice's state
	 * @param target the state asked for
	 */
	public static void checkRequestable(InvoiceState current, InvoiceState target) {
		if (!target.isRequestable() && target != current) {
			throw refused(target, current);
		}
	}

	/**
	 * The step from the invoice's state to the one asked for.
	 * @param current the invoice's state
	 * @param target the state asked for
	 * @return the step to take
	 * @throws RuleViolation {@value #NOT_REQUESTABLE} when no step leads there
	 */
	public static Step step(InvoiceState current, InvoiceState target) {
		if (target == current) {
			return Step.NONE;
		}
		return switch (target) {
			case ISSUED -> {
				if (current != InvoiceState.DRAFT) {
					throw new RuleViolation(NOT_REQUESTABLE, "status",
							"the invoice is " + current + "; "
									+ (current.isIssued() ? "an issued invoice's status follows its payments: send "
											+ current + " or leave status out" : "nothing more can happen to it"));
				}
				yield Step.FINALIZE;
			}
			case VOID -> {
				if (current == InvoiceState.WRITTEN_OFF) {
					throw new RuleViolation(NOT_REQUESTABLE, "status",
							"the invoice is WRITTEN_OFF; nothing more can happen to it");
				}
				yield Step.VOID;
			}
			case WRITTEN_OFF -> {
				if (!current.isIssued()) {
					throw new RuleViolation(NOT_REQUESTABLE, "status", "the invoice is " + current
							+ "; only an ISSUED or PARTIALY_PAID invoice can be written off");
				}
				yield Step.WRITE_OFF;
			}
			case DRAFT -> throw new RuleViolation(NOT_REQUESTABLE, "status", "the invoice is " + current
					+ " and cannot return to DRAFT; void it (while nothing is paid) or correct it with a credit note");
			case PAID, PARTIALY_PAID -> throw refused(target, current);
		};
	}

	/**
	 * Refuses deleting anything but a draft.
	 * @param current the invoice's state
	 */
	public static void checkDeletable(InvoiceState current) {
		if (current != InvoiceState.DRAFT) {
			throw new RuleViolation("invoice_not_deletable", "status", "only a DRAFT can be deleted; the invoice is "
					+ current + ": void it (while nothing is paid) or correct it with a credit note");
		}
	}

	private static RuleViolation refused(InvoiceState target, @Nullable InvoiceState current) {
		String start = (current == null) ? "a new invoice is created as DRAFT or ISSUED; "
				: "the invoice is " + current + "; ";
		return new RuleViolation(NOT_REQUESTABLE, "status", start + advice(target));
	}

	private static String advice(InvoiceState state) {
		return switch (state) {
			case PAID, PARTIALY_PAID -> state + " follows from payments and cannot be asked for: record a payment "
					+ "(Cloud API POST /invoicepayment/) on the ISSUED invoice";
			case VOID -> "VOID is reached by voiding an existing DRAFT or ISSUED invoice";
			case WRITTEN_OFF -> "WRITTEN_OFF is reached by writing off an ISSUED invoice's balance";
			case DRAFT, ISSUED -> "ask for DRAFT, ISSUED, VOID or WRITTEN_OFF";
		};
	}

}
