package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.clinic.domain.ConsultationStatus;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations and the items charged during them. Finalizing a consultation, which
 * creates its invoice, is the invoicing module's use case; this service only marks it
 * finalized.
 */
@Service
public class Consultations {

	private final ConsultationRepository consultations;

	private final DepartmentRepository departments;

	private final ClientRepository clients;

	private final PatientRepository patients;

	private final ItemRepository items;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Consultations(ConsultationRepository consultations, DepartmentRepository departments, ClientRepository clients,
			PatientRepository patients, ItemRepository items, InputValidator validator, AuditLog audit, Clock clock,
			Organizations organizations) {
		this.consultations = consultations;
		this.departments = departments;
		this.clients = clients;
		this.patients = patients;
		this.items = items;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Consultation create(Caller caller, NewConsultation command) {
		this.validator.validate(command, () -> problems(caller, command));
		Instant now = Timestamps.now(this.clock);
		long id = this.consultations.insert(caller, command, now);
		Consultation created = get(caller, id);
		this.audit.record(caller, "consultation.created", "consultation", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Consultation get(Caller caller, long id) {
		return this.consultations.find(caller, id).orElseThrow(() -> new NotFound("consultation", id));
	}

	@Transactional(readOnly = true)
	public Page<Consultation> list(Caller caller, PageRequest page, @Nullable Long clientId, @Nullable Integer status) {
		return this.consultations.list(caller, page, clientId, status);
	}

	/**
	 * A numbered page of the consultations matching the criteria, in id order, with their
	 * charged items: three queries whatever the page size.
	 * @param caller the caller
	 * @param criteria filters over id, client, patient, department, status, type,
	 * admitted_time, created, modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching consultations
	 */
	@Transactional(readOnly = true)
	public Counted<Consultation> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.consultations.search(caller, criteria, zone, order, page);
	}

	/**
	 * The consultations with the given ids that exist in the caller's organization, with
	 * their charged items.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the consultations, in id order
	 */
	@Transactional(readOnly = true)
	public List<Consultation> getAll(Caller caller, Collection<Long> ids) {
		return this.consultations.getAll(caller, ids);
	}

	/**
	 * Consultations by their UUIDs (their public ids), without their items.
	 * @param caller the caller
	 * @param uuids the UUIDs
	 * @return the ids found, by UUID
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Long> idsByUuid(Caller caller, Collection<UUID> uuids) {
		if (uuids.isEmpty()) {
			return Map.of();
		}
		return this.consultations.idsByUuid(caller, uuids);
	}

	/**
	 * The UUIDs of consultations.
	 * @param caller the caller
	 * @param ids the consultation ids
	 * @return the UUIDs found, by id
	 */
	@Transactional(readOnly = true)
	public Map<Long, UUID> uuidsById(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.consultations.uuidsById(caller, ids);
	}

	/**
	 * A numbered page of the items charged in consultations matching the criteria, in id
	 * order.
	 * @param caller the caller
	 * @param criteria filters over id, consultation, item, patient, name, quantity,
	 * created, modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching charged items
	 */
	@Transactional(readOnly = true)
	public Counted<ConsultationItem> searchItems(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.consultations.searchItems(caller, criteria, zone, order, page);
	}

	/**
	 * The charged items with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the charged items, in id order
	 */
	@Transactional(readOnly = true)
	public List<ConsultationItem> getItems(Caller caller, Collection<Long> ids) {
		return this.consultations.getItems(caller, ids);
	}

	/**
	 * Charges an item during an open consultation.
	 * @param caller the caller
	 * @param consultationId the consultation
	 * @param charge the item, quantity and optional overrides
	 * @return the consultation
	 */
	@Transactional
	public Consultation addItem(Caller caller, long consultationId, ChargedItem charge) {
		Consultation consultation = lockOpen(caller, consultationId);
		this.validator.validate(charge, () -> chargeProblems(caller, consultation, charge));
		Instant now = Timestamps.now(this.clock);
		String name = (charge.name() != null) ? charge.name() : itemName(caller, charge.itemId());
		Long patient = (charge.patientId() != null) ? charge.patientId() : consultation.patientId();
		long itemRowId = this.consultations.insertItem(caller, consultationId, charge, patient, name, now);
		this.consultations.touch(caller, consultationId, now);
		Consultation after = get(caller, consultationId);
		this.audit.record(caller, "consultation.item_added", "consultation", consultationId, null,
				after.items().stream().filter((i) -> i.id() == itemRowId).findFirst().orElse(null));
		return after;
	}

	/**
	 * What an item of a consultation is charged as, the base a change to it starts from.
	 * @param caller the caller
	 * @param consultationId the consultation
	 * @param consultationItemId the charged item
	 * @return its item, quantity, price, change, patient and name
	 */
	@Transactional(readOnly = true)
	public ChargedItem currentCharge(Caller caller, long consultationId, long consultationItemId) {
		ConsultationItem item = item(get(caller, consultationId), consultationItemId);
		return new ChargedItem(item.itemId(), item.quantity(), item.unitPrice(), item.percentageChange(),
				item.patientId(), item.name());
	}

	/**
	 * Changes a charged item of an open consultation.
	 * @param caller the caller
	 * @param consultationId the consultation
	 * @param consultationItemId the charged item
	 * @param charge its new values
	 * @return the consultation
	 */
	@Transactional
	public Consultation updateItem(Caller caller, long consultationId, long consultationItemId, ChargedItem change) {
		Consultation consultation = lockOpen(caller, consultationId);
		ConsultationItem before = item(consultation, consultationItemId);
		ChargedItem charge = change.replacing(before.itemId(), before.name(), before.unitPrice());

		this.validator.validate(charge, () -> chargeProblems(caller, consultation, charge));

		Instant now = Timestamps.now(this.clock);
		String name = (charge.name() != null) ? charge.name() : itemName(caller, charge.itemId());
		if (!this.consultations.updateItem(caller, consultationItemId, charge, name, now)) {
			return consultation;
		}
		this.consultations.touch(caller, consultationId, now);
		Consultation after = get(caller, consultationId);
		this.audit.record(caller, "consultation.item_changed", "consultation", consultationId, before,
				item(after, consultationItemId));
		return after;
	}

	@Transactional
	public Consultation removeItem(Caller caller, long consultationId, long consultationItemId) {
		Consultation consultation = lockOpen(caller, consultationId);
		ConsultationItem before = item(consultation, consultationItemId);
		this.consultations.deleteItem(caller, consultationItemId);
		this.consultations.touch(caller, consultationId, Timestamps.now(this.clock));
		this.audit.record(caller, "consultation.item_removed", "consultation", consultationId, before, null);
		return get(caller, consultationId);
	}

	/**
	 * Locks an open consultation for the transaction that invoices it.
	 * @param caller the caller
	 * @param consultationId the consultation
	 * @return the consultation with its items
	 * @throws RuleViolation {@code consultation_finalized} when it was already finalized
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Consultation lockOpen(Caller caller, long consultationId) {
		Consultation consultation = this.consultations.lock(caller, consultationId)
			.orElseThrow(() -> new NotFound("consultation", consultationId));
		ConsultationStatus status = ConsultationStatus.ofCode(consultation.status());
		if (status == null || !status.isOpen()) {
			throw RuleViolation.of("consultation_finalized", "consultation", consultationId);
		}
		return consultation;
	}

	/**
	 * Marks a consultation locked by {@link #lockOpen} as finalized.
	 * @param caller the caller
	 * @param consultationId the consultation
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void markFinalized(Caller caller, long consultationId) {
		Instant now = Timestamps.now(this.clock);
		this.consultations.markFinalized(caller, consultationId, now);
		this.audit.record(caller, "consultation.finalized", "consultation", consultationId, null,
				ConsultationStatus.FINALIZED);
	}

	private static ConsultationItem item(Consultation consultation, long consultationItemId) {
		return consultation.items()
			.stream()
			.filter((i) -> i.id() == consultationItemId)
			.findFirst()
			.orElseThrow(() -> new NotFound("consultation item", consultationItemId));
	}

	private String itemName(Caller caller, long itemId) {
		return this.items.name(caller, itemId).orElseThrow(() -> new NotFound("item", itemId));
	}

	private List<FieldError> problems(Caller caller, NewConsultation command) {
		List<FieldError> problems = new ArrayList<>();
		if (!this.departments.exists(caller, command.departmentId())) {
			problems.add(FieldError.of("departmentId", "does_not_exist", "entity", "department", "id",
					command.departmentId()));
		}
		if (!this.clients.exists(caller, command.clientId())) {
			problems.add(FieldError.of("clientId", "does_not_exist", "entity", "client", "id", command.clientId()));
		}
		Long patient = command.patientId();
		if (patient != null && !this.patients.isPatientOf(caller, patient, command.clientId())) {
			problems.add(FieldError.of("patientId", "not_a_patient_of_client", "patient", patient, "client",
					command.clientId()));
		}
		return problems;
	}

	private List<FieldError> chargeProblems(Caller caller, Consultation consultation, ChargedItem charge) {
		List<FieldError> problems = new ArrayList<>();
		if (!this.items.exists(caller, charge.itemId())) {
			problems.add(FieldError.of("itemId", "does_not_exist", "entity", "item", "id", charge.itemId()));
		}
		Long patient = charge.patientId();
		if (patient != null && !this.patients.isPatientOf(caller, patient, consultation.clientId())) {
			problems.add(FieldError.of("patientId", "not_a_patient_of_client", "patient", patient, "client",
					consultation.clientId()));
		}
		return problems;
	}

}
