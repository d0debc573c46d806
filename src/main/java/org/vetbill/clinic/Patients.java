package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.CLIENT;
import static org.vetbill.shared.db.Tables.PATIENT;

/**
 * The clinic's patients.
 */
@Service
public class Patients {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", PATIENT.ID)
		.relation("client", PATIENT.CLIENT_ID)
		.text("name", PATIENT.NAME)
		.text("species", PATIENT.SPECIES)
		.text("breed", PATIENT.BREED)
		.date("date_of_birth", PATIENT.DATE_OF_BIRTH)
		.bool("archived", PATIENT.ARCHIVED)
		.dateTime("created", PATIENT.CREATED)
		.dateTime("modified", PATIENT.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Patients(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Organizations organizations) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Patient create(Caller caller, PatientDetails details) {
		this.validator.validate(details, () -> problems(caller, details));
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(PATIENT)
			.set(PATIENT.ORGANIZATION_ID, caller.organizationId())
			.set(PATIENT.UUID, UUID.randomUUID())
			.set(PATIENT.CLIENT_ID, details.clientId())
			.set(PATIENT.NAME, details.name())
			.set(PATIENT.SPECIES, details.species())
			.set(PATIENT.BREED, details.breed())
			.set(PATIENT.DATE_OF_BIRTH, details.dateOfBirth())
			.set(PATIENT.ARCHIVED, details.archived())
			.set(PATIENT.CREATED, now)
			.set(PATIENT.MODIFIED, now)
			.set(PATIENT.VERSION, 0)
			.returningResult(PATIENT.ID)
			.fetchSingle()
			.value1();
		Patient created = get(caller, id);
		this.audit.record(caller, "patient.created", "patient", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Patient get(Caller caller, long id) {
		return find(caller, id).orElseThrow(() -> new NotFound("patient", id));
	}

	@Transactional(readOnly = true)
	public Optional<Patient> find(Caller caller, long id) {
		return this.dsl.selectFrom(PATIENT)
			.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PATIENT.ID.eq(id))
			.fetchOptional(Patients::map);
	}

	/**
	 * Several patients at once.
	 * @param caller the caller
	 * @param ids the patient ids
	 * @return the patients found, by id
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Patient> getAll(Caller caller, java.util.Collection<Long> ids) {
		java.util.Map<Long, Patient> patients = new java.util.LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.dsl.selectFrom(PATIENT)
				.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
				.and(PATIENT.ID.in(ids))
				.fetch(Patients::map)
				.forEach((patient) -> patients.put(patient.id(), patient));
		}
		return patients;
	}

	/**
	 * Patients by their UUIDs (the Clinic API's patient ids).
	 * @param caller the caller
	 * @param uuids the UUIDs
	 * @return the patients found, by UUID
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Patient> getAllByUuid(Caller caller, Collection<UUID> uuids) {
		Map<UUID, Patient> patients = new java.util.LinkedHashMap<>();
		if (!uuids.isEmpty()) {
			this.dsl.selectFrom(PATIENT)
				.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
				.and(PATIENT.UUID.in(uuids))
				.fetch(Patients::map)
				.forEach((patient) -> patients.put(patient.uuid(), patient));
		}
		return patients;
	}

	/**
	 * The ids of the patients whose name contains a text, ignoring case.
	 * @param caller the caller
	 * @param text the text
	 * @param limit at most this many
	 * @return the ids, in id order
	 */
	@Transactional(readOnly = true)
	public List<Long> idsByName(Caller caller, String text, int limit) {
		return this.dsl.select(PATIENT.ID)
			.from(PATIENT)
			.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PATIENT.NAME.containsIgnoreCase(text))
			.orderBy(PATIENT.ID)
			.limit(limit)
			.fetch(PATIENT.ID);
	}

	/**
	 * A numbered page of the patients matching the criteria, in id order.
	 * @param caller the caller
	 * @param criteria filters over id, client, name, species, breed, date_of_birth,
	 * archived, created, modified
	 * @param page the page
	 * @return the page and the number of matching patients
	 */
	@Transactional(readOnly = true)
	public Counted<Patient> search(Caller caller, Criteria criteria, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return ListQueries.page(this.dsl, PATIENT,
				PATIENT.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				List.of(PATIENT.ID.asc()), page, Patients::map);
	}

	/**
	 * The patients of several clients, in one query.
	 * @param caller the caller
	 * @param clientIds the clients
	 * @return the ids of each client's patients in id order, for the clients that have
	 * any
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Long>> idsByClient(Caller caller, Collection<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return Map.of();
		}
		return this.dsl.select(PATIENT.CLIENT_ID, PATIENT.ID)
			.from(PATIENT)
			.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PATIENT.CLIENT_ID.in(clientIds))
			.orderBy(PATIENT.ID)
			.fetchGroups(PATIENT.CLIENT_ID, PATIENT.ID);
	}

	@Transactional(readOnly = true)
	public Page<Patient> list(Caller caller, PageRequest page, @Nullable Long clientId) {
		Condition condition = PATIENT.ORGANIZATION_ID.eq(caller.organizationId())
			.and(PATIENT.ID.gt(page.afterOrZero()));
		if (clientId != null) {
			condition = condition.and(PATIENT.CLIENT_ID.eq(clientId));
		}
		return Page.of(this.dsl.selectFrom(PATIENT)
			.where(condition)
			.orderBy(PATIENT.ID)
			.limit(page.limit() + 1)
			.fetch(Patients::map), page.limit(), Patient::id);
	}

	@Transactional
	public Patient update(Caller caller, long id, int expectedVersion, PatientDetails details) {
		this.validator.validate(details, () -> problems(caller, details));
		Patient before = get(caller, id);
		int updated = this.dsl.update(PATIENT)
			.set(PATIENT.CLIENT_ID, details.clientId())
			.set(PATIENT.NAME, details.name())
			.set(PATIENT.SPECIES, details.species())
			.set(PATIENT.BREED, details.breed())
			.set(PATIENT.DATE_OF_BIRTH, details.dateOfBirth())
			.set(PATIENT.ARCHIVED, details.archived())
			.set(PATIENT.MODIFIED, Timestamps.now(this.clock))
			.set(PATIENT.VERSION, PATIENT.VERSION.plus(1))
			.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PATIENT.ID.eq(id))
			.and(PATIENT.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw Conflict.staleVersion("patient", id);
		}
		Patient after = get(caller, id);
		this.audit.record(caller, "patient.updated", "patient", id, before, after);
		return after;
	}

	private List<FieldError> problems(Caller caller, PatientDetails details) {
		if (!this.dsl.fetchExists(CLIENT, CLIENT.ORGANIZATION_ID.eq(caller.organizationId()),
				CLIENT.ID.eq(details.clientId()))) {
			return List.of(new FieldError("client_id", "client " + details.clientId() + " does not exist"));
		}
		return List.of();
	}

	static Patient map(Record r) {
		return new Patient(r.get(PATIENT.ID), r.get(PATIENT.UUID),
				new PatientDetails(r.get(PATIENT.CLIENT_ID), r.get(PATIENT.NAME), r.get(PATIENT.SPECIES),
						r.get(PATIENT.BREED), r.get(PATIENT.DATE_OF_BIRTH), r.get(PATIENT.ARCHIVED)),
				r.get(PATIENT.CREATED), r.get(PATIENT.MODIFIED), r.get(PATIENT.VERSION));
	}

}
