package org.vetbill.invoicing.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.PeriodLock;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Money;

/**
 * The state of an invoice that its lifecycle rules look at.
 *
 * @param id the invoice's id
 * @param departmentId its department
 * @param status its status
 * @param creditNote whether it is a credit note
 * @param invoiceDate its date, or null on a draft that has none yet
 * @param invoiceDueDate its due date, or null on a draft that has none yet
 * @param paidAmount what has been paid on it (net of cancellations)
 * @param hasPayments whether any payment was ever recorded on it
 */
public record Invoice(long id, long departmentId, InvoiceStatus status, boolean creditNote,
		@Nullable LocalDate invoiceDate, @Nullable LocalDate invoiceDueDate, Money paidAmount, boolean hasPayments) {

	/**
	 * Refuses a change to anything but a draft.
	 * @throws RuleViolation {@code invoice_not_editable}, saying what to do instead
	 */
	public void requireDraft() {
		if (!this.status.isDraft()) {
			throw new RuleViolation("invoice_not_editable",
					"invoice " + this.id + " is " + describe(this.status)
							+ "; only draft invoices (status 0, 1, 2) can be changed"
							+ (this.status.isIssued() ? " - correct a finalized invoice with a credit note" : ""));
		}
	}

	/**
	 * Finalizes a draft: checks the rules, then takes the next number of the department's
	 * sequence. The number supplier is called only when every check has passed, so a
	 * refused finalization never consumes a number.
	 * @param terms the circumstances
	 * @param nextNumber the department's sequence
	 * @return what to write onto the invoice
	 */
	public Finalization.Result finalize(Finalization.Terms terms, LongSupplier nextNumber) {
		requireDraft();
		if (!terms.target().isIssued()) {
			throw InvalidInput.field("status", "an invoice is finalized to status 3 (finalized) or 4 (invoicing)");
		}
		if (terms.rowCount() == 0) {
			throw new RuleViolation("invoice_empty", "invoice " + this.id + " has no rows; add rows before finalizing");
		}
		LocalDate date = (terms.requestedDate() != null) ? terms.requestedDate()
				: (this.invoiceDate != null) ? this.invoiceDate : terms.today();
		terms.lock().check(date, "invoice_date", terms.today());
		LocalDate due = (this.invoiceDueDate != null) ? this.invoiceDueDate
				: date.plusDays(paymentTermsDays(terms.client(), terms.defaultPaymentTermsDays()));
		if (due.isBefore(date)) {
			throw InvalidInput.field("invoice_due_date",
					"due date " + due + " is before the invoice date " + date + "; change or clear it");
		}
		long number = nextNumber.getAsLong();
		String reference = ReferenceNumbers.forInvoice(terms.referenceFormat(), this.departmentId, number);
		Payer payer = (terms.client() != null) ? Payer.of(terms.client()) : Payer.NONE;
		return new Finalization.Result(terms.target(), number, terms.invoicePrefix(), reference, date, due, payer);
	}

	/**
	 * Checks a status change that is neither a finalization nor a void: between the three
	 * draft statuses, or between finalized (3) and invoicing (4).
	 * @param target the requested status
	 * @return the target
	 */
	public InvoiceStatus changeStatus(InvoiceStatus target) {
		if (target == this.status) {
			return target;
		}
		if (this.status.isDraft() && target.isDraft()) {
			return target;
		}
		if (this.status.isIssued() && target.isIssued()) {
			if (this.status == InvoiceStatus.FINALIZED && !this.paidAmount.isZero()) {
				throw new RuleViolation("invoice_has_payments", "status", "invoice " + this.id
						+ " has payments; it stays finalized (3) until they are settled or cancelled");
			}
			return target;
		}
		if (this.status.isDraft() && target.isIssued()) {
			throw new RuleViolation("use_finalize", "status",
					"a draft becomes status " + target.code() + " by finalizing it (POST .../finalize)");
		}
		if (target == InvoiceStatus.VOIDED) {
			throw new RuleViolation("use_void", "status", "an invoice is voided with POST .../void");
		}
		throw new RuleViolation("invalid_status_change", "status", "invoice " + this.id + " is " + describe(this.status)
				+ " and cannot go back to status " + target.code());
	}

	/**
	 * Checks that the invoice may be voided: a draft, or a finalized invoice with no
	 * payments whose date is in an open period. Anything else is corrected with a credit
	 * note.
	 * @param lock the department's period lock
	 * @param today the current date in the organization's time zone
	 */
	public void checkVoidable(PeriodLock lock, LocalDate today) {
		if (this.status == InvoiceStatus.VOIDED) {
			throw new RuleViolation("invoice_voided", "invoice " + this.id + " is already voided");
		}
		if (this.status.isDraft()) {
			return;
		}
		if (this.creditNote) {
			throw new RuleViolation("credit_note_not_voidable",
					"invoice " + this.id + " is a credit note; credit notes cannot be voided");
		}
		if (this.hasPayments || !this.paidAmount.isZero()) {
			throw new RuleViolation("invoice_has_payments", "invoice " + this.id
					+ " has payments and cannot be voided; correct it with a credit note (full_refund or partial_refund)");
		}
		LocalDate date = Objects.requireNonNull(this.invoiceDate, "a finalized invoice has a date");
		LocalDate effectiveLock = lock.effectiveDate(today);
		if (effectiveLock != null && date.isBefore(effectiveLock)) {
			throw new RuleViolation("period_locked", "invoice_date",
					"invoice " + this.id + " is dated " + date + ", before the financial period lock date "
							+ effectiveLock + "; it cannot be voided - correct it with a credit note");
		}
	}

	/**
	 * Refuses a credit note for anything but a finalized invoice that is not itself a
	 * credit note.
	 */
	public void requireCreditable() {
		if (this.creditNote) {
			throw new RuleViolation("credit_note_not_creditable",
					"invoice " + this.id + " is a credit note; a credit note cannot be credited");
		}
		if (this.status == InvoiceStatus.VOIDED) {
			throw new RuleViolation("invoice_voided", "invoice " + this.id + " is voided; there is nothing to credit");
		}
		if (!this.status.isIssued()) {
			throw new RuleViolation("invoice_not_finalized", "invoice " + this.id + " is " + describe(this.status)
					+ "; only finalized invoices can be credited - change or void the draft instead");
		}
	}

	private static int paymentTermsDays(@Nullable ClientDetails client, int defaultDays) {
		if (client != null && client.paymentTermsDays() != null) {
			return client.paymentTermsDays();
		}
		return defaultDays;
	}

	private static String describe(InvoiceStatus status) {
		return status.name().toLowerCase(java.util.Locale.ROOT) + " (status " + status.code() + ")";
	}

}
