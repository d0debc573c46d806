package org.vetbill.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.time.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.AUDIT_EVENT;

/**
 * Records state changes. Called inside the transaction of the change, so an event is
 * logged if and only if the change is committed.
 */
@Service
public class AuditLog {

	private final DSLContext dsl;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(DSLContext dsl, JsonMapper json, Clock clock) {
		this.dsl = dsl;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Appends an event.
	 * @param caller who made the change, in which organization
	 * @param action what happened, such as {@code invoice.finalized}
	 * @param entityType the kind of record, such as {@code invoice}
	 * @param entityId the record's id
	 * @param before the state before, or null for a creation
	 * @param after the state after, or null for a deletion
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Caller caller, String action, String entityType, long entityId, @Nullable Object before,
			@Nullable Object after) {
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("before", before);
		details.put("after", after);
		this.dsl.insertInto(AUDIT_EVENT)
			.set(AUDIT_EVENT.ORGANIZATION_ID, caller.organizationId())
			.set(AUDIT_EVENT.OCCURRED, Timestamps.now(this.clock))
			.set(AUDIT_EVENT.ACTOR, caller.actor())
			.set(AUDIT_EVENT.ACTION, action)
			.set(AUDIT_EVENT.ENTITY_TYPE, entityType)
			.set(AUDIT_EVENT.ENTITY_ID, entityId)
			.set(AUDIT_EVENT.DETAILS, this.json.writeValueAsString(details))
			.execute();
	}

}
