package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.InvoiceCommands.Finalize;
import org.vetbill.invoicing.InvoiceCommands.WholeInvoice;
import org.vetbill.invoicing.domain.StateRequests;
import org.vetbill.invoicing.InvoiceCommands.InvoiceLine;
import org.vetbill.invoicing.InvoiceStore.InvoiceReferences;
import org.vetbill.invoicing.InvoiceRowStore.NewRow;
import org.vetbill.invoicing.InvoiceStore.StoredInvoice;
import org.vetbill.invoicing.InvoiceRowStore.StoredRow;
import org.vetbill.invoicing.domain.InvoiceCalculator;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole invoices, as a client writes them at once: header, rows, tags and the state asked
 * for, applied in one transaction through the same rules as every other change
 * (finalization numbers the invoice, voiding and writing off check theirs). A state is
 * asked for, not set: PAID and PARTIALY_PAID follow from payments, and money moves only
 * through payments.
 */
@Service
public class WholeInvoices {

	private final Invoices invoices;

	private final InvoiceLifecycle lifecycle;

	private final InvoiceLines lines;

	private final InvoicePayments payments;

	private final InvoiceStore headers;

	private final InvoiceRowStore rows;

	private final Organizations organizations;

	private final InputValidator validator;

	private final AuditLog audit;

	private final ChangeEvents events;

	private final Clock clock;

