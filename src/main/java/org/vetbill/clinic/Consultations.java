package org.vetbill.clinic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
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
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.CLIENT;
import static org.vetbill.shared.db.Tables.CONSULTATION;
import static org.vetbill.shared.db.Tables.CONSULTATION_ITEM;
import static org.vetbill.shared.db.Tables.DEPARTMENT;
import static org.vetbill.shared.db.Tables.ITEM;
import static org.vetbill.shared.db.Tables.PATIENT;

/**
 * Consultations and the items charged during them. Finalizing a consultation, which
 * creates its invoice, is the invoicing module's use case; this service only marks it
 * finalized.
 */
@Service
public class Consultations {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", CONSULTATION.ID)
		.relation("client", CONSULTATION.CLIENT_ID)
		.relation("patient", CONSULTATION.PATIENT_ID)
		.relation("department", CONSULTATION.DEPARTMENT_ID)
		.integer("status", CONSULTATION.STATUS)
		.integer("type", CONSULTATION.CONSULTATION_TYPE)
		.dateTime("admitted_time", CONSULTATION.ADMITTED_TIME)
		.dateTime("created", CONSULTATION.CREATED)
		.dateTime("modified", CONSULTATION.MODIFIED)
		.build();

	private static final FilterFields ITEM_FILTERS = FilterFields.builder()
		.id("id", CONSULTATION_ITEM.ID)
		.relation("consultation", CONSULTATION_ITEM.CONSULTATION_ID)
		.relation("item", CONSULTATION_ITEM.ITEM_ID)
		.relation("patient", CONSULTATION_ITEM.PATIENT_ID)
		.text("name", CONSULTATION_ITEM.NAME)
		.decimal("quantity", CONSULTATION_ITEM.QUANTITY)
		.dateTime("created", CONSULTATION_ITEM.CREATED)
		.dateTime("modified", CONSULTATION_ITEM.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Consultations(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Organizations organizations) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Consultation create(Caller caller, NewConsultation command) {
		this.validator.validate(command, () -> problems(caller, command));
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(CONSULTATION)
			.set(CONSULTATION.ORGANIZATION_ID, caller.organizationId())
			.set(CONSULTATION.UUID, UUID.randomUUID())
			.set(CONSULTATION.DEPARTMENT_ID, command.departmentId())
			.set(CONSULTATION.CLIENT_ID, command.clientId())
			.set(CONSULTATION.PATIENT_ID, command.patientId())
			.set(CONSULTATION.STATUS, (short) ConsultationStatus.ADMITTED.code())
			.set(CONSULTATION.CONSULTATION_TYPE, (short) command.consultationTypeOrDefault())
			.set(CONSULTATION.ADMITTED_TIME, now)
			.set(CONSULTATION.CREATED, now)
			.set(CONSULTATION.MODIFIED, now)
			.set(CONSULTATION.VERSION, 0)
			.returningResult(CONSULTATION.ID)
			.fetchSingle()
			.value1();
		Consultation created = get(caller, id);
		this.audit.record(caller, "consultation.created", "consultation", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Consultation get(Caller caller, long id) {
		Record row = this.dsl.selectFrom(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(id))
			.fetchOptional()
			.orElseThrow(() -> new NotFound("consultation", id));
		return map(row, items(caller, id));
	}

	@Transactional(readOnly = true)
	public Page<Consultation> list(Caller caller, PageRequest page, @Nullable Long clientId, @Nullable Integer status) {
		Condition condition = CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId())
			.and(CONSULTATION.ID.gt(page.afterOrZero()));
		if (clientId != null) {
			condition = condition.and(CONSULTATION.CLIENT_ID.eq(clientId));
		}
		if (status != null) {
			condition = condition.and(CONSULTATION.STATUS.eq(status.shortValue()));
		}
		List<Record> rows = new ArrayList<>(this.dsl.selectFrom(CONSULTATION)
			.where(condition)
			.orderBy(CONSULTATION.ID)
			.limit(page.limit() + 1)
			.fetch());
		return Page.of(withItems(caller, rows), page.limit(), Consultation::id);
	}

	/**
	 * A numbered page of the consultations matching the criteria, in id order, with their
	 * charged items: three queries whatever the page size.
	 * @param caller the caller
	 * @param criteria filters over id, client, patient, department, status, type,
	 * admitted_time, created, modified
	 * @param page the page
	 * @return the page and the number of matching consultations
	 */
	@Transactional(readOnly = true)
	public Counted<Consultation> search(Caller caller, Criteria criteria, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		Counted<Record> rows = ListQueries.page(this.dsl, CONSULTATION,
				CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				List.of(CONSULTATION.ID.asc()), page, (r) -> r);
		return rows.mapItems((found) -> withItems(caller, found));
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
		return withItems(caller,
				this.dsl.selectFrom(CONSULTATION)
					.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(CONSULTATION.ID.in(ids))
					.orderBy(CONSULTATION.ID)
					.fetch());
	}

	/**
	 * Consultations by their UUIDs (the Clinic API's appointment ids), without their
	 * items.
	 * @param caller the caller
	 * @param uuids the UUIDs
	 * @return the ids found, by UUID
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Long> idsByUuid(Caller caller, Collection<UUID> uuids) {
		if (uuids.isEmpty()) {
			return Map.of();
		}
		return this.dsl.select(CONSULTATION.UUID, CONSULTATION.ID)
			.from(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.UUID.in(uuids))
			.fetchMap(CONSULTATION.UUID, CONSULTATION.ID);
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
		return this.dsl.select(CONSULTATION.ID, CONSULTATION.UUID)
			.from(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.in(ids))
			.fetchMap(CONSULTATION.ID, CONSULTATION.UUID);
	}

	/**
	 * A numbered page of the items charged in consultations matching the criteria, in id
	 * order.
	 * @param caller the caller
	 * @param criteria filters over id, consultation, item, patient, name, quantity,
	 * created, modified
	 * @param page the page
	 * @return the page and the number of matching charged items
	 */
	@Transactional(readOnly = true)
	public Counted<ConsultationItem> searchItems(Caller caller, Criteria criteria, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return ListQueries.page(this.dsl, CONSULTATION_ITEM,
				CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId())
					.and(ITEM_FILTERS.condition(criteria, zone)),
				List.of(CONSULTATION_ITEM.ID.asc()), page, Consultations::mapItem);
	}

	/**
	 * The charged items with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the charged items, in id order
	 */
	@Transactional(readOnly = true)
	public List<ConsultationItem> getItems(Caller caller, Collection<Long> ids) {
		return this.dsl.selectFrom(CONSULTATION_ITEM)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.ID.in(ids))
			.orderBy(CONSULTATION_ITEM.ID)
			.fetch(Consultations::mapItem);
	}

