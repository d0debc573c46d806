package org.vetbill.api.clinic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.Patient;
import org.vetbill.clinic.Patients;
import org.vetbill.invoicing.InvoiceCommands.WholeInvoice;
import org.vetbill.invoicing.InvoiceCommands.InvoiceLine;
import org.vetbill.invoicing.InvoiceRowView;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.money.Decimals;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Translates between the Clinic API's JSON and the invoice use cases: UUIDs to ids and
 * back, statuses by name, dates with their times, and rows as {@code items}.
 * <p>
 * A request may leave fields out: POST starts from an empty draft, PUT from the invoice
 * as it is, so a PUT of what GET answered changes nothing. Read-only fields ({@code id},
 * {@code subtotal}, {@code remaining_amount}, {@code total_amount}, {@code reg_number},
 * an item's {@code subtotal}, {@code tax} and {@code total}) and unknown fields are
 * ignored, as pydantic does.
 */
@Component
class ClinicInvoices {

	/** Why a balance is written off when a client asks for WRITTEN_OFF. */
	static final String WRITE_OFF_REASON = "written off through the Clinic API";

	private final Organizations organizations;

	private final Patients patients;

	private final Consultations consultations;

	ClinicInvoices(Organizations organizations, Patients patients, Consultations consultations) {
		this.organizations = organizations;
		this.patients = patients;
		this.consultations = consultations;
	}

	@Nullable Long patientId(Caller caller, UUID uuid) {
		Patient patient = this.patients.getAllByUuid(caller, List.of(uuid)).get(uuid);
		return (patient != null) ? patient.id() : null;
	}

	@Nullable Long appointmentId(Caller caller, UUID uuid) {
		return this.consultations.idsByUuid(caller, List.of(uuid)).get(uuid);
	}

	/**
	 * The whole invoice a request asks for.
	 * @param caller the caller
	 * @param body the request body
	 * @param current the invoice as it is (PUT), or null (POST)
	 * @return the document
	 */
	WholeInvoice document(Caller caller, JsonNode body, @Nullable InvoiceView current) {
		if (!body.isObject()) {
			throw InvalidInput.worded("", "Input should be a valid dictionary or object");
		}
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		List<FieldError> problems = new ArrayList<>();
		Map<UUID, Long> patientIds = patientIds(caller, body);

		InvoiceState state = (current != null) ? current.state() : InvoiceState.DRAFT;
		if (body.has("status")) {
			JsonNode status = body.get("status");
			state = ClinicValues.state(status.isString() ? status.asString() : "?", "status", problems);
		}
		LocalDate issueDate = (current != null) ? current.invoiceDate() : null;
		Instant issueTime = (current != null) ? current.issueTime() : null;
		if (body.has("issue_date")) {
			ClinicValues.DateAndTime issue = ClinicValues.dateTime(body.get("issue_date"), "issue_date", zone,
					problems);
			issueDate = (issue != null) ? issue.date() : null;
			issueTime = (issue != null) ? issue.instant() : null;
		}
		LocalDate dueDate = (current != null) ? current.invoiceDueDate() : null;
		Instant dueTime = (current != null) ? current.dueTime() : null;
		if (body.has("due_date")) {
			ClinicValues.DateAndTime due = ClinicValues.dateTime(body.get("due_date"), "due_date", zone, problems);
			dueDate = (due != null) ? due.date() : null;
			dueTime = (due != null) ? due.instant() : null;
		}
		BigDecimal discountAmount = (current != null) ? current.discountAmount() : BigDecimal.ZERO;
		if (body.has("discount_amount")) {
			discountAmount = orZero(ClinicValues.decimal(body.get("discount_amount"), "discount_amount", problems));
		}
		BigDecimal discountPercent = (current != null && current.discountPercent() != null) ? current.discountPercent()
				: BigDecimal.ZERO;
		if (body.has("discount_percent")) {
			discountPercent = orZero(ClinicValues.decimal(body.get("discount_percent"), "discount_percent", problems));
		}
		BigDecimal paidAmount = (current != null) ? current.paidAmount() : BigDecimal.ZERO;
		if (body.has("paid_amount")) {
			paidAmount = orZero(ClinicValues.decimal(body.get("paid_amount"), "paid_amount", problems));
		}
		Long patientId = (current != null) ? current.patientId() : null;
		if (body.has("patient_id")) {
			patientId = reference(ClinicValues.uuid(body.get("patient_id"), "patient_id", problems), patientIds,
					"patient_id", "patient", problems);
		}
		Long appointmentId = (current != null) ? current.appointmentId() : null;
		if (body.has("appointment_id")) {
			UUID appointment = ClinicValues.uuid(body.get("appointment_id"), "appointment_id", problems);
			appointmentId = (appointment == null) ? null
					: reference(appointment, this.consultations.idsByUuid(caller, List.of(appointment)),
							"appointment_id", "appointment", problems);
		}
		List<InvoiceLine> items = (current != null) ? current.rows().stream().map(ClinicInvoices::line).toList()
				: List.of();
		if (body.has("items")) {
			items = lines(body.get("items"), patientIds, problems);
		}
		List<String> tags = (current != null) ? current.tags() : List.of();
		if (body.has("tags")) {
			tags = tags(body.get("tags"), problems);
		}
		if (!problems.isEmpty() || state == null) {
			throw new InvalidInput(problems);
		}
		return new WholeInvoice(patientId, appointmentId, issueDate, issueTime, dueDate, dueTime, discountAmount,
				discountPercent, paidAmount, items, tags, state, WRITE_OFF_REASON);
	}

	/**
	 * Invoices as the Clinic API writes them, with the UUIDs of their patients and
	 * appointments read in two queries whatever their number.
	 */
	List<Map<String, @Nullable Object>> render(Caller caller, List<InvoiceView> invoices) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		Set<Long> patientIds = new HashSet<>();
		Set<Long> appointmentIds = new HashSet<>();
		for (InvoiceView invoice : invoices) {
			Long patient = patientOf(invoice);
			if (patient != null) {
				patientIds.add(patient);
			}
			invoice.rows().forEach((row) -> {
				if (row.patientId() != null) {
					patientIds.add(row.patientId());
				}
			});
			Long appointment = appointmentOf(invoice);
			if (appointment != null) {
				appointmentIds.add(appointment);
			}
		}
		Map<Long, UUID> patientUuids = new HashMap<>();
		this.patients.getAll(caller, patientIds).forEach((id, patient) -> patientUuids.put(id, patient.uuid()));
		Map<Long, UUID> appointmentUuids = this.consultations.uuidsById(caller, appointmentIds);
		return invoices.stream().map((invoice) -> render(invoice, zone, patientUuids, appointmentUuids)).toList();
	}

	private static Map<String, @Nullable Object> render(InvoiceView invoice, ZoneId zone, Map<Long, UUID> patientUuids,
			Map<Long, UUID> appointmentUuids) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("issue_date", issueDate(invoice, zone));
		body.put("due_date", dueDate(invoice));
		body.put("status", invoice.state().name());
		body.put("discount_amount", invoice.discountAmount());
		body.put("discount_percent",
				(invoice.discountPercent() != null) ? Decimals.trim(invoice.discountPercent(), 0) : BigDecimal.ZERO);
		body.put("paid_amount", invoice.paidAmount());
		Long appointment = appointmentOf(invoice);
		body.put("appointment_id", (appointment != null) ? appointmentUuids.get(appointment) : null);
		Long patient = patientOf(invoice);
		body.put("patient_id", (patient != null) ? patientUuids.get(patient) : null);
		body.put("id", invoice.uuid());
		body.put("subtotal", invoice.total());
		body.put("remaining_amount", invoice.dueSum());
		body.put("total_amount", invoice.totalWithVat());
		body.put("reg_number", invoice.documentNumber());
		body.put("items", invoice.rows().stream().map((row) -> item(row, patientUuids)).toList());
		body.put("tags", invoice.tags());
		return body;
	}

	private static Map<String, @Nullable Object> item(InvoiceRowView row, Map<Long, UUID> patientUuids) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		item.put("id", row.uuid());
		item.put("item_id", row.itemId());
		item.put("description", row.name());
		item.put("quantity", row.quantity());
		item.put("unit_price", row.unitPrice());
		item.put("discount_percent", Decimals.trim(row.percentageChange().negate(), 0));
		item.put("tax_rate", Decimals.trim(row.vatPercentage(), 0));
		item.put("patient_id", (row.patientId() != null) ? patientUuids.get(row.patientId()) : null);
		item.put("subtotal", row.sum());
		item.put("tax", row.sumVat());
		item.put("total", row.sumTotal());
		return item;
	}

	/**
	 * The invoice's patient: the one named for it, else the one patient all its rows are
	 * for.
	 */
	private static @Nullable Long patientOf(InvoiceView invoice) {
		if (invoice.patientId() != null) {
			return invoice.patientId();
		}
		return (invoice.patientIds().size() == 1) ? invoice.patientIds().get(0) : null;
	}

	/**
	 * The appointment: the one named for the invoice, else the consultation it was made
	 * from.
	 */
	private static @Nullable Long appointmentOf(InvoiceView invoice) {
		return (invoice.appointmentId() != null) ? invoice.appointmentId() : invoice.consultationId();
	}

	/**
	 * When it was issued, in the organization's local time: the time the client gave,
	 * else the finalization's, where they fall on the invoice date; else the date's
	 * start.
	 */
	private static @Nullable String issueDate(InvoiceView invoice, ZoneId zone) {
		LocalDate date = invoice.invoiceDate();
		if (date == null) {
			return null;
		}
		for (Instant time : new Instant[] { invoice.issueTime(), invoice.finalizedTime() }) {
			if (time != null) {
				LocalDateTime local = LocalDateTime.ofInstant(time, zone);
				if (local.toLocalDate().equals(date)) {
					return ClinicValues.local(local);
				}
			}
		}
		return ClinicValues.local(date.atStartOfDay());
	}

	/**
	 * When it is due, in UTC: the time the client gave where it falls on the due date,
	 * else the date's start.
	 */
	private static @Nullable String dueDate(InvoiceView invoice) {
		LocalDate date = invoice.invoiceDueDate();
		if (date == null) {
			return null;
		}
		Instant time = invoice.dueTime();
		if (time != null && LocalDateTime.ofInstant(time, ZoneOffset.UTC).toLocalDate().equals(date)) {
			return ClinicValues.utc(time);
		}
		return ClinicValues.utc(date.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private static InvoiceLine line(InvoiceRowView row) {
		return new InvoiceLine(row.uuid(), row.itemId(), row.name(), row.quantity(), row.unitPrice(),
				row.percentageChange().negate(), (row.itemId() != null) ? null : row.vatPercentage(), row.patientId());
	}

	private List<InvoiceLine> lines(JsonNode items, Map<UUID, Long> patientIds, List<FieldError> problems) {
		if (!items.isArray()) {
			problems.add(FieldError.worded("items", "Input should be a valid list"));
			return List.of();
		}
		List<InvoiceLine> lines = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String prefix = "items[" + i + "].";
			if (!item.isObject()) {
				problems.add(FieldError.worded("items[" + i + "]", "Input should be a valid dictionary or object"));
				continue;
			}
			Long itemId = null;
			JsonNode catalog = item.path("item_id");
			if (catalog.isIntegralNumber() && catalog.canConvertToLong()) {
				itemId = catalog.longValue();
			}
			else if (!catalog.isNull() && !catalog.isMissingNode()) {
				problems.add(FieldError.worded(prefix + "item_id", "Input should be a valid integer"));
			}
			BigDecimal quantity = ClinicValues.decimal(item.path("quantity"), prefix + "quantity", problems);
			Long patientId = null;
			if (item.has("patient_id")) {
				patientId = reference(ClinicValues.uuid(item.get("patient_id"), prefix + "patient_id", problems),
						patientIds, prefix + "patient_id", "patient", problems);
			}
			lines.add(new InvoiceLine(ClinicValues.uuid(item.path("id"), prefix + "id", problems), itemId,
					ClinicValues.text(item.path("description"), prefix + "description", problems),
					(quantity != null) ? quantity : BigDecimal.ONE,
					ClinicValues.decimal(item.path("unit_price"), prefix + "unit_price", problems),
					ClinicValues.decimal(item.path("discount_percent"), prefix + "discount_percent", problems),
					ClinicValues.decimal(item.path("tax_rate"), prefix + "tax_rate", problems), patientId));
		}
		return lines;
	}

	private static List<String> tags(JsonNode tags, List<FieldError> problems) {
		if (!tags.isArray()) {
			problems.add(FieldError.worded("tags", "Input should be a valid list"));
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (int i = 0; i < tags.size(); i++) {
			String tag = ClinicValues.text(tags.get(i), "tags[" + i + "]", problems);
			if (tag != null) {
				values.add(tag.trim());
			}
		}
		return values;
	}

	/**
	 * The patients a request names, by UUID, in one query.
	 */
	private Map<UUID, Long> patientIds(Caller caller, JsonNode body) {
		Set<UUID> uuids = new HashSet<>();
		List<JsonNode> nodes = new ArrayList<>();
		nodes.add(body.path("patient_id"));
		body.path("items").forEach((item) -> nodes.add(item.path("patient_id")));
		for (JsonNode node : nodes) {
			UUID uuid = ClinicValues.uuid(node, "patient_id", new ArrayList<>());
			if (uuid != null) {
				uuids.add(uuid);
			}
		}
		Map<UUID, Long> ids = new HashMap<>();
		this.patients.getAllByUuid(caller, uuids).forEach((uuid, patient) -> ids.put(uuid, patient.id()));
		return ids;
	}

	private static @Nullable Long reference(@Nullable UUID uuid, Map<UUID, Long> ids, String field, String what,
			List<FieldError> problems) {
		if (uuid == null) {
			return null;
		}
		Long id = ids.get(uuid);
		if (id == null) {
			problems.add(FieldError.worded(field, what + " " + uuid + " does not exist"));
		}
		return id;
	}

	private static BigDecimal orZero(@Nullable BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
