package org.vetbill.audit;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param id the entry's id, increasing
 * @param occurred when the change was made
 * @param actor who made it
 * @param action what happened
 * @param entityType the kind of record
 * @param entityId the record's id
 * @param details JSON with the state before and after
 */
public record AuditEvent(long id, Instant occurred, String actor, String action, String entityType, long entityId,
		String details) {

}
