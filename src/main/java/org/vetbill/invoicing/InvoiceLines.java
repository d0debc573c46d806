package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Consultation;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.ConsultationItem;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Patient;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.VatGroup;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.invoicing.InvoiceCommands.InvoiceLine;
import org.vetbill.invoicing.InvoiceCommands.WholeInvoice;
import org.vetbill.invoicing.InvoiceRowStore.NewRow;
import org.vetbill.shared.Caller;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.money.Money;

import org.springframework.stereotype.Component;

/**
 * Turns what a request charges into invoice rows: a catalog item's name, price and VAT
 * group unless overridden, or a free line's own text, price and the VAT group of its
 * rate; and checks an invoice's header against the master data.
 */
@Component
class InvoiceLines {

	private final Departments departments;

	private final Clients clients;

	private final Patients patients;

	private final Items items;

	private final VatGroups vatGroups;

	private final Consultations consultations;

	InvoiceLines(Departments departments, Clients clients, Patients patients, Items items, VatGroups vatGroups,
			Consultations consultations) {
		this.departments = departments;
		this.consultations = consultations;
		this.clients = clients;
		this.patients = patients;
		this.items = items;
		this.vatGroups = vatGroups;
	}

	/**
	 * Builds rows from charged items.
	 * @param caller the caller
	 * @param charges the charged items
	 * @param clientId the invoice's client, whom the rows' patients must belong to
	 * @param field the request field of the list, for error messages, or null for a
	 * single row
	 * @param allowedArchivedItems items that may be archived (those already on the
	 * invoice)
	 * @return the rows
	 */
	List<NewRow> charged(Caller caller, List<ChargedItem> charges, @Nullable Long clientId, @Nullable String field,
			List<Long> allowedArchivedItems) {
		return rows(caller,
				charges.stream()
					.map((charge) -> new InvoiceLine(null, charge.itemId(), charge.name(), charge.quantity(),
							charge.unitPrice(), charge.percentageChangeOrZero().negate(), null, charge.patientId()))
					.toList(),
				clientId, field, allowedArchivedItems);
	}

