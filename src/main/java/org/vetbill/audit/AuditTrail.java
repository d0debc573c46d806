package org.vetbill.audit;

import java.util.List;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.AUDIT_EVENT;

/**
 * Reads the audit log of one record.
 */
@Service
public class AuditTrail {

	private final DSLContext dsl;

	AuditTrail(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Transactional(readOnly = true)
	public List<AuditEvent> of(long organizationId, String entityType, long entityId) {
		return this.dsl.selectFrom(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(organizationId))
			.and(AUDIT_EVENT.ENTITY_TYPE.eq(entityType))
			.and(AUDIT_EVENT.ENTITY_ID.eq(entityId))
			.orderBy(AUDIT_EVENT.ID)
			.fetch((r) -> new AuditEvent(r.getId(), r.getOccurred(), r.getActor(), r.getAction(), r.getEntityType(),
					r.getEntityId(), r.getDetails() == null ? "{}" : r.getDetails()));
	}

}
