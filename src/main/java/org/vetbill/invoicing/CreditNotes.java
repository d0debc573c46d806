package org.vetbill.invoicing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.InvoiceStore.StoredInvoice;
import org.vetbill.invoicing.InvoiceRowStore.StoredRow;
import org.vetbill.invoicing.InvoiceCommands.Refund;
import org.vetbill.invoicing.domain.CreditedRows;
import org.vetbill.invoicing.domain.Finalization;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.invoicing.domain.ReferenceNumbers;
import org.vetbill.shared.Caller;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.events.MoneyEvent;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.time.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit notes: full and partial refunds of finalized invoices. A credit note is a new,
 * finalized invoice numbered in the same sequence, whose rows negate the credited rows;
 * it is settled against the original with a pair of type-12 payments, so the credited
 * amount comes off what the original owes (the payments module records it). The original
 * is locked first, so two refunds of one invoice never interleave, and a row is credited
 * at most once (the database refuses a second credit too).
 */
@Service
public class CreditNotes {

	private final InvoiceStore headers;

	private final InvoiceRowStore rows;

	private final CreditNoteStore notes;

	private final NumberCounterStore numbers;

	private final InvoiceReadStore views;

	private final InvoicePayments payments;

	private final Organizations organizations;

	private final Departments departments;

	private final AuditLog audit;

	private final ChangeEvents events;

	private final Clock clock;

	CreditNotes(InvoiceStore headers, InvoiceRowStore rows, CreditNoteStore notes, NumberCounterStore numbers,
			InvoiceReadStore views, InvoicePayments payments, Organizations organizations, Departments departments,
			AuditLog audit, ChangeEvents events, Clock clock) {
		this.headers = headers;
		this.rows = rows;
		this.notes = notes;
		this.numbers = numbers;
		this.views = views;
		this.payments = payments;
		this.organizations = organizations;
		this.departments = departments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Credits an invoice: every row not yet credited, or the chosen rows.
	 * @param caller the caller
	 * @param invoiceId the original invoice
	 * @param command the rows and the date to use
	 * @return the credit note
	 */
	@Transactional
	public InvoiceView refund(Caller caller, long invoiceId, Refund command) {
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice original = this.headers.lock(caller, invoiceId);
		original.domain(organization.currency()).requireCreditable();
		List<Long> rowIds = this.rows.rows(caller, invoiceId, organization.currency())
			.stream()
			.map(StoredRow::id)
			.toList();
		Set<Long> credited = this.rows.credited(caller, rowIds);
		List<Long> toCredit = (command.rowIds() == null) ? CreditedRows.full(invoiceId, rowIds, credited)
				: CreditedRows.partial(invoiceId, rowIds, credited, command.rowIds());
		LocalDate today = organization.today(this.clock);
		LocalDate date = command.useOriginalInvoiceDate() ? Objects.requireNonNull(original.invoiceDate()) : today;
		Department department = this.departments.get(caller, original.departmentId());
		String dateField = command.useOriginalInvoiceDate() ? "useOriginalInvoiceDate" : "invoiceDate";
		organization.hardLock().check(date, dateField);
		department.settings().periodLock().check(date, dateField, today);
		long number = this.numbers.next(caller, original.departmentId());
		Finalization.Result numbering = new Finalization.Result(InvoiceStatus.FINALIZED, number,
				department.details().invoicePrefix(), ReferenceNumbers
					.forInvoice(organization.settings().referenceNumberFormat(), original.departmentId(), number),
				date, date, Payer.NONE);
		Instant now = Timestamps.now(this.clock);
		long noteId = this.notes.insert(caller, invoiceId, toCredit, numbering, now);
		LockedInvoice note = this.headers.lock(caller, noteId).locked(organization.currency());
		Money credit = note.balance().totalWithVat().negate();
		List<Long> settlement = this.payments.settleCreditNote(caller, original.locked(organization.currency()), note,
				credit, now);
		InvoiceView created = this.views.view(caller, noteId, organization.currency()).orElseThrow();
		this.audit.record(caller, "invoice.credited", "invoice", invoiceId, null, created);
		this.events.changed(caller, Change.invoice(department.id(), noteId, true),
				Change.invoice(department.id(), invoiceId, true), Change.payment(department.id(), settlement.get(0)),
				Change.payment(department.id(), settlement.get(1)));
		this.events.moneyMoved(caller,
				MoneyEvent.of(MoneyEvent.Kind.CREDIT_NOTE_ISSUED, department.id(), noteId, credit, null));
		return created;
	}

}
