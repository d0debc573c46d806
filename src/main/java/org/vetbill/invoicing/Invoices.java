package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Consultation;
import org.vetbill.clinic.ConsultationItem;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.Patient;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.VatGroup;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.invoicing.InvoiceCommands.Finalize;
import org.vetbill.invoicing.InvoiceCommands.InvoiceChanges;
import org.vetbill.invoicing.InvoiceCommands.InvoiceLine;
import org.vetbill.invoicing.InvoiceCommands.NewInvoice;
import org.vetbill.invoicing.InvoiceRepository.NewRow;
import org.vetbill.invoicing.InvoiceRepository.StoredInvoice;
import org.vetbill.invoicing.InvoiceRepository.StoredRow;
import org.vetbill.invoicing.domain.Finalization;
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
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice use cases of the clinic side: drafts (countersales) and their rows,
 * invoices of finalized consultations, finalization, status changes and voiding. Each use
 * case is one transaction that starts by locking the invoice, and is written to the audit
 * log.
 */
@Service
public class Invoices {

	private final InvoiceRepository repository;

	private final Organizations organizations;

	private final Departments departments;

	private final Clients clients;

	private final Patients patients;

	private final Items items;

	private final VatGroups vatGroups;

	private final Consultations consultations;

	private final InputValidator validator;

	private final AuditLog audit;

	private final ChangeEvents events;

	private final Clock clock;

