package org.vetbill.documents.sending;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE_SENDING;

/**
 * SQL for the sending queue, which is also the record of every sending: recording one in
 * the request's transaction, listing an invoice's, and the statements with which the
 * nodes' workers share the queue by leases. The workers' statements are each meant to
 * commit on their own, outside any transaction.
 */
@Repository
class SendingStore {

	private final DSLContext dsl;

	SendingStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A sending to record.
	 *
	 * @param invoiceId the invoice or credit note
	 * @param channel how
	 * @param recipient to whom
	 * @param language the message's language
	 * @param messageId the Message-ID every attempt's email carries
	 */
	record NewSending(long invoiceId, Channel channel, String recipient, String language, String messageId) {
	}

	/**
	 * A sending that is due, as a worker reads it.
	 *
	 * @param organizationId the tenant
	 * @param id the sending
	 * @param attempts the attempts made so far
	 * @param invoiceId the invoice or credit note
	 * @param channel how
	 * @param recipient to whom
	 * @param language the message's language
	 * @param messageId the Message-ID of its email
	 * @param requestedBy who asked for it
	 */
	record Due(long organizationId, long id, int attempts, long invoiceId, Channel channel, String recipient,
			String language, String messageId, String requestedBy) {
	}

	/**
	 * Records a pending sending, due at once.
	 * @param caller who asks
	 * @param sending what to send
	 * @param now the time
	 * @return the sending's id
	 */
	long insert(Caller caller, NewSending sending, Instant now) {
		return this.dsl.insertInto(INVOICE_SENDING, INVOICE_SENDING.ORGANIZATION_ID, INVOICE_SENDING.INVOICE_ID,
				INVOICE_SENDING.CHANNEL, INVOICE_SENDING.RECIPIENT, INVOICE_SENDING.LANGUAGE, INVOICE_SENDING.STATUS,
				INVOICE_SENDING.ATTEMPTS, INVOICE_SENDING.NEXT_ATTEMPT, INVOICE_SENDING.MESSAGE_ID,
				INVOICE_SENDING.REQUESTED_BY, INVOICE_SENDING.CREATED, INVOICE_SENDING.MODIFIED)
			.values(caller.organizationId(), sending.invoiceId(), sending.channel().name(), sending.recipient(),
					sending.language(), SendingStatus.PENDING.name(), 0, now, sending.messageId(), caller.actor(), now,
					now)
			.returningResult(INVOICE_SENDING.ID)
			.fetchSingle()
			.value1();
	}

	@Nullable SendingView find(Caller caller, long id) {
		return this.dsl.selectFrom(INVOICE_SENDING)
			.where(INVOICE_SENDING.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_SENDING.ID.eq(id))
			.fetchOne(SendingStore::map);
	}

	List<SendingView> ofInvoice(Caller caller, long invoiceId) {
		return this.dsl.selectFrom(INVOICE_SENDING)
			.where(INVOICE_SENDING.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_SENDING.INVOICE_ID.eq(invoiceId))
			.orderBy(INVOICE_SENDING.ID)
			.fetch(SendingStore::map);
	}

	/**
	 * Reads up to {@code max} sendings of every organization that are due at {@code now},
	 * oldest first: pending and unleased (or their lease ran out). Reading them claims
	 * nothing.
	 * @param max how many at most
	 * @param now the time
	 * @return the sendings
	 */
	List<Due> due(int max, Instant now) {
		return this.dsl
			.select(INVOICE_SENDING.ORGANIZATION_ID, INVOICE_SENDING.ID, INVOICE_SENDING.ATTEMPTS,
					INVOICE_SENDING.INVOICE_ID, INVOICE_SENDING.CHANNEL, INVOICE_SENDING.RECIPIENT,
					INVOICE_SENDING.LANGUAGE, INVOICE_SENDING.MESSAGE_ID, INVOICE_SENDING.REQUESTED_BY)
			.from(INVOICE_SENDING)
			.where(INVOICE_SENDING.NEXT_ATTEMPT.le(now))
			.and(INVOICE_SENDING.STATUS.eq(SendingStatus.PENDING.name()))
			.and(INVOICE_SENDING.LEASE_UNTIL.isNull().or(INVOICE_SENDING.LEASE_UNTIL.le(now)))
			.orderBy(INVOICE_SENDING.NEXT_ATTEMPT, INVOICE_SENDING.ID)
			.limit(max)
			.fetch((r) -> new Due(r.get(INVOICE_SENDING.ORGANIZATION_ID), r.get(INVOICE_SENDING.ID),
					r.get(INVOICE_SENDING.ATTEMPTS), r.get(INVOICE_SENDING.INVOICE_ID),
					Channel.valueOf(r.get(INVOICE_SENDING.CHANNEL)), r.get(INVOICE_SENDING.RECIPIENT),
					r.get(INVOICE_SENDING.LANGUAGE), r.get(INVOICE_SENDING.MESSAGE_ID),
					r.get(INVOICE_SENDING.REQUESTED_BY)));
	}

