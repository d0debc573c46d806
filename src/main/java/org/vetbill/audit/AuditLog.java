package org.vetbill.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.time.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records state changes. Called inside the transaction of the change, so an event is
 * logged if and only if the change is committed.
 */
@Service
public class AuditLog {

	private final AuditRepository events;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditRepository events, JsonMapper json, Clock clock) {
		this.events = events;
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
		this.events.insert(caller.organizationId(), Timestamps.now(this.clock), caller.actor(), action, entityType,
				entityId, this.json.writeValueAsString(details));
	}

}
