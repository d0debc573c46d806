package org.vetbill.invoicing;

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
import org.vetbill.invoicing.InvoiceRepository.StoredInvoice;
import org.vetbill.invoicing.InvoiceRepository.StoredRow;
import org.vetbill.invoicing.PaymentCommands.Refund;
import org.vetbill.invoicing.domain.CreditedRows;
import org.vetbill.invoicing.domain.Finalization;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.invoicing.domain.PaymentType;
import org.vetbill.invoicing.domain.ReferenceNumbers;
import org.vetbill.shared.Caller;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.money.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit notes: full and partial refunds of finalized invoices. A credit note is a new,
 * finalized invoice numbered in the same sequence, whose rows negate the credited rows;
 * it is settled against the original with a pair of type-12 payments, so the credited
 * amount comes off what the original owes. The original is locked first, so two refunds
 * of one invoice never interleave, and a row is credited at most once (the database
 * refuses a second credit too).
 */
@Service
public class CreditNotes {

	private final InvoiceRepository invoices;

	private final PaymentRepository payments;

	private final Ledger ledger;

	private final Organizations organizations;

	private final Departments departments;

	private final AuditLog audit;

	private final ChangeEvents events;

	CreditNotes(InvoiceRepository invoices, PaymentRepository payments, Ledger ledger, Organizations organizations,
			Departments departments, AuditLog audit, ChangeEvents events) {
		this.invoices = invoices;
		this.payments = payments;
		this.ledger = ledger;
		this.organizations = organizations;
		this.departments = departments;
		this.audit = audit;
		this.events = events;
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
		StoredInvoice original = this.invoices.lock(caller, invoiceId);
		original.domain(organization.currency()).requireCreditable();
		List<StoredRow> rows = this.invoices.rows(caller, invoiceId, organization.currency());
		Set<Long> credited = this.payments.creditedRows(caller, rows.stream().map(StoredRow::id).toList());
		List<Long> rowIds = rows.stream().map(StoredRow::id).toList();
		List<Long> toCredit = (command.rowIds() == null) ? CreditedRows.full(invoiceId, rowIds, credited)
				: CreditedRows.partial(invoiceId, rowIds, credited, command.rowIds());
		LocalDate today = this.ledger.today(organization);
		LocalDate date = command.useOriginalInvoiceDate() ? Objects.requireNonNull(original.invoiceDate()) : today;
		Department department = this.departments.get(caller, original.departmentId());
		this.ledger.checkPeriod(department, organization, date,
				command.useOriginalInvoiceDate() ? "use_original_invoice_date" : "invoice_date");
		long number = this.invoices.nextNumber(caller, original.departmentId());
		Finalization.Result numbering = new Finalization.Result(InvoiceStatus.FINALIZED, number,
				department.details().invoicePrefix(), ReferenceNumbers
					.forInvoice(organization.settings().referenceNumberFormat(), original.departmentId(), number),
				date, date, Payer.NONE);
		Instant now = this.ledger.now();
		long noteId = this.invoices.insertCreditNote(caller, invoiceId, toCredit, numbering, now);
		StoredInvoice note = this.invoices.lock(caller, noteId);
		Money credit = Money.of(note.totalWithVat(), organization.currency()).negate();
		Instant settled = now;
		long onOriginal = this.ledger.pay(caller, original, organization.currency(),
				new PaymentRepository.PaymentRecord(invoiceId, PaymentType.CREDIT_INVOICE, credit.amount(), settled,
						"Credit note " + noteId, null, null, noteId),
				now);
		long onNote = this.ledger.pay(caller, note, organization.currency(),
				new PaymentRepository.PaymentRecord(noteId, PaymentType.CREDIT_INVOICE, credit.negate().amount(),
						settled, "Credits invoice " + invoiceId, null, null, noteId),
				now);
		InvoiceView created = this.invoices.view(caller, noteId, organization.currency()).orElseThrow();
		this.audit.record(caller, "invoice.credited", "invoice", invoiceId, null, created);
		this.events.changed(caller, Change.invoice(department.id(), noteId, true),
				Change.invoice(department.id(), invoiceId, true), Change.payment(department.id(), onOriginal),
				Change.payment(department.id(), onNote));
		return created;
	}

}
