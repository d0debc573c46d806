package org.vetbill.clinic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.UpdateOutcome;
import org.vetbill.shared.persistence.VersionedTable;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.PATIENT;

/**
 * SQL for patients. Every statement is scoped to the caller's organization.
 */
@Repository
class PatientRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", PATIENT.ID)
		.id("clientId", PATIENT.CLIENT_ID)
		.text("name", PATIENT.NAME)
		.text("species", PATIENT.SPECIES)
		.text("breed", PATIENT.BREED)
		.date("dateOfBirth", PATIENT.DATE_OF_BIRTH)
		.bool("archived", PATIENT.ARCHIVED)
		.dateTime("created", PATIENT.CREATED)
		.dateTime("modified", PATIENT.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final VersionedTable<Patient> rows;

	PatientRepository(DSLContext dsl) {
		this.dsl = dsl;
		this.rows = new VersionedTable<>(dsl, PATIENT, PATIENT.ID, PATIENT.ORGANIZATION_ID, PATIENT.CREATED,
				PATIENT.MODIFIED, PATIENT.VERSION, PatientRepository::map);
	}

	Optional<Patient> find(Caller caller, long id) {
		return this.rows.find(caller.organizationId(), id);
	}

	/**
	 * Whether a patient exists and belongs to a client.
	 */
	boolean isPatientOf(Caller caller, long patientId, long clientId) {
		return this.dsl.fetchExists(PATIENT, PATIENT.ORGANIZATION_ID.eq(caller.organizationId()),
				PATIENT.ID.eq(patientId), PATIENT.CLIENT_ID.eq(clientId));
	}

	/**
	 * The patients with the given ids, in no particular order.
	 */
	List<Patient> getAll(Caller caller, Collection<Long> ids) {
		return this.rows.all(caller.organizationId(), ids);
	}

	/**
	 * The patients with the given UUIDs, in no particular order.
	 */
	List<Patient> getAllByUuid(Caller caller, Collection<UUID> uuids) {
		return this.dsl.selectFrom(PATIENT)
			.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PATIENT.UUID.in(uuids))
			.fetch(PatientRepository::map);
	}

	/**
	 * The ids of the patients whose name contains a text, ignoring case, in id order.
	 */
	List<Long> idsByName(Caller caller, String text, int limit) {
		return this.dsl.select(PATIENT.ID)
			.from(PATIENT)
			.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PATIENT.NAME.containsIgnoreCase(text))
			.orderBy(PATIENT.ID)
			.limit(limit)
			.fetch(PATIENT.ID);
	}

	Counted<Patient> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return this.rows.page(caller.organizationId(), FILTERS.condition(criteria, zone),
				FILTERS.order(order, PATIENT.ID), page);
	}

	/**
	 * The ids of the patients of several clients, by client, each in id order.
	 */
	Map<Long, List<Long>> idsByClient(Caller caller, Collection<Long> clientIds) {
		return this.dsl.select(PATIENT.CLIENT_ID, PATIENT.ID)
			.from(PATIENT)
			.where(PATIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PATIENT.CLIENT_ID.in(clientIds))
			.orderBy(PATIENT.ID)
			.fetchGroups(PATIENT.CLIENT_ID, PATIENT.ID);
	}

	/**
	 * A keyset page of patients.
	 * @param clientId only the patients of this client, or all when null
	 */
	Page<Patient> list(Caller caller, PageRequest page, @Nullable Long clientId) {
		Condition filter = (clientId != null) ? PATIENT.CLIENT_ID.eq(clientId) : DSL.noCondition();
		return this.rows.list(caller.organizationId(), page, filter, Patient::id);
	}

	long insert(Caller caller, PatientDetails details, Instant now) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(PATIENT.UUID, UUID.randomUUID());
		values.putAll(values(details));
		return this.rows.insert(caller.organizationId(), values, now);
	}

	/**
	 * Changes a patient still at the expected version.
	 * @return whether it was changed
	 */
	UpdateOutcome update(Caller caller, long id, int expectedVersion, PatientDetails details, Instant now) {
		return this.rows.update(caller.organizationId(), id, expectedVersion, values(details), now);
	}

	private static Map<Field<?>, @Nullable Object> values(PatientDetails details) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(PATIENT.CLIENT_ID, details.clientId());
		values.put(PATIENT.NAME, details.name());
		values.put(PATIENT.SPECIES, details.species());
		values.put(PATIENT.BREED, details.breed());
		values.put(PATIENT.DATE_OF_BIRTH, details.dateOfBirth());
		values.put(PATIENT.ARCHIVED, details.archived());
		return values;
	}

	private static Patient map(Record r) {
		return new Patient(r.get(PATIENT.ID), r.get(PATIENT.UUID),
				new PatientDetails(r.get(PATIENT.CLIENT_ID), r.get(PATIENT.NAME), r.get(PATIENT.SPECIES),
						r.get(PATIENT.BREED), r.get(PATIENT.DATE_OF_BIRTH), r.get(PATIENT.ARCHIVED)),
				r.get(PATIENT.CREATED), r.get(PATIENT.MODIFIED), r.get(PATIENT.VERSION));
	}

}
