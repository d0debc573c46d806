package org.vetbill.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log of one record.
 */
@Service
public class AuditTrail {

	private final AuditRepository events;

	AuditTrail(AuditRepository events) {
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<AuditEvent> of(long organizationId, String entityType, long entityId) {
		return this.events.of(organizationId, entityType, entityId);
	}

}