	/**
	 * Takes the lease of one attempt with a conditional update that applies only while
	 * the sending is still pending, unleased (or its lease ran out) and at the attempt
	 * count that was read, so exactly one node wins it.
	 * @param node who takes it
	 * @param organizationId the tenant
	 * @param id the sending
	 * @param attempts the attempts made so far, as read
	 * @param leaseUntil until when the lease holds
	 * @param now the time
	 * @return whether this node won it
	 * @throws org.springframework.dao.DataAccessException when another node changed the
	 * row at the same moment (H2 may say so instead of waiting)
	 */
	boolean reserve(String node, long organizationId, long id, int attempts, Instant leaseUntil, Instant now) {
		return this.dsl.update(INVOICE_SENDING)
			.set(INVOICE_SENDING.ATTEMPTS, attempts + 1)
			.set(INVOICE_SENDING.LEASE_OWNER, node)
			.set(INVOICE_SENDING.LEASE_UNTIL, leaseUntil)
			.set(INVOICE_SENDING.MODIFIED, now)
			.where(INVOICE_SENDING.ORGANIZATION_ID.eq(organizationId))
			.and(INVOICE_SENDING.ID.eq(id))
			.and(INVOICE_SENDING.STATUS.eq(SendingStatus.PENDING.name()))
			.and(INVOICE_SENDING.ATTEMPTS.eq(attempts))
			.and(INVOICE_SENDING.LEASE_UNTIL.isNull().or(INVOICE_SENDING.LEASE_UNTIL.le(now)))
			.execute() == 1;
	}

	/**
	 * Writes how an attempt went and releases its lease, if the node still holds it at
	 * that attempt.
	 * @param node the node that holds the lease
	 * @param organizationId the tenant
	 * @param id the sending
	 * @param attempt which attempt it was
	 * @param status the sending's status after it
	 * @param nextAttempt when it is due again, or null
	 * @param at when the attempt was made
	 * @param error why it failed, or null
	 * @param now the time
	 * @return how many sendings were written: 1, or 0 when the lease was lost
	 */
	int recordAttempt(String node, long organizationId, long id, int attempt, SendingStatus status,
			@Nullable Instant nextAttempt, Instant at, @Nullable String error, Instant now) {
		return this.dsl.update(INVOICE_SENDING)
			.set(INVOICE_SENDING.STATUS, status.name())
			.set(INVOICE_SENDING.NEXT_ATTEMPT, nextAttempt)
			.set(INVOICE_SENDING.LAST_ATTEMPT, at)
			.set(INVOICE_SENDING.LAST_ERROR, error)
			.set(INVOICE_SENDING.SENT, (status == SendingStatus.SENT) ? at : null)
			.setNull(INVOICE_SENDING.LEASE_OWNER)
			.setNull(INVOICE_SENDING.LEASE_UNTIL)
			.set(INVOICE_SENDING.MODIFIED, now)
			.where(INVOICE_SENDING.ORGANIZATION_ID.eq(organizationId))
			.and(INVOICE_SENDING.ID.eq(id))
			.and(INVOICE_SENDING.LEASE_OWNER.eq(node))
			.and(INVOICE_SENDING.ATTEMPTS.eq(attempt))
			.execute();
	}

	private static SendingView map(Record r) {
		return new SendingView(r.get(INVOICE_SENDING.ID), r.get(INVOICE_SENDING.INVOICE_ID),
				Channel.valueOf(r.get(INVOICE_SENDING.CHANNEL)), r.get(INVOICE_SENDING.RECIPIENT),
				r.get(INVOICE_SENDING.LANGUAGE), SendingStatus.valueOf(r.get(INVOICE_SENDING.STATUS)),
				r.get(INVOICE_SENDING.ATTEMPTS), r.get(INVOICE_SENDING.NEXT_ATTEMPT),
				r.get(INVOICE_SENDING.LAST_ATTEMPT), r.get(INVOICE_SENDING.LAST_ERROR),
				r.get(INVOICE_SENDING.REQUESTED_BY), r.get(INVOICE_SENDING.CREATED), r.get(INVOICE_SENDING.SENT));
	}

}
