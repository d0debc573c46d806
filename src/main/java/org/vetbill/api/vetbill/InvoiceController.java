package org.vetbill.api.vetbill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.CreditNotes;
import org.vetbill.invoicing.InvoiceCommands;
import org.vetbill.invoicing.InvoiceLifecycle;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.Invoices;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.invoicing.InvoiceCommands.Finalize;
import org.vetbill.invoicing.InvoiceCommands.InvoiceChanges;
import org.vetbill.invoicing.InvoiceCommands.NewInvoice;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.Found;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.query.Search;
import org.vetbill.shared.query.Window;
import org.vetbill.shared.web.ApiPaths;
import org.vetbill.shared.web.MergePatch;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices in vetbill's own API: countersale drafts and their rows, finalization (also of
 * consultations), status changes and voiding.
 */
@RestController
class InvoiceController {

	private static final String INVOICES = ApiPaths.VETBILL + "/invoices";

	private final Invoices invoices;

	private final InvoiceLifecycle lifecycle;

	private final CreditNotes creditNotes;

	private final InvoiceQueries queries;

	private final MergePatch mergePatch;

	InvoiceController(Invoices invoices, InvoiceLifecycle lifecycle, CreditNotes creditNotes, InvoiceQueries queries,
			MergePatch mergePatch) {
		this.invoices = invoices;
		this.lifecycle = lifecycle;
		this.creditNotes = creditNotes;
		this.queries = queries;
		this.mergePatch = mergePatch;
	}

	@GetMapping(INVOICES)
	@ReadAccess
	Page<InvoiceView> list(Caller caller, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable Integer status,
			@RequestParam(name = "department_id", required = false) @Nullable Long departmentId,
			@RequestParam(name = "client_id", required = false) @Nullable Long clientId,
			@RequestParam(name = "credit_note", required = false) @Nullable Boolean creditNote,
			@RequestParam(required = false) @Nullable Boolean countersale,
			@RequestParam(name = "invoice_date_from", required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate invoiceDateFrom,
			@RequestParam(name = "invoice_date_to", required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate invoiceDateTo) {
		PageRequest page = PageRequest.of(after, limit);
		List<Criterion> criteria = new ArrayList<>();
		is(criteria, "status", "status", status);
		is(criteria, "department_id", "departmentId", departmentId);
		is(criteria, "client_id", "clientId", clientId);
		is(criteria, "credit_note", "creditNote", creditNote);
		is(criteria, "countersale", "countersale", countersale);
		if (invoiceDateFrom != null) {
			criteria.add(Criterion.of("invoice_date_from", "invoiceDate", Operator.GTE, invoiceDateFrom.toString()));
		}
		if (invoiceDateTo != null) {
			criteria.add(Criterion.of("invoice_date_to", "invoiceDate", Operator.LTE, invoiceDateTo.toString()));
		}
		Found<InvoiceView> found = this.queries.search(caller, new Search(new Criteria(criteria, false), List.of(),
				new Window.Keyset(page.afterOrZero(), page.limit())));
		return new Page<>(found.items(), found.nextAfter());
	}

	private static void is(List<Criterion> criteria, String parameter, String field, @Nullable Object value) {
		if (value != null) {
			criteria.add(Criterion.of(parameter, field, Operator.IS, value.toString()));
		}
	}

	@PostMapping(INVOICES)
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	InvoiceView create(Caller caller, @RequestBody NewInvoice command) {
		return this.invoices.createDraft(caller, command);
	}

	@GetMapping(INVOICES + "/{id}")
	@ReadAccess
	InvoiceView get(Caller caller, @PathVariable long id) {
		return this.queries.get(caller, id);
	}

	@PatchMapping(INVOICES + "/{id}")
	@BillingAccess
	InvoiceView patch(Caller caller, @PathVariable long id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		InvoiceView current = this.queries.get(caller, id);
		InvoiceChanges merged = this.mergePatch.apply(InvoiceChanges.of(current), patch, InvoiceChanges.class);
		return this.invoices.update(caller, id, MergePatch.expectedVersion(ifMatch, current.version()), merged);
	}

	@PostMapping(INVOICES + "/{id}/rows")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	InvoiceView addRow(Caller caller, @PathVariable long id, @RequestBody ChargedItem charge) {
		return this.invoices.addRow(caller, id, charge);
	}

	@PatchMapping(INVOICES + "/{id}/rows/{rowId}")
	@BillingAccess
	InvoiceView patchRow(Caller caller, @PathVariable long id, @PathVariable long rowId, @RequestBody JsonNode patch) {
		ChargedItem merged = this.mergePatch.apply(this.invoices.currentCharge(caller, id, rowId), patch,
				ChargedItem.class);
		return this.invoices.updateRow(caller, id, rowId, merged);
	}

	@DeleteMapping(INVOICES + "/{id}/rows/{rowId}")
	@BillingAccess
	InvoiceView removeRow(Caller caller, @PathVariable long id, @PathVariable long rowId) {
		return this.invoices.removeRow(caller, id, rowId);
	}

	@PostMapping(INVOICES + "/{id}/finalize")
	@BillingAccess
	InvoiceView finalize(Caller caller, @PathVariable long id,
			@RequestBody(required = false) @Nullable Finalize command) {
		return this.lifecycle.finalize(caller, id, (command != null) ? command : Finalize.DEFAULT);
	}

	@PostMapping(INVOICES + "/{id}/void")
	@BillingAccess
	InvoiceView voidInvoice(Caller caller, @PathVariable long id,
			@RequestBody(required = false) InvoiceCommands.@Nullable Void command) {
		return this.lifecycle.voidInvoice(caller, id, (command != null) ? command : new InvoiceCommands.Void(null));
	}

	/**
	 * The rows to credit (all not yet credited when none are named), and whether the
	 * credit note takes the original's date.
	 */
	record CreditNoteRequest(@Nullable List<Long> rowIds, @Nullable Boolean useOriginalInvoiceDate) {
	}

	@PostMapping(INVOICES + "/{id}/credit-notes")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	InvoiceView credit(Caller caller, @PathVariable long id,
			@RequestBody(required = false) @Nullable CreditNoteRequest request) {
		CreditNoteRequest given = (request != null) ? request : new CreditNoteRequest(null, null);
		return this.creditNotes.refund(caller, id,
				new InvoiceCommands.Refund(given.rowIds(), Boolean.TRUE.equals(given.useOriginalInvoiceDate())));
	}

	@PostMapping(ApiPaths.VETBILL + "/consultations/{id}/finalize")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	InvoiceView finalizeConsultation(Caller caller, @PathVariable long id,
			@RequestBody(required = false) @Nullable Finalize command) {
		return this.lifecycle.finalizeConsultation(caller, id, (command != null) ? command : Finalize.DEFAULT);
	}

}
