package org.vetbill.invoicing.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.PeriodLock;
import org.vetbill.shared.error.Facts;
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
		requireDraft(null);
	}

	/**
	 * Refuses a change of a field to anything but a draft.
	 * @param field the field the change is about, or null
	 * @throws RuleViolation {@code invoice_not_editable} about that field, saying what to
	 * do instead
	 */
	public void requireDraft(@Nullable String field) {
		if (!this.status.isDraft()) {
			throw new RuleViolation("invoice_not_editable", field, this.status.isIssued() ? "issued" : null, facts());
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
			throw InvalidInput.of("status", "finalized_status");
		}
		if (terms.rowCount() == 0) {
			throw RuleViolation.of("invoice_empty", "invoice", this.id);
		}
		LocalDate date = (terms.requestedDate() != null) ? terms.requestedDate()
				: (this.invoiceDate != null) ? this.invoiceDate : terms.today();
		terms.lock().check(date, "invoiceDate", terms.today());
		LocalDate due = (this.invoiceDueDate != null) ? this.invoiceDueDate
				: date.plusDays(paymentTermsDays(terms.client(), terms.defaultPaymentTermsDays()));
		if (due.isBefore(date)) {
			throw InvalidInput.of("invoiceDueDate", "due_before_invoice_date", "dueDate", due, "invoiceDate", date);
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
				throw new RuleViolation("invoice_has_payments", "status", "stays_finalized", facts());
			}
			return target;
		}
		if (this.status.isDraft() && target.isIssued()) {
			throw new RuleViolation("use_finalize", "status", Facts.of("invoice", this.id, "target", target.code()));
		}
		if (target == InvoiceStatus.VOIDED) {
			throw new RuleViolation("use_void", "status", facts());
		}
		throw new RuleViolation("invalid_status_change", "status", Facts.with(facts(), "target", target.code()));
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
			throw new RuleViolation("invoice_voided", null, "already", facts());
		}
		if (this.status.isDraft()) {
			return;
		}
		if (this.creditNote) {
			throw RuleViolation.of("credit_note_not_voidable", "invoice", this.id);
		}
		if (this.hasPayments || !this.paidAmount.isZero()) {
			throw new RuleViolation("invoice_has_payments", null, "not_voidable", facts());
		}
		LocalDate date = Objects.requireNonNull(this.invoiceDate, "a finalized invoice has a date");
		LocalDate effectiveLock = lock.effectiveDate(today);
		if (effectiveLock != null && date.isBefore(effectiveLock)) {
			throw new RuleViolation("period_locked", "invoiceDate", "not_voidable",
					Facts.of("invoice", this.id, "date", date, "lockDate", effectiveLock));
		}
	}

	/**
	 * Refuses a credit note for anything but a finalized invoice that is not itself a
	 * credit note.
	 */
	public void requireCreditable() {
		if (this.creditNote) {
			throw RuleViolation.of("credit_note_not_creditable", "invoice", this.id);
		}
		if (this.status == InvoiceStatus.VOIDED) {
			throw new RuleViolation("invoice_voided", null, "not_creditable", facts());
		}
		if (!this.status.isIssued()) {
			throw RuleViolation.of("invoice_not_finalized", "invoice", this.id, "status", name(this.status),
					"statusCode", this.status.code());
		}
	}

	private static int paymentTermsDays(@Nullable ClientDetails client, int defaultDays) {
		if (client != null && client.paymentTermsDays() != null) {
			return client.paymentTermsDays();
		}
		return defaultDays;
	}

	/**
	 * What every refusal of this invoice says about it: its id and status.
	 */
	private java.util.Map<String, @Nullable Object> facts() {
		return Facts.of("invoice", this.id, "status", name(this.status), "statusCode", this.status.code());
	}

	private static String name(InvoiceStatus status) {
		return status.name().toLowerCase(java.util.Locale.ROOT);
	}

}
