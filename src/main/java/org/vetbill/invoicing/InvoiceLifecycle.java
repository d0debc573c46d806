package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Consultation;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.invoicing.InvoiceCommands.Finalize;
import org.vetbill.invoicing.InvoiceRowStore.NewRow;
import org.vetbill.invoicing.InvoiceRowStore.StoredRow;
import org.vetbill.invoicing.InvoiceStore.StoredInvoice;
import org.vetbill.invoicing.domain.Finalization;
import org.vetbill.invoicing.domain.Invoice;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.events.MoneyEvent;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an invoice goes once its draft is done: finalization (also of a consultation,
 * whose charged items become the rows of a new invoice) and voiding. Each use case is one
 * transaction that starts by locking the invoice, and is written to the audit log.
 */
@Service
public class InvoiceLifecycle {

	private final Invoices invoices;

	private final InvoiceStore headers;

	private final InvoiceRowStore rows;

	private final NumberCounterStore numbers;

	private final InvoiceLines lines;

	private final InvoicePayments payments;

	private final Organizations organizations;

	private final Departments departments;

	private final Clients clients;

	private final Items items;

	private final Consultations consultations;

	private final InputValidator validator;

	private final AuditLog audit;

	private final ChangeEvents events;

	private final Clock clock;

	InvoiceLifecycle(Invoices invoices, InvoiceStore headers, InvoiceRowStore rows, NumberCounterStore numbers,
			InvoiceLines lines, InvoicePayments payments, Organizations organizations, Departments departments,
			Clients clients, Items items, Consultations consultations, InputValidator validator, AuditLog audit,
			ChangeEvents events, Clock clock) {
		this.invoices = invoices;
		this.headers = headers;
		this.rows = rows;
		this.numbers = numbers;
		this.lines = lines;
		this.payments = payments;
		this.organizations = organizations;
		this.departments = departments;
		this.clients = clients;
		this.items = items;
		this.consultations = consultations;
		this.validator = validator;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Finalizes a draft: numbers it in its department's gapless sequence, sets its
	 * reference number, dates and payer snapshot, and copies the items' accounts and
	 * reporting dimensions onto its rows.
	 * @param caller the caller
	 * @param invoiceId the draft
	 * @param command the date and target status
	 * @return the finalized invoice
	 */
	@Transactional
	public InvoiceView finalize(Caller caller, long invoiceId, Finalize command) {
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = this.headers.lock(caller, invoiceId);
		finalizeLocked(caller, organization, invoice, command);
		InvoiceView after = this.invoices.view(caller, invoiceId, organization);
		this.audit.record(caller, "invoice.finalized", "invoice", invoiceId, null, after);
		this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, true));
		this.events.moneyMoved(caller, finalized(after, organization));
		return after;
	}

	/**
	 * Finalizes a consultation: its charged items become the rows of a new invoice, which
	 * is finalized at once.
	 * @param caller the caller
	 * @param consultationId the consultation
	 * @param command the date and target status of the invoice
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView finalizeConsultation(Caller caller, long consultationId, Finalize command) {
		Organization organization = this.organizations.get(caller.organizationId());
		Consultation consultation = this.consultations.lockOpen(caller, consultationId);
		if (consultation.items().isEmpty()) {
			throw RuleViolation.of("consultation_empty", "consultation", consultationId);
		}
		List<NewRow> rows = this.lines.ofConsultation(caller, consultation.items(), consultation.clientId());
		Instant now = Timestamps.now(this.clock);
		StoredInvoice draft = this.invoices.insertDraft(caller, organization,
				new InvoiceStore.NewInvoice(consultation.departmentId(), consultation.clientId(), consultation.id(),
						organization.settings().pricesIncludeVat(), null, null, null, null, BigDecimal.ZERO, null,
						InvoiceStore.InvoiceReferences.NONE),
				rows, now);
		long id = draft.id();
		finalizeLocked(caller, organization, draft, command);
		this.consultations.markFinalized(caller, consultationId);
		InvoiceView invoice = this.invoices.view(caller, id, organization);
		this.audit.record(caller, "invoice.created", "invoice", id, null, invoice);
		this.audit.record(caller, "invoice.finalized", "invoice", id, null, invoice);
		this.events.changed(caller, Change.invoice(invoice.departmentId(), id, true),
				Change.consultationFinalized(consultation.departmentId(), consultationId));
		this.events.moneyMoved(caller, finalized(invoice, organization));
		return invoice;
	}

	/**
	 * Voids a draft, or a finalized invoice without payments in an open period. A
	 * finalized invoice keeps its number, so the sequence stays gapless.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param command the reason
	 * @return the voided invoice
	 */
	@Transactional
	public InvoiceView voidInvoice(Caller caller, long invoiceId, InvoiceCommands.Void command) {
		this.validator.validate(command);
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = this.headers.lock(caller, invoiceId);
		Department department = this.departments.get(caller, invoice.departmentId());
		if (!invoice.status().isDraft() && invoice.invoiceDate() != null) {
			organization.hardLock().check(invoice.invoiceDate(), "invoiceDate");
		}
		invoice.domain(organization.currency(), this.payments.exist(caller, invoiceId))
			.checkVoidable(department.settings().periodLock(), organization.today(this.clock));
		this.headers.markVoided(caller, invoiceId, command.reason(), Timestamps.now(this.clock));
		InvoiceView after = this.invoices.view(caller, invoiceId, organization);
		this.audit.record(caller, "invoice.voided", "invoice", invoiceId, invoice.status(), after);
		this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, after.invoiceNumber() != null));
		return after;
	}

	private static MoneyEvent finalized(InvoiceView invoice, Organization organization) {
		return MoneyEvent.of(MoneyEvent.Kind.INVOICE_FINALIZED, invoice.departmentId(), invoice.id(),
				Money.of(invoice.totalWithVat(), organization.currency()), null);
	}

	private void finalizeLocked(Caller caller, Organization organization, StoredInvoice invoice, Finalize command) {
		Invoice domain = invoice.domain(organization.currency());
		domain.requireDraft();
		InvoiceStatus target = (command.status() == null) ? InvoiceStatus.FINALIZED
				: InvoiceStatus.ofCode(command.status());
		if (target == null) {
			throw InvalidInput.of("status", "finalized_status");
		}
		Department department = this.departments.get(caller, invoice.departmentId());
		Client client = (invoice.clientId() != null) ? this.clients.get(caller, invoice.clientId()) : null;
		List<StoredRow> rows = this.rows.rows(caller, invoice.id(), organization.currency());
		Finalization.Terms terms = new Finalization.Terms(command.invoiceDate(), target, organization.today(this.clock),
				department.settings().periodLock(), (client != null) ? client.details() : null,
				organization.settings().defaultPaymentTermsDays(), department.details().invoicePrefix(),
				organization.settings().referenceNumberFormat(), rows.size());
		Finalization.Result result = domain.finalize(terms, () -> this.numbers.next(caller, invoice.departmentId()));
		organization.hardLock().check(result.invoiceDate(), "invoiceDate");
		Instant now = Timestamps.now(this.clock);
		this.headers.finalize(caller, invoice.id(), result, now);
		Map<Long, Item> itemsById = this.items.getAll(caller,
				rows.stream().map(StoredRow::itemId).filter(Objects::nonNull).toList());
		Map<Long, ItemDetails> accounts = new LinkedHashMap<>();
		for (StoredRow row : rows) {
			Item item = (row.itemId() != null) ? itemsById.get(row.itemId()) : null;
			if (item != null) {
				accounts.put(row.id(), item.details());
			}
		}
		this.rows.copyAccounts(caller, accounts, now);
	}

}
