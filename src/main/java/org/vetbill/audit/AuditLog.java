package org.vetbill.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.time.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records state changes. Called inside the transaction of the change, so an event is
 * logged if and only if the change is committed.
 * <p>
 * Each organization's events form a hash chain ({@link AuditHash}). The events of a
 * transaction are kept until just before its commit and then chained under a lock of the
 * organization's chain head, so concurrent changes form one chain. Taking that lock last,
 * after every invoice or prepayment lock the change took, and holding it only until the
 * commit, it cannot close a cycle of waits with them.
 */
@Service
public class AuditLog {

	private final AuditChainStore chain;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditChainStore chain, JsonMapper json, Clock clock) {
		this.chain = chain;
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
		Pending event = new Pending(caller.organizationId(), Timestamps.now(this.clock), caller.actor(), action,
				entityType, entityId, this.json.writeValueAsString(details));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(event));
			return;
		}
		PendingEvents pending = (PendingEvents) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new PendingEvents();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.events.add(event);
	}

	/**
	 * Chains and writes events, one organization after the other in the order of their
	 * ids (so two transactions never wait for each other's heads).
	 */
	private void append(List<Pending> events) {
		Map<Long, List<Pending>> byOrganization = new LinkedHashMap<>();
		events.stream()
			.sorted(Comparator.comparingLong(Pending::organizationId))
			.forEach((event) -> byOrganization.computeIfAbsent(event.organizationId(), (id) -> new ArrayList<>())
				.add(event));
		byOrganization.forEach((organizationId, ofOrganization) -> {
			AuditChainStore.Head head = this.chain.lockHead(organizationId);
			for (Pending event : ofOrganization) {
				AuditHash.Fields fields = new AuditHash.Fields(organizationId, head.position() + 1, event.occurred(),
						event.actor(), event.action(), event.entityType(), event.entityId(), event.details(),
						head.hash());
				String hash = AuditHash.of(fields);
				this.chain.append(fields, hash);
				head = new AuditChainStore.Head(fields.position(), hash);
			}
			this.chain.moveHead(organizationId, head);
		});
	}

	private record Pending(long organizationId, Instant occurred, String actor, String action, String entityType,
			long entityId, String details) {
	}

	/**
	 * The events of one transaction, written just before it commits.
	 */
	private final class PendingEvents implements TransactionSynchronization {

		private final List<Pending> events = new ArrayList<>();

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(AuditLog.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(AuditLog.this, this);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			List<Pending> written = List.copyOf(this.events);
			this.events.clear();
			append(written);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
		}

	}

}
