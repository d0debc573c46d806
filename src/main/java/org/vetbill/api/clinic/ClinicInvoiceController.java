package org.vetbill.api.clinic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.WholeInvoices;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.Found;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.query.Search;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.Window;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Clinic API's invoices ({@code /invoice/}, {@code /invoice/{id}}): the same invoices
 * as every other API, with UUID ids, string statuses and the document's field names. The
 * tenant is the caller's organization.
 */
@RestController
class ClinicInvoiceController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	/** What {@code order_by} accepts, with a {@code -} for descending. */
	static final Map<String, String> SORTABLE = sortable();

	private final WholeInvoices documents;

	private final InvoiceQueries queries;

	private final ClinicInvoices translation;

	ClinicInvoiceController(WholeInvoices documents, InvoiceQueries queries, ClinicInvoices translation) {
		this.documents = documents;
		this.queries = queries;
		this.translation = translation;
	}

	@GetMapping(ClinicApi.INVOICES)
	@ReadAccess
	Map<String, @Nullable Object> list(Caller caller, @RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset,
			@RequestParam(name = "order_by", required = false) @Nullable String orderBy,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable List<String> tags,
			@RequestParam(name = "patient_id", required = false) @Nullable String patientId,
			@RequestParam(name = "appointment_id", required = false) @Nullable String appointmentId,
			@RequestParam(required = false) @Nullable String status) {
		List<FieldError> problems = new ArrayList<>();
		Integer limitValue = ClinicValues.integer(limit, "query.limit", DEFAULT_LIMIT, 0, MAX_LIMIT, problems);
		Integer offsetValue = ClinicValues.integer(offset, "query.offset", 0, 0, Integer.MAX_VALUE, problems);
		String order = (orderBy == null || orderBy.isBlank()) ? "created_at" : orderBy.trim();
		boolean descending = order.startsWith("-");
		String key = SORTABLE.get(descending ? order.substring(1) : order);
		if (key == null) {
			problems.add(FieldError.worded("query.order_by", "cannot sort by '" + order + "'; sort by one of "
					+ String.join(", ", SORTABLE.keySet()) + ", with a leading '-' for descending order"));
		}
		UUID patient = ClinicValues.uuid(patientId, "query.patient_id", problems);
		UUID appointment = ClinicValues.uuid(appointmentId, "query.appointment_id", problems);
		InvoiceState state = ClinicValues.state(status, "query.status", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Long patientFilter = (patient != null) ? this.translation.patientId(caller, patient) : null;
		Long appointmentFilter = (appointment != null) ? this.translation.appointmentId(caller, appointment) : null;
		boolean unknownReference = (patient != null && patientFilter == null)
				|| (appointment != null && appointmentFilter == null);
		Found<InvoiceView> slice = unknownReference ? new Found<>(List.of(), 0L, null)
				: this.queries.search(caller, search(search, tags, patientFilter, appointmentFilter, state,
						new Sort(Objects.requireNonNull(key), descending),
						new Window.Offset(Objects.requireNonNull(offsetValue), Objects.requireNonNull(limitValue))));
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("total", slice.total());
		body.put("offset", offsetValue);
		body.put("limit", limitValue);
		body.put("data", this.translation.render(caller, slice.items()));
		return body;
	}

	@PostMapping(ClinicApi.INVOICES)
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	Map<String, @Nullable Object> create(Caller caller, @RequestBody JsonNode body) {
		InvoiceView created = this.documents.create(caller, this.translation.document(caller, body, null));
		return this.translation.render(caller, List.of(created)).get(0);
	}

	@GetMapping(ClinicApi.INVOICE)
	@ReadAccess
	Map<String, @Nullable Object> get(Caller caller, @PathVariable String id) {
		return this.translation.render(caller, List.of(this.queries.get(caller, idOf(caller, id)))).get(0);
	}

	@PutMapping(ClinicApi.INVOICE)
	@BillingAccess
	Map<String, @Nullable Object> replace(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
		long invoiceId = idOf(caller, id);
		InvoiceView current = this.queries.get(caller, invoiceId);
		InvoiceView after = this.documents.replace(caller, invoiceId, this.translation.document(caller, body, current));
		return this.translation.render(caller, List.of(after)).get(0);
	}

	@DeleteMapping(ClinicApi.INVOICE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@BillingAccess
	void delete(Caller caller, @PathVariable String id) {
		this.documents.deleteDraft(caller, idOf(caller, id));
	}

	private long idOf(Caller caller, String id) {
		List<FieldError> problems = new ArrayList<>();
		UUID uuid = ClinicValues.uuid(id, "path.id", problems);
		if (uuid == null) {
			throw new InvalidInput(problems);
		}
		return this.queries.idOf(caller, uuid);
	}

	/**
	 * The search of a list request: its filters in the core's fields, the order and the
	 * slice.
	 */
	private static Search search(@Nullable String text, @Nullable List<String> tags, @Nullable Long patientId,
			@Nullable Long appointmentId, @Nullable InvoiceState state, Sort order, Window.Offset window) {
		List<Criterion> criteria = new ArrayList<>();
		if (text != null) {
			criteria.add(Criterion.of("query.search", InvoiceQueries.TEXT, Operator.IS, text));
		}
		if (tags != null) {
			tags.forEach((tag) -> criteria.add(Criterion.of("query.tags", InvoiceQueries.TAG, Operator.IS, tag)));
		}
		if (patientId != null) {
			criteria
				.add(Criterion.of("query.patient_id", InvoiceQueries.FOR_PATIENT, Operator.IS, patientId.toString()));
		}
		if (appointmentId != null) {
			criteria.add(Criterion.of("query.appointment_id", InvoiceQueries.APPOINTMENT, Operator.IS,
					appointmentId.toString()));
		}
		if (state != null) {
			criteria.add(Criterion.of("query.status", InvoiceQueries.STATE, Operator.IS, state.name()));
		}
		return new Search(new Criteria(criteria, false), List.of(order), window);
	}

	/**
	 * What {@code order_by} accepts, and the invoice field each sorts by.
	 */
	private static Map<String, String> sortable() {
		Map<String, String> keys = new LinkedHashMap<>();
		keys.put("created_at", "created");
		keys.put("updated_at", "modified");
		keys.put("issue_date", "invoiceDate");
		keys.put("due_date", "invoiceDueDate");
		keys.put("reg_number", "invoiceNumber");
		keys.put("subtotal", "total");
		keys.put("total_amount", "totalWithVat");
		keys.put("paid_amount", "paidAmount");
		keys.put("remaining_amount", "dueSum");
		keys.put("discount_amount", "discountAmount");
		return Collections.unmodifiableMap(keys);
	}

}