	WholeInvoices(Invoices invoices, InvoiceLifecycle lifecycle, InvoiceLines lines, InvoicePayments payments,
			InvoiceStore headers, InvoiceRowStore rows, Organizations organizations, InputValidator validator,
			AuditLog audit, ChangeEvents events, Clock clock) {
		this.invoices = invoices;
		this.lifecycle = lifecycle;
		this.lines = lines;
		this.payments = payments;
		this.headers = headers;
		this.rows = rows;
		this.organizations = organizations;
		this.validator = validator;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an invoice as a draft, or issues it at once when ISSUED is asked for.
	 * @param caller the caller
	 * @param document the invoice
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView create(Caller caller, WholeInvoice document) {
		this.validator.validate(document);
		StateRequests.checkNew(document.state());
		if (document.paidAmount().signum() != 0) {
			throw new RuleViolation("paid_amount_mismatch", "paidAmount", "new", Facts.of());
		}
		Organization organization = this.organizations.get(caller.organizationId());
		InvoiceLines.Header header = this.lines.header(caller, document, null);
		List<NewRow> rows = this.lines.rows(caller, withPatient(document.items(), document.patientId()),
				header.clientId(), "items", List.of());
		Instant now = Timestamps.now(this.clock);
		StoredInvoice draft = this.invoices.insertDraft(caller, organization,
				new InvoiceStore.NewInvoice(header.departmentId(), header.clientId(), null,
						organization.settings().pricesIncludeVat(), document.issueDate(), document.dueDate(), null,
						null, discountAmount(document, organization), discountPercent(document), references(document)),
				rows, now);
		long id = draft.id();
		this.headers.replaceTags(caller, id, document.tags(), now);
		InvoiceView created = this.invoices.view(caller, id, organization);
		checkDiscount(document, Money.of(created.discountAmount(), organization.currency()));
		this.audit.record(caller, "invoice.created", "invoice", id, null, created);
		this.events.changed(caller, Change.invoice(created.departmentId(), id, false));
		if (document.state() == InvoiceState.ISSUED) {
			return this.lifecycle.finalize(caller, id, Finalize.DEFAULT);
		}
		return created;
	}

	/**
	 * Replaces an invoice: a draft's header, rows and tags change to the document's; an
	 * issued invoice's only tags, and anything else that differs is refused. Then the
	 * state asked for is reached: DRAFT to ISSUED finalizes, VOID voids, WRITTEN_OFF
	 * writes the balance off, each with its rules.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param document the invoice as it should be
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView replace(Caller caller, long invoiceId, WholeInvoice document) {
		this.validator.validate(document);
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = this.headers.lock(caller, invoiceId);
		InvoiceView before = this.invoices.view(caller, invoiceId, organization);
		InvoiceState current = before.state();
		InvoiceState target = document.state();
		if (document.paidAmount().compareTo(before.paidAmount()) != 0) {
			throw new RuleViolation("paid_amount_mismatch", "paidAmount", Facts.of("paid", before.paidAmount()));
		}
		StateRequests.checkRequestable(current, target);
		InvoiceLines.Header header = this.lines.header(caller, document, before);
		List<InvoiceLine> lines = withPatient(document.items(), document.patientId());
		List<StoredRow> rows = this.rows.rows(caller, invoiceId, organization.currency());
		Set<Long> itemsOnInvoice = rows.stream()
			.map(StoredRow::itemId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<UUID, StoredRow> rowsByUuid = rows.stream().collect(Collectors.toMap(StoredRow::uuid, (row) -> row));
		List<FieldError> unknown = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			UUID id = lines.get(i).id();
			if (id != null && !rowsByUuid.containsKey(id)) {
				unknown.add(FieldError.of("items[" + i + "].id", "no_such_row", "invoice", before.uuid(), "row", id));
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInput(unknown);
		}
		List<NewRow> newRows = this.lines.rows(caller, lines, header.clientId(), "items", itemsOnInvoice);
		String changed = firstChange(before, header, document, lines, newRows, rows);
		Instant now = Timestamps.now(this.clock);
		boolean modified = false;
		if (changed != null) {
			if (!current.equals(InvoiceState.DRAFT)) {
				throw new RuleViolation("invoice_not_editable", changed, "whole", Facts.of("state", current));
			}
			replaceRows(caller, invoice.departmentId(), invoiceId, lines, newRows, rowsByUuid, rows, now);
			InvoiceCalculator.Calculation calculation = this.invoices.recalculate(caller, invoice,
					organization.currency(), invoice.status(), header.clientId(), document.issueDate(),
					document.dueDate(), invoice.remarks(), invoice.additionalReference(),
					Money.of(discountAmount(document, organization), organization.currency()),
					discountPercent(document), now);
			checkDiscount(document, calculation.discountAmount());
			this.headers.updateReferences(caller, invoiceId, references(document), now);
			modified = true;
		}
		else if (current == InvoiceState.DRAFT && timesChanged(before, document)) {
			this.headers.updateReferences(caller, invoiceId, references(document), now);
			modified = true;
		}
		modified |= this.headers.replaceTags(caller, invoiceId, document.tags(), now);
		if (modified) {
			InvoiceView after = this.invoices.view(caller, invoiceId, organization);
			this.audit.record(caller, "invoice.updated", "invoice", invoiceId, before, after);
			this.events.changed(caller, Change.invoice(after.departmentId(), invoiceId, after.invoiceNumber() != null));
		}
		return reach(caller, invoiceId, current, target, document.writeOffReason(), organization);
	}

	/**
	 * Deletes a draft: it was never numbered, so nothing is lost from any sequence.
	 * @param caller the caller
	 * @param invoiceId the draft
	 */
	@Transactional
	public void deleteDraft(Caller caller, long invoiceId) {
		Organization organization = this.organizations.get(caller.organizationId());
		this.headers.lock(caller, invoiceId);
		InvoiceView before = this.invoices.view(caller, invoiceId, organization);
		StateRequests.checkDeletable(before.state());
		this.headers.deleteDraft(caller, invoiceId);
		this.audit.record(caller, "invoice.deleted", "invoice", invoiceId, before, null);
		List<Change> changes = new ArrayList<>();
		changes.add(Change.invoice(before.departmentId(), invoiceId, false));
		before.rows().forEach((row) -> changes.add(Change.rowDeleted(before.departmentId(), row.id())));
		this.events.changed(caller, changes.toArray(Change[]::new));
	}

	private InvoiceView reach(Caller caller, long invoiceId, InvoiceState current, InvoiceState target, String reason,
			Organization organization) {
		return switch (StateRequests.step(current, target)) {
			case NONE -> this.invoices.view(caller, invoiceId, organization);
			case FINALIZE -> this.lifecycle.finalize(caller, invoiceId, Finalize.DEFAULT);
			case VOID -> this.lifecycle.voidInvoice(caller, invoiceId, new InvoiceCommands.Void(null));
			case WRITE_OFF -> {
				this.payments.writeOff(caller, invoiceId, reason);
				yield this.invoices.view(caller, invoiceId, organization);
			}
		};
	}

	/**
	 * Lines without a patient are for the invoice's patient.
	 */
	private static List<InvoiceLine> withPatient(List<InvoiceLine> lines, @Nullable Long patientId) {
		if (patientId == null) {
			return lines;
		}
		return lines.stream()
			.map((line) -> (line.patientId() != null) ? line
					: new InvoiceLine(line.id(), line.itemId(), line.description(), line.quantity(), line.unitPrice(),
							line.discountPercent(), line.taxRate(), patientId))
			.toList();
	}

	/**
	 * The first input of the document that differs from the invoice (its times only where
	 * they fall on another date), or null when none does.
	 */
	private static @Nullable String firstChange(InvoiceView before, InvoiceLines.Header header, WholeInvoice document,
			List<InvoiceLine> lines, List<NewRow> newRows, List<StoredRow> rows) {
		if (!Objects.equals(before.patientId(), document.patientId())
				|| !Objects.equals(before.clientId(), header.clientId())) {
			return "patientId";
		}
		if (!Objects.equals(before.appointmentId(), document.appointmentId())) {
			return "appointmentId";
		}
		if (!Objects.equals(before.invoiceDate(), document.issueDate())) {
			return "issueDate";
		}
		if (!Objects.equals(before.invoiceDueDate(), document.dueDate())) {
			return "dueDate";
		}
		BigDecimal percent = (before.discountPercent() != null) ? before.discountPercent() : BigDecimal.ZERO;
		if (percent.compareTo(document.discountPercent()) != 0) {
			return "discountPercent";
		}
		if (before.discountAmount().compareTo(document.discountAmount()) != 0
				&& (document.discountPercent().signum() == 0 || document.discountAmount().signum() != 0)) {
			return "discountAmount";
		}
		if (lines.size() != rows.size()) {
			return "items";
		}
		for (int i = 0; i < lines.size(); i++) {
			StoredRow row = rows.get(i);
			if (!row.uuid().equals(lines.get(i).id()) || !newRows.get(i).sameCharge(row)) {
				return "items";
			}
		}
		return null;
	}

	private static boolean timesChanged(InvoiceView before, WholeInvoice document) {
		return !Objects.equals(before.issueTime(), document.issueTime())
				|| !Objects.equals(before.dueTime(), document.dueTime());
	}

	/**
	 * Makes a draft's rows the lines: rows named by id are changed where they differ and
	 * placed in the lines' order, new lines are added, rows left out are removed.
	 */
	private void replaceRows(Caller caller, long departmentId, long invoiceId, List<InvoiceLine> lines,
			List<NewRow> newRows, Map<UUID, StoredRow> rowsByUuid, List<StoredRow> rows, Instant now) {
		Set<UUID> kept = new HashSet<>();
		lines.forEach((line) -> {
			if (line.id() != null) {
				kept.add(line.id());
			}
		});
		List<Change> deleted = new ArrayList<>();
		for (StoredRow row : rows) {
			if (!kept.contains(row.uuid())) {
				this.rows.delete(caller, invoiceId, row.id());
				deleted.add(Change.rowDeleted(departmentId, row.id()));
			}
		}
		int last = rows.stream().mapToInt(StoredRow::position).max().orElse(0);
		for (int i = 0; i < lines.size(); i++) {
			int position = last + i + 1;
			UUID id = lines.get(i).id();
			if (id == null) {
				this.rows.insert(caller, invoiceId, position, List.of(newRows.get(i)), now);
				continue;
			}
			StoredRow row = Objects.requireNonNull(rowsByUuid.get(id));
			if (!newRows.get(i).sameCharge(row)) {
				this.rows.update(caller, invoiceId, row.id(), newRows.get(i), now);
			}
			this.rows.move(caller, invoiceId, row.id(), position, now);
		}
		if (!deleted.isEmpty()) {
			this.events.changed(caller, deleted.toArray(Change[]::new));
		}
	}

	private static BigDecimal discountAmount(WholeInvoice document, Organization organization) {
		return (document.discountPercent().signum() > 0) ? BigDecimal.ZERO
				: InvoiceLines.discountAmount(document.discountAmount(), organization.currency()).amount();
	}

	private static @Nullable BigDecimal discountPercent(WholeInvoice document) {
		return (document.discountPercent().signum() > 0) ? document.discountPercent() : null;
	}

	/**
	 * With a discount percentage, the amount it gives is the discount: a request may send
	 * that amount back, or zero, but not another one.
	 */
	private static void checkDiscount(WholeInvoice document, Money applied) {
		if (document.discountPercent().signum() > 0 && document.discountAmount().signum() != 0
				&& document.discountAmount().compareTo(applied.amount()) != 0) {
			throw InvalidInput.of("discountAmount", "discount_of_percent", "percent",
					document.discountPercent().stripTrailingZeros(), "discount", applied.amount());
		}
	}

	private static InvoiceReferences references(WholeInvoice document) {
		return new InvoiceReferences(document.patientId(), document.appointmentId(), document.issueTime(),
				document.dueTime());
	}

}