	/**
	 * Consultations with their charged items, read in one more query.
	 */
	private List<Consultation> withItems(Caller caller, List<? extends Record> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map((r) -> r.get(CONSULTATION.ID)).toList();
		Map<Long, List<ConsultationItem>> items = this.dsl.selectFrom(CONSULTATION_ITEM)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.CONSULTATION_ID.in(ids))
			.orderBy(CONSULTATION_ITEM.ID)
			.fetchGroups(CONSULTATION_ITEM.CONSULTATION_ID, Consultations::mapItem);
		return rows.stream().map((r) -> map(r, items.getOrDefault(r.get(CONSULTATION.ID), List.of()))).toList();
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
		long itemRowId = this.dsl.insertInto(CONSULTATION_ITEM)
			.set(CONSULTATION_ITEM.ORGANIZATION_ID, caller.organizationId())
			.set(CONSULTATION_ITEM.CONSULTATION_ID, consultationId)
			.set(CONSULTATION_ITEM.ITEM_ID, charge.itemId())
			.set(CONSULTATION_ITEM.PATIENT_ID,
					(charge.patientId() != null) ? charge.patientId() : consultation.patientId())
			.set(CONSULTATION_ITEM.NAME, name)
			.set(CONSULTATION_ITEM.QUANTITY, charge.quantity())
			.set(CONSULTATION_ITEM.UNIT_PRICE, charge.unitPrice())
			.set(CONSULTATION_ITEM.PERCENTAGE_CHANGE, charge.percentageChangeOrZero())
			.set(CONSULTATION_ITEM.CREATED, now)
			.set(CONSULTATION_ITEM.MODIFIED, now)
			.returningResult(CONSULTATION_ITEM.ID)
			.fetchSingle()
			.value1();
		touch(caller, consultationId, now);
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
		this.dsl.update(CONSULTATION_ITEM)
			.set(CONSULTATION_ITEM.ITEM_ID, charge.itemId())
			.set(CONSULTATION_ITEM.PATIENT_ID, charge.patientId())
			.set(CONSULTATION_ITEM.NAME, (charge.name() != null) ? charge.name() : itemName(caller, charge.itemId()))
			.set(CONSULTATION_ITEM.QUANTITY, charge.quantity())
			.set(CONSULTATION_ITEM.UNIT_PRICE, charge.unitPrice())
			.set(CONSULTATION_ITEM.PERCENTAGE_CHANGE, charge.percentageChangeOrZero())
			.set(CONSULTATION_ITEM.MODIFIED, now)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.ID.eq(consultationItemId))
			.execute();
		touch(caller, consultationId, now);
		Consultation after = get(caller, consultationId);
		this.audit.record(caller, "consultation.item_changed", "consultation", consultationId, before,
				item(after, consultationItemId));
		return after;
	}

	@Transactional
	public Consultation removeItem(Caller caller, long consultationId, long consultationItemId) {
		Consultation consultation = lockOpen(caller, consultationId);
		ConsultationItem before = item(consultation, consultationItemId);
		this.dsl.deleteFrom(CONSULTATION_ITEM)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.ID.eq(consultationItemId))
			.execute();
		touch(caller, consultationId, Timestamps.now(this.clock));
		this.audit.record(caller, "consultation.item_removed", "consultation", consultationId, before, null);
		return get(caller, consultationId);
	}

	/**
	 * Locks an open consultation for the transaction that invoices it.
	 * @param caller the caller
	 * @param consultationId the consultation
	 * @return the consultation with its items
	 * @throws RuleViolation when it was already finalized
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Consultation lockOpen(Caller caller, long consultationId) {
		Record row = this.dsl.selectFrom(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(consultationId))
			.forUpdate()
			.fetchOptional()
			.orElseThrow(() -> new NotFound("consultation", consultationId));
		Consultation consultation = map(row, items(caller, consultationId));
		ConsultationStatus status = ConsultationStatus.ofCode(consultation.status());
		if (status == null || !status.isOpen()) {
			throw new RuleViolation("consultation_finalized", "consultation " + consultationId
					+ " is already finalized and invoiced; correct its invoice with a credit note");
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
		this.dsl.update(CONSULTATION)
			.set(CONSULTATION.STATUS, (short) ConsultationStatus.FINALIZED.code())
			.set(CONSULTATION.FINALIZED_TIME, now)
			.set(CONSULTATION.MODIFIED, now)
			.set(CONSULTATION.VERSION, CONSULTATION.VERSION.plus(1))
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(consultationId))
			.execute();
		this.audit.record(caller, "consultation.finalized", "consultation", consultationId, null,
				ConsultationStatus.FINALIZED);
	}

	private void touch(Caller caller, long consultationId, Instant now) {
		this.dsl.update(CONSULTATION)
			.set(CONSULTATION.MODIFIED, now)
			.set(CONSULTATION.VERSION, CONSULTATION.VERSION.plus(1))
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(consultationId))
			.execute();
	}

	private static ConsultationItem item(Consultation consultation, long consultationItemId) {
		return consultation.items()
			.stream()
			.filter((i) -> i.id() == consultationItemId)
			.findFirst()
			.orElseThrow(() -> new NotFound("consultation item", consultationItemId));
	}

	private String itemName(Caller caller, long itemId) {
		return this.dsl.select(ITEM.NAME)
			.from(ITEM)
			.where(ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(ITEM.ID.eq(itemId))
			.fetchOptional(ITEM.NAME)
			.orElseThrow(() -> new NotFound("item", itemId));
	}

	private List<FieldError> problems(Caller caller, NewConsultation command) {
		List<FieldError> problems = new ArrayList<>();
		if (!this.dsl.fetchExists(DEPARTMENT, DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()),
				DEPARTMENT.ID.eq(command.departmentId()))) {
			problems.add(new FieldError("department_id", "department " + command.departmentId() + " does not exist"));
		}
		if (!this.dsl.fetchExists(CLIENT, CLIENT.ORGANIZATION_ID.eq(caller.organizationId()),
				CLIENT.ID.eq(command.clientId()))) {
			problems.add(new FieldError("client_id", "client " + command.clientId() + " does not exist"));
		}
		Long patient = command.patientId();
		if (patient != null && !patientOf(caller, patient, command.clientId())) {
			problems.add(new FieldError("patient_id",
					"patient " + patient + " does not exist or is not a patient of client " + command.clientId()));
		}
		return problems;
	}

	private List<FieldError> chargeProblems(Caller caller, Consultation consultation, ChargedItem charge) {
		List<FieldError> problems = new ArrayList<>();
		if (!this.dsl.fetchExists(ITEM, ITEM.ORGANIZATION_ID.eq(caller.organizationId()),
				ITEM.ID.eq(charge.itemId()))) {
			problems.add(new FieldError("item_id", "item " + charge.itemId() + " does not exist"));
		}
		Long patient = charge.patientId();
		if (patient != null && !patientOf(caller, patient, consultation.clientId())) {
			problems.add(new FieldError("patient_id",
					"patient " + patient + " does not exist or is not a patient of client " + consultation.clientId()));
		}
		return problems;
	}

	private boolean patientOf(Caller caller, long patientId, long clientId) {
		return this.dsl.fetchExists(PATIENT, PATIENT.ORGANIZATION_ID.eq(caller.organizationId()),
				PATIENT.ID.eq(patientId), PATIENT.CLIENT_ID.eq(clientId));
	}

	private List<ConsultationItem> items(Caller caller, long consultationId) {
		return this.dsl.selectFrom(CONSULTATION_ITEM)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.CONSULTATION_ID.eq(consultationId))
			.orderBy(CONSULTATION_ITEM.ID)
			.fetch(Consultations::mapItem);
	}

	private static ConsultationItem mapItem(Record r) {
		BigDecimal unitPrice = r.get(CONSULTATION_ITEM.UNIT_PRICE);
		return new ConsultationItem(r.get(CONSULTATION_ITEM.ID), r.get(CONSULTATION_ITEM.CONSULTATION_ID),
				r.get(CONSULTATION_ITEM.ITEM_ID), r.get(CONSULTATION_ITEM.PATIENT_ID), r.get(CONSULTATION_ITEM.NAME),
				Decimals.trim(r.get(CONSULTATION_ITEM.QUANTITY), 1),
				(unitPrice == null) ? null : Decimals.trim(unitPrice, 2),
				Decimals.trim(r.get(CONSULTATION_ITEM.PERCENTAGE_CHANGE), 1), r.get(CONSULTATION_ITEM.CREATED),
				r.get(CONSULTATION_ITEM.MODIFIED));
	}

	private static Consultation map(Record r, List<ConsultationItem> items) {
		return new Consultation(r.get(CONSULTATION.ID), r.get(CONSULTATION.UUID), r.get(CONSULTATION.DEPARTMENT_ID),
				r.get(CONSULTATION.CLIENT_ID), r.get(CONSULTATION.PATIENT_ID), r.get(CONSULTATION.STATUS),
				r.get(CONSULTATION.CONSULTATION_TYPE), r.get(CONSULTATION.ADMITTED_TIME),
				r.get(CONSULTATION.FINALIZED_TIME), items, r.get(CONSULTATION.CREATED), r.get(CONSULTATION.MODIFIED),
				r.get(CONSULTATION.VERSION));
	}

}
