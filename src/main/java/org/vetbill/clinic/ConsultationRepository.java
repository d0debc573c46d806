package org.vetbill.clinic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.clinic.domain.ConsultationStatus;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.persistence.VersionedTable;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.CONSULTATION;
import static org.vetbill.shared.db.Tables.CONSULTATION_ITEM;

/**
 * SQL for consultations and the items charged during them. A consultation is always read
 * with its charged items, in one more query for any number of consultations. Every
 * statement is scoped to the caller's organization.
 */
@Repository
class ConsultationRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", CONSULTATION.ID)
		.id("clientId", CONSULTATION.CLIENT_ID)
		.id("patientId", CONSULTATION.PATIENT_ID)
		.id("departmentId", CONSULTATION.DEPARTMENT_ID)
		.integer("status", CONSULTATION.STATUS)
		.integer("type", CONSULTATION.CONSULTATION_TYPE)
		.dateTime("admittedTime", CONSULTATION.ADMITTED_TIME)
		.dateTime("created", CONSULTATION.CREATED)
		.dateTime("modified", CONSULTATION.MODIFIED)
		.build();

	private static final FilterFields ITEM_FILTERS = FilterFields.builder()
		.id("id", CONSULTATION_ITEM.ID)
		.id("consultationId", CONSULTATION_ITEM.CONSULTATION_ID)
		.id("itemId", CONSULTATION_ITEM.ITEM_ID)
		.id("patientId", CONSULTATION_ITEM.PATIENT_ID)
		.text("name", CONSULTATION_ITEM.NAME)
		.decimal("quantity", CONSULTATION_ITEM.QUANTITY)
		.dateTime("created", CONSULTATION_ITEM.CREATED)
		.dateTime("modified", CONSULTATION_ITEM.MODIFIED)
		.build();

	private final DSLContext dsl;

	ConsultationRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Inserts an admitted consultation at version 0.
	 * @return its id
	 */
	long insert(Caller caller, NewConsultation command, Instant now) {
		return this.dsl.insertInto(CONSULTATION)
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
	}

	Optional<Consultation> find(Caller caller, long id) {
		return this.dsl.selectFrom(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(id))
			.fetchOptional()
			.map((row) -> map(row, items(caller, id)));
	}

	/**
	 * Reads a consultation and locks it for the rest of the transaction.
	 */
	Optional<Consultation> lock(Caller caller, long id) {
		return this.dsl.selectFrom(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(id))
			.forUpdate()
			.fetchOptional()
			.map((row) -> map(row, items(caller, id)));
	}

	/**
	 * A keyset page of consultations.
	 * @param clientId only the consultations of this client, or all when null
	 * @param status only the consultations with this status code, or all when null
	 */
	Page<Consultation> list(Caller caller, PageRequest page, @Nullable Long clientId, @Nullable Integer status) {
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
	 * A numbered page of the consultations matching the criteria, in id order: three
	 * queries whatever the page size.
	 */
	Counted<Consultation> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		Counted<Record> rows = ListQueries.page(this.dsl, CONSULTATION,
				CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				FILTERS.order(order, CONSULTATION.ID), page, (r) -> r);
		return rows.mapItems((found) -> withItems(caller, found));
	}

	/**
	 * The consultations with the given ids, in id order.
	 */
	List<Consultation> getAll(Caller caller, Collection<Long> ids) {
		return withItems(caller,
				this.dsl.selectFrom(CONSULTATION)
					.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(CONSULTATION.ID.in(ids))
					.orderBy(CONSULTATION.ID)
					.fetch());
	}

	Map<UUID, Long> idsByUuid(Caller caller, Collection<UUID> uuids) {
		return this.dsl.select(CONSULTATION.UUID, CONSULTATION.ID)
			.from(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.UUID.in(uuids))
			.fetchMap(CONSULTATION.UUID, CONSULTATION.ID);
	}

	Map<Long, UUID> uuidsById(Caller caller, Collection<Long> ids) {
		return this.dsl.select(CONSULTATION.ID, CONSULTATION.UUID)
			.from(CONSULTATION)
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.in(ids))
			.fetchMap(CONSULTATION.ID, CONSULTATION.UUID);
	}

	/**
	 * Marks a consultation modified, as a change of its charged items shows on it.
	 */
	void touch(Caller caller, long id, Instant now) {
		this.dsl.update(CONSULTATION)
			.set(CONSULTATION.MODIFIED, now)
			.set(CONSULTATION.VERSION, CONSULTATION.VERSION.plus(1))
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(id))
			.execute();
	}

	void markFinalized(Caller caller, long id, Instant now) {
		this.dsl.update(CONSULTATION)
			.set(CONSULTATION.STATUS, (short) ConsultationStatus.FINALIZED.code())
			.set(CONSULTATION.FINALIZED_TIME, now)
			.set(CONSULTATION.MODIFIED, now)
			.set(CONSULTATION.VERSION, CONSULTATION.VERSION.plus(1))
			.where(CONSULTATION.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION.ID.eq(id))
			.execute();
	}

	/**
	 * A numbered page of the charged items matching the criteria, in id order.
	 */
	Counted<ConsultationItem> searchItems(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order,
			OffsetPage page) {
		return ListQueries.page(this.dsl, CONSULTATION_ITEM,
				CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId())
					.and(ITEM_FILTERS.condition(criteria, zone)),
				ITEM_FILTERS.order(order, CONSULTATION_ITEM.ID), page, ConsultationRepository::mapItem);
	}

	/**
	 * The charged items with the given ids, in id order.
	 */
	List<ConsultationItem> getItems(Caller caller, Collection<Long> ids) {
		return this.dsl.selectFrom(CONSULTATION_ITEM)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.ID.in(ids))
			.orderBy(CONSULTATION_ITEM.ID)
			.fetch(ConsultationRepository::mapItem);
	}

	/**
	 * Charges an item in a consultation.
	 * @param patientId the patient it is for
	 * @param name the name it is charged under
	 * @return the charged item's id
	 */
	long insertItem(Caller caller, long consultationId, ChargedItem charge, @Nullable Long patientId, String name,
			Instant now) {
		return this.dsl.insertInto(CONSULTATION_ITEM)
			.set(CONSULTATION_ITEM.ORGANIZATION_ID, caller.organizationId())
			.set(CONSULTATION_ITEM.CONSULTATION_ID, consultationId)
			.set(CONSULTATION_ITEM.ITEM_ID, charge.itemId())
			.set(CONSULTATION_ITEM.PATIENT_ID, patientId)
			.set(CONSULTATION_ITEM.NAME, name)
			.set(CONSULTATION_ITEM.QUANTITY, charge.quantity())
			.set(CONSULTATION_ITEM.UNIT_PRICE, charge.unitPrice())
			.set(CONSULTATION_ITEM.PERCENTAGE_CHANGE, charge.percentageChangeOrZero())
			.set(CONSULTATION_ITEM.CREATED, now)
			.set(CONSULTATION_ITEM.MODIFIED, now)
			.returningResult(CONSULTATION_ITEM.ID)
			.fetchSingle()
			.value1();
	}

	/**
	 * Changes a charged item.
	 * @param name the name it is charged under
	 */
	/**
	 * Changes an item of a consultation, unless it already holds the values.
	 * @return whether it was changed
	 */
	boolean updateItem(Caller caller, long id, ChargedItem charge, String name, Instant now) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(CONSULTATION_ITEM.ITEM_ID, charge.itemId());
		values.put(CONSULTATION_ITEM.PATIENT_ID, charge.patientId());
		values.put(CONSULTATION_ITEM.NAME, name);
		values.put(CONSULTATION_ITEM.QUANTITY, charge.quantity());
		values.put(CONSULTATION_ITEM.UNIT_PRICE, charge.unitPrice());
		values.put(CONSULTATION_ITEM.PERCENTAGE_CHANGE, charge.percentageChangeOrZero());
		return this.dsl.update(CONSULTATION_ITEM)
			.set(values)
			.set(CONSULTATION_ITEM.MODIFIED, now)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.ID.eq(id))
			.and(VersionedTable.anyDistinct(values))
			.execute() > 0;
	}

	void deleteItem(Caller caller, long id) {
		this.dsl.deleteFrom(CONSULTATION_ITEM)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.ID.eq(id))
			.execute();
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
			.fetchGroups(CONSULTATION_ITEM.CONSULTATION_ID, ConsultationRepository::mapItem);
		return rows.stream().map((r) -> map(r, items.getOrDefault(r.get(CONSULTATION.ID), List.of()))).toList();
	}

	private List<ConsultationItem> items(Caller caller, long consultationId) {
		return this.dsl.selectFrom(CONSULTATION_ITEM)
			.where(CONSULTATION_ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONSULTATION_ITEM.CONSULTATION_ID.eq(consultationId))
			.orderBy(CONSULTATION_ITEM.ID)
			.fetch(ConsultationRepository::mapItem);
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