	/**
	 * Builds the rows of a consultation's charged items, each linked to its item.
	 */
	List<NewRow> ofConsultation(Caller caller, List<ConsultationItem> items, @Nullable Long clientId) {
		List<NewRow> rows = charged(caller,
				items.stream()
					.map((item) -> new ChargedItem(item.itemId(), item.quantity(), item.unitPrice(),
							item.percentageChange(), item.patientId(), item.name()))
					.toList(),
				clientId, "items", items.stream().map(ConsultationItem::itemId).toList());
		List<NewRow> linked = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			linked.add(rows.get(i).forConsultationItem(items.get(i).id()));
		}
		return linked;
	}

	/**
	 * Builds rows from lines.
	 * @param caller the caller
	 * @param lines the lines, validated
	 * @param clientId the invoice's client, whom the rows' patients must belong to
	 * @param field the request field of the list, for error messages, or null for a
	 * single row
	 * @param allowedArchivedItems items that may be archived (those already on the
	 * invoice)
	 * @return the rows, in order
	 */
	List<NewRow> rows(Caller caller, List<InvoiceLine> lines, @Nullable Long clientId, @Nullable String field,
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
		Map<Long, VatGroup> vatGroupsById = new HashMap<>();
		this.vatGroups.getAll(caller, itemsById.values().stream().map((item) -> item.details().vatGroupId()).toList())
			.forEach((group) -> vatGroupsById.put(group.id(), group));
		Map<BigDecimal, List<VatGroup>> groupsByRate = new HashMap<>();
		List<FieldError> problems = new ArrayList<>();
		List<NewRow> rows = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			InvoiceLine line = lines.get(i);
			String prefix = (field != null) ? field + "[" + i + "]." : "";
			Long patientId = line.patientId();
			if (patientId != null) {
				Patient patient = patientsById.get(patientId);
				if (patient == null) {
					problems.add(FieldError.of(prefix + "patientId", "does_not_exist", "entity", "patient", "id",
							patientId));
				}
				else if (!patient.details().clientId().equals(clientId)) {
					problems.add((clientId == null) ? FieldError.of(prefix + "patientId", "patient_without_client")
							: FieldError.of(prefix + "patientId", "patient_not_of_client", "patient", patientId,
									"client", clientId));
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
				problems.add(FieldError.of(prefix + "itemId", "does_not_exist", "entity", "item", "id", itemId));
				continue;
			}
			if (item.details().archived() && !allowedArchivedItems.contains(item.id())) {
				problems.add(FieldError.of(prefix + "itemId", "item_archived", "item", itemId));
			}
			VatGroup vat = Objects.requireNonNull(vatGroupsById.get(item.details().vatGroupId()));
			if (line.taxRate() != null && line.taxRate().compareTo(vat.details().percentage()) != 0) {
				problems.add(FieldError.of(prefix + "taxRate", "tax_rate_not_item_rate", "item", itemId, "rate",
						vat.details().percentage().stripTrailingZeros()));
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
			problems.add(FieldError.of(prefix + "description", "free_line_needs_description"));
		}
		if (line.unitPrice() == null) {
			problems.add(FieldError.of(prefix + "unitPrice", "free_line_needs_unit_price"));
		}
		if (line.taxRate() == null) {
			problems.add(FieldError.of(prefix + "taxRate", "free_line_needs_tax_rate"));
			return null;
		}
		BigDecimal rate = line.taxRate();
		List<VatGroup> groups = groupsByRate.computeIfAbsent(Decimals.trim(rate, 0),
				(key) -> this.vatGroups.withPercentage(caller, rate));
		if (groups.isEmpty()) {
			problems.add(FieldError.of(prefix + "taxRate", "no_vat_group_of_rate", "rate",
					line.taxRate().stripTrailingZeros()));
			return null;
		}
		return groups.get(0);
	}

	/**
	 * Refuses a client that some of the invoice's patients do not belong to.
	 */
	void requirePatientsOf(Caller caller, @Nullable Long clientId, List<Long> patientIds) {
		for (Patient patient : this.patients.getAll(caller, patientIds).values()) {
			if (!patient.details().clientId().equals(clientId)) {
				throw InvalidInput.of("clientId", "rows_of_other_client", "patient", patient.id(), "client",
						patient.details().clientId());
			}
		}
	}

	/**
	 * What is wrong with an invoice's department, client and discount.
	 */
	List<FieldError> headerProblems(Caller caller, long departmentId, @Nullable Long clientId,
			@Nullable BigDecimal discountAmount, @Nullable BigDecimal discountPercent) {
		List<FieldError> problems = new ArrayList<>();
		if (!this.departments.exists(caller, departmentId)) {
			problems.add(FieldError.of("departmentId", "does_not_exist", "entity", "department", "id", departmentId));
		}
		if (clientId != null && this.clients.find(caller, clientId).isEmpty()) {
			problems.add(FieldError.of("clientId", "does_not_exist", "entity", "client", "id", clientId));
		}
		if (discountAmount != null && discountAmount.signum() != 0 && discountPercent != null) {
			problems.add(FieldError.of("discountAmount", "discount_amount_and_percent"));
		}
		return problems;
	}

	/**
	 * The client and department a whole invoice's patient and appointment give it.
	 */
	record Header(long departmentId, @Nullable Long clientId) {
	}

	Header header(Caller caller, WholeInvoice document, @Nullable InvoiceView current) {
		List<FieldError> problems = new ArrayList<>();
		Long clientId = (current != null) ? current.clientId() : null;
		if (document.patientId() != null) {
			Patient patient = this.patients.getAll(caller, List.of(document.patientId())).get(document.patientId());
			if (patient == null) {
				problems
					.add(FieldError.of("patientId", "does_not_exist", "entity", "patient", "id", document.patientId()));
			}
			else {
				clientId = patient.details().clientId();
			}
		}
		Long departmentId = (current != null) ? current.departmentId() : null;
		if (document.appointmentId() != null) {
			List<Consultation> found = this.consultations.getAll(caller, List.of(document.appointmentId()));
			if (found.isEmpty()) {
				problems.add(FieldError.of("appointmentId", "does_not_exist", "entity", "appointment", "id",
						document.appointmentId()));
			}
			else {
				Consultation appointment = found.get(0);
				if (clientId != null && appointment.clientId() != clientId) {
					problems.add(FieldError.of("appointmentId", "appointment_of_other_client"));
				}
				if (departmentId == null) {
					departmentId = appointment.departmentId();
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (departmentId == null) {
			departmentId = this.departments.list(caller, PageRequest.of(null, 1), false)
				.items()
				.stream()
				.findFirst()
				.map(Department::id)
				.orElseThrow(() -> RuleViolation.of("no_department"));
		}
		if (current != null && clientId != null && !clientId.equals(current.clientId())) {
			requirePatientsOf(caller, clientId, current.patientIds());
		}
		return new Header(departmentId, clientId);
	}

	static Money discountAmount(@Nullable BigDecimal amount, Currency currency) {
		if (amount == null) {
			return Money.zero(currency);
		}
		try {
			return Money.of(amount, currency);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("discountAmount", "too_many_decimals", "currency", currency.getCurrencyCode(),
					"scale", Money.scaleOf(currency));
		}
	}

}
