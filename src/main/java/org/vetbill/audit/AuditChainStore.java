package org.vetbill.audit;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.AUDIT_CHAIN_HEAD;
import static org.vetbill.shared.db.Tables.AUDIT_EVENT;

/**
 * SQL of the audit chain: the per-organization head row, chained appends and the reads of
 * the verification.
 */
@Repository
class AuditChainStore {

	private final DSLContext dsl;

	AuditChainStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Locks an organization's chain head for the rest of the transaction, creating it at
	 * the genesis when the organization has none yet.
	 * @param organizationId the organization
	 * @return the head as it is
	 */
	Head lockHead(long organizationId) {
		Head head = selectHead(organizationId, true);
		if (head != null) {
			return head;
		}
		this.dsl.insertInto(AUDIT_CHAIN_HEAD)
			.set(AUDIT_CHAIN_HEAD.ORGANIZATION_ID, organizationId)
			.set(AUDIT_CHAIN_HEAD.LAST_SEQ, 0L)
			.set(AUDIT_CHAIN_HEAD.LAST_HASH, AuditHash.GENESIS)
			.onConflictDoNothing()
			.execute();
		Head created = selectHead(organizationId, true);
		if (created == null) {
			throw new IllegalStateException("the audit chain head of organization " + organizationId + " is missing");
		}
		return created;
	}

	/**
	 * An organization's chain head, unlocked.
	 * @param organizationId the organization
	 * @return the head, or null when the organization has no chained event
	 */
	@Nullable Head head(long organizationId) {
		return selectHead(organizationId, false);
	}

	private @Nullable Head selectHead(long organizationId, boolean lock) {
		var query = this.dsl.select(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_HASH)
			.from(AUDIT_CHAIN_HEAD)
			.where(AUDIT_CHAIN_HEAD.ORGANIZATION_ID.eq(organizationId));
		Record found = lock ? query.forUpdate().fetchOne() : query.fetchOne();
		return (found == null) ? null
				: new Head(found.get(AUDIT_CHAIN_HEAD.LAST_SEQ), found.get(AUDIT_CHAIN_HEAD.LAST_HASH));
	}

	/**
	 * Appends a chained event.
	 * @param event the event's fields, with its position and previous hash
	 * @param hash its hash
	 */
	void append(AuditHash.Fields event, String hash) {
		this.dsl.insertInto(AUDIT_EVENT)
			.set(AUDIT_EVENT.ORGANIZATION_ID, event.organizationId())
			.set(AUDIT_EVENT.OCCURRED, event.occurred())
			.set(AUDIT_EVENT.ACTOR, event.actor())
			.set(AUDIT_EVENT.ACTION, event.action())
			.set(AUDIT_EVENT.ENTITY_TYPE, event.entityType())
			.set(AUDIT_EVENT.ENTITY_ID, event.entityId())
			.set(AUDIT_EVENT.DETAILS, event.details())
			.set(AUDIT_EVENT.CHAIN_SEQ, event.position())
			.set(AUDIT_EVENT.PREV_HASH, event.previousHash())
			.set(AUDIT_EVENT.HASH, hash)
			.execute();
	}

	/**
	 * Moves an organization's (locked) head to its new last event.
	 * @param organizationId the organization
	 * @param head the new head
	 */
	void moveHead(long organizationId, Head head) {
		this.dsl.update(AUDIT_CHAIN_HEAD)
			.set(AUDIT_CHAIN_HEAD.LAST_SEQ, head.position())
			.set(AUDIT_CHAIN_HEAD.LAST_HASH, head.hash())
			.where(AUDIT_CHAIN_HEAD.ORGANIZATION_ID.eq(organizationId))
			.execute();
	}

	/**
	 * The organizations that have audit events or a chain head.
	 * @return their ids, ascending
	 */
	List<Long> organizations() {
		return this.dsl.selectDistinct(AUDIT_EVENT.ORGANIZATION_ID)
			.from(AUDIT_EVENT)
			.union(this.dsl.select(AUDIT_CHAIN_HEAD.ORGANIZATION_ID).from(AUDIT_CHAIN_HEAD))
			.fetch(0, Long.class)
			.stream()
			.sorted()
			.toList();
	}

	/**
	 * A batch of an organization's chained events, in chain order.
	 * @param organizationId the organization
	 * @param afterPosition the position after which to start
	 * @param limit the most to read
	 * @return the events
	 */
	List<Stored> chained(long organizationId, long afterPosition, int limit) {
		return this.dsl.selectFrom(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(organizationId))
			.and(AUDIT_EVENT.CHAIN_SEQ.gt(afterPosition))
			.orderBy(AUDIT_EVENT.CHAIN_SEQ)
			.limit(limit)
			.fetch((r) -> new Stored(r.getId(), r.getChainSeq(), r.getPrevHash(), r.getHash(),
					new AuditHash.Fields(r.getOrganizationId(), r.getChainSeq(), r.getOccurred(), r.getActor(),
							r.getAction(), r.getEntityType(), r.getEntityId(), r.getDetails(),
							(r.getPrevHash() == null) ? "" : r.getPrevHash())));
	}

	/**
	 * The first event of an organization outside its chain (no position or no hash), such
	 * as a row written around vetbill.
	 * @param organizationId the organization
	 * @return its id, or null when every event is chained
	 */
	@Nullable Long firstUnchained(long organizationId) {
		return this.dsl.select(AUDIT_EVENT.ID)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ORGANIZATION_ID.eq(organizationId))
			.and(AUDIT_EVENT.CHAIN_SEQ.isNull().or(AUDIT_EVENT.HASH.isNull()).or(AUDIT_EVENT.PREV_HASH.isNull()))
			.orderBy(AUDIT_EVENT.ID)
			.limit(1)
			.fetchOne(AUDIT_EVENT.ID);
	}

	/**
	 * The head of a chain: the position and hash of its last event.
	 *
	 * @param position the last event's position, 0 for an empty chain
	 * @param hash its hash, or {@link AuditHash#GENESIS}
	 */
	record Head(long position, String hash) {
	}

	/**
	 * An event as stored.
	 *
	 * @param id its id
	 * @param position its stored position
	 * @param previousHash the stored previous hash, or null
	 * @param hash the stored hash, or null
	 * @param fields what its hash covers (the stored previous hash included)
	 */
	record Stored(long id, long position, @Nullable String previousHash, @Nullable String hash,
			AuditHash.Fields fields) {
	}

}