	Invoices(InvoiceRepository repository, Organizations organizations, Departments departments, Clients clients,
			Patients patients, Items items, VatGroups vatGroups, Consultations consultations, InputValidator validator,
			AuditLog audit, ChangeEvents events, Clock clock) {
		this.repository = repository;
		this.organizations = organizations;
		this.departments = departments;
		this.clients = clients;
		this.patients = patients;
		this.items = items;
		this.vatGroups = vatGroups;
		this.consultations = consultations;
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
		this.validator.validate(command, () -> headerProblems(caller, command.departmentId(), command.clientId(),
				command.discountAmount(), command.discountPercent()));
		Organization organization = this.organizations.get(caller.organizationId());
		Money discount = discountAmount(command.discountAmount(), organization.currency());
		List<ChargedItem> charges = (command.rows() != null) ? command.rows() : List.of();
		List<NewRow> rows = newRows(caller, charges, command.clientId(), "rows", List.of());
		Instant now = Timestamps.now(this.clock);
		long id = insertDraft(caller, organization,
				new InvoiceRepository.NewInvoice(command.departmentId(), command.clientId(), null,
						organization.settings().pricesIncludeVat(), command.invoiceDate(), command.invoiceDueDate(),
						command.remarks(), command.additionalReference(), discount.amount(), command.discountPercent(),
						InvoiceRepository.InvoiceReferences.NONE),
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
		List<StoredRow> existing = this.repository.rows(caller, invoiceId, organization.currency());
		NewRow row = newRows(caller, List.of(charge), invoice.clientId(), null, List.of()).get(0);
		int position = existing.stream().mapToInt(StoredRow::position).max().orElse(0) + 1;
		Instant now = Timestamps.now(this.clock);
		long rowId = this.repository.insertRows(caller, invoiceId, position, List.of(row), now).get(0);
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
			throw new RuleViolation("row_not_editable", "row " + rowId + " has no item and cannot be changed");
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

		NewRow row = newRows(caller, List.of(charge), invoice.clientId(), null,

				List.of(Objects.requireNonNullElse(beforeRow.itemId(), -1L)))
			.get(0);
		Instant now = Timestamps.now(this.clock);
		this.repository.updateRow(caller, invoiceId, rowId, row, now);
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
		this.repository.deleteRow(caller, invoiceId, rowId);
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
		StoredInvoice invoice = this.repository.lock(caller, invoiceId);
		if (invoice.version() != expectedVersion) {
			throw Conflict.staleVersion("invoice", invoiceId);
		}
		InvoiceStatus target = InvoiceStatus.ofCode(changes.status());
		if (target == null) {
			throw InvalidInput.field("status", "must be one of 0, 1, 2, 3, 4, 99");
		}
		Invoice domain = invoice.domain(organization.currency());
		InvoiceView before = view(caller, invoiceId, organization);
		Instant now = Timestamps.now(this.clock);
		if (!sameHeader(InvoiceChanges.of(before), changes)) {
			domain.requireDraft();
			List<FieldError> problems = headerProblems(caller, invoice.departmentId(), changes.clientId(),
					changes.discountAmount(), changes.discountPercent());
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			requirePatientsOf(caller, changes.clientId(), before.patientIds());
			recalculate(caller, invoice, organization.currency(), domain.changeStatus(target), changes.clientId(),
					changes.invoiceDate(), changes.invoiceDueDate(), changes.remarks(), changes.additionalReference(),
					discountAmount(changes.discountAmount(), organization.currency()), changes.discountPercent(), now);
		}
		else if (target != invoice.status()) {
			this.repository.changeStatus(caller, invoiceId, domain.changeStatus(target), now);
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
		StoredInvoice invoice = this.repository.lock(caller, invoiceId);
		finalizeLocked(caller, organization, invoice, command);
		InvoiceView after = view(caller, invoiceId, organization);
		this.audit.record(caller, "invoice.finalized", "invoice", invoiceId, null, after);
		this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, true));
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
			throw new RuleViolation("consultation_empty",
					"consultation " + consultationId + " has no charged items; add items before finalizing it");
		}
		List<ChargedItem> charges = consultation.items()
			.stream()
			.map((item) -> new ChargedItem(item.itemId(), item.quantity(), item.unitPrice(), item.percentageChange(),
					item.patientId(), item.name()))
			.toList();
		List<NewRow> rows = withConsultationItems(newRows(caller, charges, consultation.clientId(), "items",
				consultation.items().stream().map(ConsultationItem::itemId).toList()), consultation.items());
		Instant now = Timestamps.now(this.clock);
		StoredInvoice draft = insertDraft(caller, organization,
				new InvoiceRepository.NewInvoice(consultation.departmentId(), consultation.clientId(),
						consultation.id(), organization.settings().pricesIncludeVat(), null, null, null, null,
						BigDecimal.ZERO, null, InvoiceRepository.InvoiceReferences.NONE),
				rows, now);
		long id = draft.id();
		finalizeLocked(caller, organization, draft, command);
		this.consultations.markFinalized(caller, consultationId);
		InvoiceView invoice = view(caller, id, organization);
		this.audit.record(caller, "invoice.created", "invoice", id, null, invoice);
		this.audit.record(caller, "invoice.finalized", "invoice", id, null, invoice);
		this.events.changed(caller, Change.invoice(invoice.departmentId(), id, true),
				Change.consultationFinalized(consultation.departmentId(), consultationId));
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
		StoredInvoice invoice = this.repository.lock(caller, invoiceId);
		Department department = this.departments.get(caller, invoice.departmentId());
		invoice.domain(organization.currency(), this.repository.hasPayments(caller, invoiceId))
			.checkVoidable(department.settings().periodLock(), organization.today(this.clock));
		this.repository.markVoided(caller, invoiceId, command.reason(), Timestamps.now(this.clock));
		InvoiceView after = view(caller, invoiceId, organization);
		this.audit.record(caller, "invoice.voided", "invoice", invoiceId, invoice.status(), after);
		this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, after.invoiceNumber() != null));
		return after;
	}

	private void finalizeLocked(Caller caller, Organization organization, StoredInvoice invoice, Finalize command) {
		Invoice domain = invoice.domain(organization.currency());
		domain.requireDraft();
		InvoiceStatus target = (command.status() == null) ? InvoiceStatus.FINALIZED
				: InvoiceStatus.ofCode(command.status());
		if (target == null) {
			throw InvalidInput.field("status", "an invoice is finalized to status 3 (finalized) or 4 (invoicing)");
		}
		Department department = this.departments.get(caller, invoice.departmentId());
		Client client = (invoice.clientId() != null) ? this.clients.get(caller, invoice.clientId()) : null;
		List<StoredRow> rows = this.repository.rows(caller, invoice.id(), organization.currency());
		Finalization.Terms terms = new Finalization.Terms(command.invoiceDate(), target, organization.today(this.clock),
				department.settings().periodLock(), (client != null) ? client.details() : null,
				organization.settings().defaultPaymentTermsDays(), department.details().invoicePrefix(),
				organization.settings().referenceNumberFormat(), rows.size());
		Finalization.Result result = domain.finalize(terms,
				() -> this.repository.nextNumber(caller, invoice.departmentId()));
		Instant now = Timestamps.now(this.clock);
		this.repository.finalize(caller, invoice.id(), result, now);
		Map<Long, Item> itemsById = this.items.getAll(caller,
				rows.stream().map(StoredRow::itemId).filter(Objects::nonNull).toList());
		Map<Long, ItemDetails> accounts = new java.util.LinkedHashMap<>();
		for (StoredRow row : rows) {
			Item item = (row.itemId() != null) ? itemsById.get(row.itemId()) : null;
			if (item != null) {
				accounts.put(row.id(), item.details());
			}
		}
		this.repository.copyAccounts(caller, accounts, now);
	}

	/**
	 * Inserts a draft with its rows and computes its figures.
	 * @return the draft, locked
	 */
	StoredInvoice insertDraft(Caller caller, Organization organization, InvoiceRepository.NewInvoice header,
			List<NewRow> rows, Instant now) {
		long id = this.repository.insert(caller, header, now);
		this.repository.insertRows(caller, id, 1, rows, now);
		StoredInvoice draft = this.repository.lock(caller, id);
		recalculateDraft(caller, draft, organization.currency(), now);
		return draft;
	}

	/**
	 * An invoice as the APIs read it, without reading the organization again.
	 */
	InvoiceView view(Caller caller, long invoiceId, Organization organization) {
		return this.repository.view(caller, invoiceId, organization.currency())
			.orElseThrow(() -> new NotFound("invoice", invoiceId));
	}

	private StoredInvoice lockDraft(Caller caller, long invoiceId, Currency currency) {

		StoredInvoice invoice = this.repository.lock(caller, invoiceId);
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
		List<StoredRow> rows = this.repository.rows(caller, invoice.id(), currency);
		InvoiceCalculator.Calculation calculation = InvoiceCalculator.calculate(
				PriceMode.of(invoice.pricesIncludeVat()), currency, rows.stream().map(StoredRow::input).toList(),
				discountPercent, discountAmount);
		this.repository.updateFigures(caller, rows, calculation.rows(), now);
		this.repository.updateDraft(caller, invoice.id(), clientId, status, invoiceDate, invoiceDueDate, remarks,
				additionalReference, calculation.discountAmount(), discountPercent, calculation.totals(), now);
		return calculation;
	}

	/**
	 * Builds rows from charged items: the item's name, price and VAT group unless
	 * overridden.
	 * @param caller the caller
	 * @param charges the charged items
	 * @param clientId the invoice's client, whom the rows' patients must belong to
	 * @param field the request field of the list, for error messages, or null for a
	 * single row
	 * @param allowedArchivedItems items that may be archived (those already on the
	 * invoice)
	 * @return the rows
	 */
	private List<NewRow> newRows(Caller caller, List<ChargedItem> charges, @Nullable Long clientId,
			@Nullable String field, List<Long> allowedArchivedItems) {
		return lineRows(caller,
				charges.stream()
					.map((charge) -> new InvoiceLine(null, charge.itemId(), charge.name(), charge.quantity(),
							charge.unitPrice(), charge.percentageChangeOrZero().negate(), null, charge.patientId()))
					.toList(),
				clientId, field, allowedArchivedItems);
	}

	/**
	 * Builds rows from lines: a catalog item's name, price and VAT group unless
	 * overridden, or a free line's own text, price and the VAT group of its rate.
	 * @param caller the caller
	 * @param lines the lines, validated
	 * @param clientId the invoice's client, whom the rows' patients must belong to
	 * @param field the request field of the list, for error messages, or null for a
	 * single row
	 * @param allowedArchivedItems items that may be archived (those already on the
	 * invoice)
	 * @return the rows, in order
	 */
	List<NewRow> lineRows(Caller caller, List<InvoiceLine> lines, @Nullable Long clientId, @Nullable String field,
			Collection<Long> allowedArchivedItems) {
		Set<Long> itemIds = new HashSet<>();
		Set<Long> patientIds = new HashSet<>();
		lines.forEach((line) -> {
			if (line.itemId() != null) {
				itemIds.add(line.itemId());
			}
			if (line.patientId() != null) {
				patientIds.add(line.patientId());
			}
		});
		Map<Long, Item> itemsById = this.items.getAll(caller, itemIds);
		Map<Long, Patient> patientsById = this.patients.getAll(caller, patientIds);
		Map<Long, VatGroup> vatGroupsById = new java.util.HashMap<>();
		this.vatGroups.getAll(caller, itemsById.values().stream().map((item) -> item.details().vatGroupId()).toList())
			.forEach((group) -> vatGroupsById.put(group.id(), group));
		Map<BigDecimal, List<VatGroup>> groupsByRate = new java.util.HashMap<>();
		List<FieldError> problems = new ArrayList<>();
		List<NewRow> rows = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			InvoiceLine line = lines.get(i);
			String prefix = (field != null) ? field + "[" + i + "]." : "";
			Long patientId = line.patientId();
			if (patientId != null) {
				Patient patient = patientsById.get(patientId);
				if (patient == null) {
					problems.add(new FieldError(prefix + "patient_id", "patient " + patientId + " does not exist"));
				}
				else if (!patient.details().clientId().equals(clientId)) {
					problems.add(new FieldError(prefix + "patient_id",
							(clientId == null) ? "an invoice without a client cannot name a patient"
									: "patient " + patientId + " is not a patient of client " + clientId));
				}
			}
			BigDecimal percentageChange = (line.discountPercent() != null) ? line.discountPercent().negate()
					: BigDecimal.ZERO;
			Long itemId = line.itemId();
			if (itemId == null) {
				VatGroup vat = freeLineVatGroup(caller, line, prefix, problems, groupsByRate);
				if (vat != null && line.description() != null && line.unitPrice() != null) {
					rows.add(new NewRow(null, null, patientId, line.description(), line.quantity(), line.unitPrice(),
							percentageChange, vat.id(), vat.details().percentage()));
				}
				continue;
			}
			Item item = itemsById.get(itemId);
			if (item == null) {
				problems.add(new FieldError(prefix + "item_id", "item " + itemId + " does not exist"));
				continue;
			}
			if (item.details().archived() && !allowedArchivedItems.contains(item.id())) {
				problems.add(new FieldError(prefix + "item_id", "item " + itemId + " is archived"));
			}
			VatGroup vat = Objects.requireNonNull(vatGroupsById.get(item.details().vatGroupId()));
			if (line.taxRate() != null && line.taxRate().compareTo(vat.details().percentage()) != 0) {
				problems.add(new FieldError(prefix + "tax_rate",
						"item " + itemId + " is taxed at "
								+ vat.details().percentage().stripTrailingZeros().toPlainString()
								+ " %; leave tax_rate out, or change the item's VAT group"));
			}
			BigDecimal unitPrice = (line.unitPrice() != null) ? line.unitPrice() : item.details().price();
			String name = (line.description() != null) ? line.description() : item.details().name();
			rows.add(new NewRow(item.id(), null, patientId, name, line.quantity(), unitPrice, percentageChange,
					vat.id(), vat.details().percentage()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return rows;
	}

	/**
	 * The VAT group of a line without a catalog item, whose text, price and rate are its
	 * own (the groups of each rate read once per request); reports what is missing.
	 */
	private @Nullable VatGroup freeLineVatGroup(Caller caller, InvoiceLine line, String prefix,
			List<FieldError> problems, Map<BigDecimal, List<VatGroup>> groupsByRate) {
		if (line.description() == null) {
			problems.add(new FieldError(prefix + "description", "a line without item_id needs a description"));
		}
		if (line.unitPrice() == null) {
			problems.add(new FieldError(prefix + "unit_price", "a line without item_id needs a unit_price"));
		}
		if (line.taxRate() == null) {
			problems.add(new FieldError(prefix + "tax_rate", "a line without item_id needs a tax_rate"));
			return null;
		}
		BigDecimal rate = line.taxRate();
		List<VatGroup> groups = groupsByRate.computeIfAbsent(Decimals.trim(rate, 0),
				(key) -> this.vatGroups.withPercentage(caller, rate));
		if (groups.isEmpty()) {
			problems.add(new FieldError(prefix + "tax_rate", "no VAT group in force has the rate "
					+ line.taxRate().stripTrailingZeros().toPlainString() + " %"));
			return null;
		}
		return groups.get(0);
	}

	private static List<NewRow> withConsultationItems(List<NewRow> rows, List<ConsultationItem> items) {
		List<NewRow> linked = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			NewRow row = rows.get(i);
			linked.add(new NewRow(row.itemId(), items.get(i).id(), row.patientId(), row.name(), row.quantity(),
					row.unitPrice(), row.percentageChange(), row.vatGroupId(), row.vatPercentage()));
		}
		return linked;
	}

	void requirePatientsOf(Caller caller, @Nullable Long clientId, List<Long> patientIds) {
		for (Patient patient : this.patients.getAll(caller, patientIds).values()) {
			if (!patient.details().clientId().equals(clientId)) {
				throw InvalidInput.field("client_id", "the invoice has rows for patient " + patient.id() + " of client "
						+ patient.details().clientId() + "; remove those rows first");
			}
		}
	}

	private List<FieldError> headerProblems(Caller caller, long departmentId, @Nullable Long clientId,
			@Nullable BigDecimal discountAmount, @Nullable BigDecimal discountPercent) {
		List<FieldError> problems = new ArrayList<>();
		if (!this.departments.exists(caller, departmentId)) {
			problems.add(new FieldError("department_id", "department " + departmentId + " does not exist"));
		}
		if (clientId != null && this.clients.find(caller, clientId).isEmpty()) {
			problems.add(new FieldError("client_id", "client " + clientId + " does not exist"));
		}
		if (discountAmount != null && discountAmount.signum() != 0 && discountPercent != null) {
			problems.add(new FieldError("discount_amount",
					"give discount_amount or discount_percent, not both (set discount_percent to null)"));
		}
		return problems;
	}

	static Money discountAmount(@Nullable BigDecimal amount, Currency currency) {
		if (amount == null) {
			return Money.zero(currency);
		}
		try {
			return Money.of(amount, currency);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.field("discount_amount", "has more decimals than " + currency.getCurrencyCode()
					+ " allows (" + Money.scaleOf(currency) + ")");
		}
	}

	private static boolean sameHeader(InvoiceChanges before, InvoiceChanges after) {
		return Objects.equals(before.clientId(), after.clientId())
				&& Objects.equals(before.invoiceDate(), after.invoiceDate())
				&& Objects.equals(before.invoiceDueDate(), after.invoiceDueDate())
				&& Objects.equals(before.remarks(), after.remarks())
				&& Objects.equals(before.additionalReference(), after.additionalReference())
				&& sameDecimal(before.discountAmount(), after.discountAmount())
				&& sameDecimal(before.discountPercent(), after.discountPercent());
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
