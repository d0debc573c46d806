package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.invoicing.InvoiceCommands.InvoiceChanges;
import org.vetbill.invoicing.InvoiceCommands.NewInvoice;
import org.vetbill.invoicing.InvoiceRowStore.NewRow;
import org.vetbill.invoicing.InvoiceStore.StoredInvoice;
import org.vetbill.invoicing.InvoiceRowStore.StoredRow;
import org.vetbill.invoicing.domain.Invoice;
import org.vetbill.invoicing.domain.InvoiceCalculator;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.invoicing.domain.PriceMode;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draft invoices on the clinic side: countersales and their rows, and header and status
 * changes. Each use case is one transaction that starts by locking the invoice, and is
 * written to the audit log. Finalizing and voiding are {@link InvoiceLifecycle}'s.
 */
@Service
public class Invoices {

	private final InvoiceStore headers;

	private final InvoiceRowStore rows;

	private final InvoiceReadStore views;

	private final InvoiceLines lines;

	private final Organizations organizations;

	private final InputValidator validator;

	private final AuditLog audit;

	private final ChangeEvents events;

	private final Clock clock;

	Invoices(InvoiceStore headers, InvoiceRowStore rows, InvoiceReadStore views, InvoiceLines lines,
			Organizations organizations, InputValidator validator, AuditLog audit, ChangeEvents events, Clock clock) {
		this.headers = headers;
		this.rows = rows;
		this.views = views;
		this.lines = lines;
		this.organizations = organizations;
		this.validator = validator;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a draft invoice: a countersale, with or without client.
	 * @param caller the caller
	 * @param command the draft
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView createDraft(Caller caller, NewInvoice command) {
		this.validator.validate(command, () -> this.lines.headerProblems(caller, command.departmentId(),
				command.clientId(), command.discountAmount(), command.discountPercent()));
		Organization organization = this.organizations.get(caller.organizationId());
		Money discount = InvoiceLines.discountAmount(command.discountAmount(), organization.currency());
		List<ChargedItem> charges = (command.rows() != null) ? command.rows() : List.of();
		List<NewRow> rows = this.lines.charged(caller, charges, command.clientId(), "rows", List.of());
		Instant now = Timestamps.now(this.clock);
		long id = insertDraft(caller, organization,
				new InvoiceStore.NewInvoice(command.departmentId(), command.clientId(), null,
						organization.settings().pricesIncludeVat(), command.invoiceDate(), command.invoiceDueDate(),
						command.remarks(), command.additionalReference(), discount.amount(), command.discountPercent(),
						InvoiceStore.InvoiceReferences.NONE),
				rows, now)
			.id();
		InvoiceView created = view(caller, id, organization);
		this.audit.record(caller, "invoice.created", "invoice", id, null, created);
		this.events.changed(caller, Change.invoice(created.departmentId(), id, false));
		return created;
	}

	/**
	 * Adds a row to a draft.
	 * @param caller the caller
	 * @param invoiceId the draft
	 * @param charge the item, quantity and optional overrides
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView addRow(Caller caller, long invoiceId, ChargedItem charge) {
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = lockDraft(caller, invoiceId, organization.currency());
		this.validator.validate(charge);
		List<StoredRow> existing = this.rows.rows(caller, invoiceId, organization.currency());
		NewRow row = this.lines.charged(caller, List.of(charge), invoice.clientId(), null, List.of()).get(0);
		int position = existing.stream().mapToInt(StoredRow::position).max().orElse(0) + 1;
		Instant now = Timestamps.now(this.clock);
		long rowId = this.rows.insert(caller, invoiceId, position, List.of(row), now).get(0);
		recalculateDraft(caller, invoice, organization.currency(), now);
		InvoiceView after = view(caller, invoiceId, organization);
		this.audit.record(caller, "invoice.row_added", "invoice", invoiceId, null, row(after, rowId));
		this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, false));
		return after;
	}

	/**
	 * What a row of an invoice is charged as, the base a change to it starts from.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param rowId the row
	 * @return the row's item, quantity, price, change, patient and name
	 * @throws RuleViolation {@code row_not_editable} for a row that has no item
	 */
	@Transactional(readOnly = true)
	public ChargedItem currentCharge(Caller caller, long invoiceId, long rowId) {
		InvoiceRowView row = row(view(caller, invoiceId, this.organizations.get(caller.organizationId())), rowId);
		Long itemId = row.itemId();
		if (itemId == null) {
			throw RuleViolation.of("row_not_editable", "row", rowId);
		}
		return new ChargedItem(itemId, row.quantity(), row.unitPrice(), row.percentageChange(), row.patientId(),
				row.name());
	}

	/**
	 * Changes a row of a draft.
	 * @param caller the caller
	 * @param invoiceId the draft
	 * @param rowId the row
	 * @param charge the row's new item, quantity and overrides
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView updateRow(Caller caller, long invoiceId, long rowId, ChargedItem change) {
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = lockDraft(caller, invoiceId, organization.currency());
		this.validator.validate(change);
		InvoiceView before = view(caller, invoiceId, organization);
		InvoiceRowView beforeRow = row(before, rowId);
		ChargedItem charge = (beforeRow.itemId() != null)
				? change.replacing(beforeRow.itemId(), beforeRow.name(), beforeRow.unitPrice()) : change;

		NewRow row = this.lines.charged(caller, List.of(charge), invoice.clientId(), null,

				List.of(Objects.requireNonNullElse(beforeRow.itemId(), -1L)))
			.get(0);
		boolean unchanged = this.rows.rows(caller, invoiceId, organization.currency())
			.stream()
			.anyMatch((stored) -> stored.id() == rowId && row.sameCharge(stored));
		if (unchanged) {
			return before;
		}
		Instant now = Timestamps.now(this.clock);
		this.rows.update(caller, invoiceId, rowId, row, now);
		recalculateDraft(caller, invoice, organization.currency(), now);
		InvoiceView after = view(caller, invoiceId, organization);
		this.audit.record(caller, "invoice.row_changed", "invoice", invoiceId, beforeRow, row(after, rowId));
		this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, false));
		return after;
	}

	/**
	 * Removes a row from a draft.
	 * @param caller the caller
	 * @param invoiceId the draft
	 * @param rowId the row
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView removeRow(Caller caller, long invoiceId, long rowId) {
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = lockDraft(caller, invoiceId, organization.currency());
		InvoiceRowView beforeRow = row(view(caller, invoiceId, organization), rowId);
		this.rows.delete(caller, invoiceId, rowId);
		Instant now = Timestamps.now(this.clock);
		recalculateDraft(caller, invoice, organization.currency(), now);
		this.audit.record(caller, "invoice.row_removed", "invoice", invoiceId, beforeRow, null);
		this.events.changed(caller, Change.invoice(invoice.departmentId(), invoiceId, false),
				Change.rowDeleted(invoice.departmentId(), rowId));
		return view(caller, invoiceId, organization);
	}

	/**
	 * Changes an invoice's header. A draft may change every field and move between the
	 * draft statuses; a finalized invoice may only move between status 3 and 4.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param expectedVersion the version the change was based on
	 * @param changes the whole writable header, as it should be
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView update(Caller caller, long invoiceId, int expectedVersion, InvoiceChanges changes) {
		this.validator.validate(changes);
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = this.headers.lock(caller, invoiceId);
		if (invoice.version() != expectedVersion) {
			throw Conflict.staleVersion("invoice", invoiceId);
		}
		InvoiceStatus target = InvoiceStatus.ofCode(changes.status());
		if (target == null) {
			throw InvalidInput.of("status", "status_choice");
		}
		Invoice domain = invoice.domain(organization.currency());
		InvoiceView before = view(caller, invoiceId, organization);
		Instant now = Timestamps.now(this.clock);
		String changed = changedField(InvoiceChanges.of(before), changes);
		if (changed != null) {
			domain.requireDraft(changed);
			List<FieldError> problems = this.lines.headerProblems(caller, invoice.departmentId(), changes.clientId(),
					changes.discountAmount(), changes.discountPercent());
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			this.lines.requirePatientsOf(caller, changes.clientId(), before.patientIds());
			recalculate(caller, invoice, organization.currency(), domain.changeStatus(target), changes.clientId(),
					changes.invoiceDate(), changes.invoiceDueDate(), changes.remarks(), changes.additionalReference(),
					InvoiceLines.discountAmount(changes.discountAmount(), organization.currency()),
					changes.discountPercent(), now);
		}
		else if (target != invoice.status()) {
			this.headers.changeStatus(caller, invoiceId, domain.changeStatus(target), now);
		}
		else {
			return before;
		}

		InvoiceView after = view(caller, invoiceId, organization);
		this.audit.record(caller, "invoice.updated", "invoice", invoiceId, InvoiceChanges.of(before),
				InvoiceChanges.of(after));
		this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, after.invoiceNumber() != null));
		return after;
	}

	/**
	 * Inserts a draft with its rows and computes its figures.
	 * @return the draft, locked
	 */
	StoredInvoice insertDraft(Caller caller, Organization organization, InvoiceStore.NewInvoice header,
			List<NewRow> rows, Instant now) {
		long id = this.headers.insert(caller, header, now);
		this.rows.insert(caller, id, 1, rows, now);
		StoredInvoice draft = this.headers.lock(caller, id);
		recalculateDraft(caller, draft, organization.currency(), now);
		return draft;
	}

	/**
	 * An invoice as the APIs read it, without reading the organization again.
	 */
	InvoiceView view(Caller caller, long invoiceId, Organization organization) {
		return this.views.view(caller, invoiceId, organization.currency())
			.orElseThrow(() -> new NotFound("invoice", invoiceId));
	}

	private StoredInvoice lockDraft(Caller caller, long invoiceId, Currency currency) {

		StoredInvoice invoice = this.headers.lock(caller, invoiceId);
		invoice.domain(currency).requireDraft();
		return invoice;
	}

	private void recalculateDraft(Caller caller, StoredInvoice invoice, Currency currency, Instant now) {
		recalculate(caller, invoice, currency, invoice.status(), invoice.clientId(), invoice.invoiceDate(),
				invoice.invoiceDueDate(), invoice.remarks(), invoice.additionalReference(),
				Money.of(invoice.discountAmount(), currency), invoice.discountPercent(), now);
	}

	InvoiceCalculator.Calculation recalculate(Caller caller, StoredInvoice invoice, Currency currency,
			InvoiceStatus status, @Nullable Long clientId, @Nullable LocalDate invoiceDate,
			@Nullable LocalDate invoiceDueDate, @Nullable String remarks, @Nullable String additionalReference,
			Money discountAmount, @Nullable BigDecimal discountPercent, Instant now) {
		List<StoredRow> rows = this.rows.rows(caller, invoice.id(), currency);
		InvoiceCalculator.Calculation calculation = InvoiceCalculator.calculate(
				PriceMode.of(invoice.pricesIncludeVat()), currency, rows.stream().map(StoredRow::input).toList(),
				discountPercent, discountAmount);
		this.rows.updateFigures(caller, rows, calculation.rows(), now);
		this.headers.updateDraft(caller, invoice.id(), clientId, status, invoiceDate, invoiceDueDate, remarks,
				additionalReference, calculation.discountAmount(), discountPercent, calculation.totals(), now);
		return calculation;
	}

	/**
	 * The first field of the header a change changes, or null when it changes none.
	 */
	private static @Nullable String changedField(InvoiceChanges before, InvoiceChanges after) {
		if (!Objects.equals(before.clientId(), after.clientId())) {
			return "clientId";
		}
		if (!Objects.equals(before.invoiceDate(), after.invoiceDate())) {
			return "invoiceDate";
		}
		if (!Objects.equals(before.invoiceDueDate(), after.invoiceDueDate())) {
			return "invoiceDueDate";
		}
		if (!Objects.equals(before.remarks(), after.remarks())) {
			return "remarks";
		}
		if (!Objects.equals(before.additionalReference(), after.additionalReference())) {
			return "additionalReference";
		}
		if (!sameDecimal(before.discountAmount(), after.discountAmount())) {
			return "discountAmount";
		}
		return sameDecimal(before.discountPercent(), after.discountPercent()) ? null : "discountPercent";
	}

	private static boolean sameDecimal(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return (a == null || b == null) ? a == b : a.compareTo(b) == 0;
	}

	private static InvoiceRowView row(InvoiceView invoice, long rowId) {
		return invoice.rows()
			.stream()
			.filter((row) -> row.id() == rowId)
			.findFirst()
			.orElseThrow(() -> new NotFound("invoice row", rowId));
	}

}
