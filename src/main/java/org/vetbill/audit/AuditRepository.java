package org.vetbill.audit;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.AUDIT_EVENT;

/**
 * SQL for the audit log: appends events and reads those of one record.
 */
@Repository
class AuditRepository {

	private final DSLContext dsl;

	AuditRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Appends an event.
	 * @param organizationId the organization
	 * @param occurred when the change was made
	 * @param actor who made it
	 * @param action what happened
	 * @param entityType the kind of record
	 * @param entityId the record's id
	 * @param details JSON with the state before and after
	 */
	void insert(long organizationId, Instant occurred, String actor, String action, String entityType, long entityId,
			String details) {
		this.dsl.insertInto(AUDIT_EVENT)
			.set(AUDIT_EVENT.ORGANIZATION_ID, organizationId)
			.set(AUDIT_EVENT.OCCURRED, occurred)
			.set(AUDIT_EVENT.ACTOR, actor)
			.set(AUDIT_EVENT.ACTION, action)
			.set(AUDIT_EVENT.ENTITY_TYPE, entityType)
			.set(AUDIT_EVENT.ENTITY_ID, entityId)
			.set(AUDIT_EVENT.DETAILS, details)
			.execute();
	}

	/**
	 * The events of one record, oldest first.
	 * @param organizationId the organization
	 * @param entityType the kind of record
	 * @param entityId the record's id
	 * @return the events
	 */
	List<AuditEvent> of(long organizationId, String entityType, long entityId) {
		return this.dsl.selectFrom(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(organizationId))
			.and(AUDIT_EVENT.ENTITY_TYPE.eq(entityType))
			.and(AUDIT_EVENT.ENTITY_ID.eq(entityId))
			.orderBy(AUDIT_EVENT.ID)
			.fetch((r) -> new AuditEvent(r.getId(), r.getOccurred(), r.getActor(), r.getAction(), r.getEntityType(),
					r.getEntityId(), r.getDetails() == null ? "{}" : r.getDetails()));
	}

}
