package org.vetbill.audit;

import java.util.List;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.AUDIT_EVENT;

/**
 * SQL for the audit log's reads of one record (appends are {@link AuditChainStore}'s).
 */
@Repository
class AuditRepository {

	private final DSLContext dsl;

	AuditRepository(DSLContext dsl) {
		this.dsl = dsl;
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
