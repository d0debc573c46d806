package org.vetbill.invoicing.domain;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.Facts;
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
					throw refusal(current.isIssued() ? "issued_follows_payments" : "final", current, target);
				}
				yield Step.FINALIZE;
			}
			case VOID -> {
				if (current == InvoiceState.WRITTEN_OFF) {
					throw refusal("final", current, target);
				}
				yield Step.VOID;
			}
			case WRITTEN_OFF -> {
				if (!current.isIssued()) {
					throw refusal("not_writable_off", current, target);
				}
				yield Step.WRITE_OFF;
			}
			case DRAFT -> throw refusal("no_return_to_draft", current, target);
			case PAID, PARTIALY_PAID -> throw refused(target, current);
		};
	}

	/**
	 * Refuses deleting anything but a draft.
	 * @param current the invoice's state
	 */
	public static void checkDeletable(InvoiceState current) {
		if (current != InvoiceState.DRAFT) {
			throw new RuleViolation("invoice_not_deletable", "status", Facts.of("state", current));
		}
	}

	/**
	 * A state that is never asked for: a new invoice's other than DRAFT and ISSUED, or
	 * one that follows from payments or another step.
	 */
	private static RuleViolation refused(InvoiceState target, @Nullable InvoiceState current) {
		String variant = switch (target) {
			case PAID, PARTIALY_PAID -> "follows_payments";
			case VOID -> "void_by_voiding";
			case WRITTEN_OFF -> "written_off_by_write_off";
			case DRAFT, ISSUED -> "requestable";
		};
		return refusal(((current == null) ? "new_" : "") + variant, current, target);
	}

	private static RuleViolation refusal(String variant, @Nullable InvoiceState current, InvoiceState target) {
		return new RuleViolation(NOT_REQUESTABLE, "status", variant, Facts.of("state", current, "target", target));
	}

}
