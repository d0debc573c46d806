package org.vetbill.webhooks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Row4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.db.tables.WebhookDelivery;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.WEBHOOK;
import static org.vetbill.shared.db.Tables.WEBHOOK_DELIVERY;

/**
 * SQL for the webhook queue, which is also the delivery log: queueing the deliveries of
 * changes, holding and releasing a webhook's queue, the filters of the log, and the
 * statements with which the nodes' dispatchers share the queue by leases. The
 * dispatchers' statements are each meant to commit on their own, outside any transaction.
 */
@Repository
class DeliveryStore {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", WEBHOOK_DELIVERY.ID)
		.id("webhookId", WEBHOOK_DELIVERY.WEBHOOK_ID)
		.integer("trigger", WEBHOOK_DELIVERY.TRIGGER_TYPE)
		.text("objectType", WEBHOOK_DELIVERY.OBJECT_TYPE)
		.id("objectId", WEBHOOK_DELIVERY.OBJECT_ID)
		.text("state", WEBHOOK_DELIVERY.STATE)
		.integer("attempts", WEBHOOK_DELIVERY.ATTEMPTS)
		.integer("lastStatus", WEBHOOK_DELIVERY.LAST_STATUS)
		.dateTime("nextTry", WEBHOOK_DELIVERY.NEXT_TRY)
		.dateTime("lastAttempt", WEBHOOK_DELIVERY.LAST_ATTEMPT)
		.dateTime("created", WEBHOOK_DELIVERY.CREATED)
		.dateTime("modified", WEBHOOK_DELIVERY.MODIFIED)
		.build();

	private final DSLContext dsl;

	DeliveryStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A change to queue for the webhooks that subscribe to its trigger.
	 *
	 * @param trigger the trigger number
	 * @param departmentId the changed record's department
	 * @param objectType the object a delivery names
	 * @param objectId the changed record's id
	 */
	record Event(int trigger, long departmentId, String objectType, long objectId) {
	}

	/**
	 * A due delivery, with what an attempt needs of its webhook.
	 *
	 * @param organizationId the tenant
	 * @param id the delivery
	 * @param attempts the attempts made so far
	 * @param webhookId the webhook
	 * @param objectType the changed object's type
	 * @param objectId the changed object's id
	 * @param targetUrl where to post
	 * @param contentType 1 form, 2 JSON
	 * @param secret the signing secret
	 * @param previousSecret the secret it replaced, or null
	 * @param previousSecretUntil until when that one signs too, or null
	 * @param actor who made the change, or null when not recorded
	 * @param changed when the change was made
	 */
	record Due(long organizationId, long id, int attempts, long webhookId, String objectType, long objectId,
			String targetUrl, int contentType, String secret, @Nullable String previousSecret,
			@Nullable Instant previousSecretUntil, @Nullable String actor, Instant changed) {

		@Override
		public String toString() {
			return "Due[delivery=" + this.id + ", attempts=" + this.attempts + "]";
		}

	}

	/**
	 * Queues a pending delivery of each event for every active webhook of the
	 * organization that subscribes to its trigger, for all departments or the event's,
	 * with one {@code INSERT ... SELECT}.
	 * @param organizationId the organization
	 * @param actor who made the changes, as the audit log records it
	 * @param events the events, at least one
	 * @param now the time of the changes, when the deliveries are due
	 * @return how many deliveries were queued
	 */
	int enqueue(long organizationId, String actor, Collection<Event> events, Instant now) {
		@SuppressWarnings("unchecked")
		Row4<Short, Long, String, Long>[] rows = events.stream()
			.map((event) -> DSL.row(DSL.val((short) event.trigger(), SQLDataType.SMALLINT),
					DSL.val(event.departmentId(), SQLDataType.BIGINT),
					DSL.val(event.objectType(), SQLDataType.VARCHAR(30)),
					DSL.val(event.objectId(), SQLDataType.BIGINT)))
			.toArray(Row4[]::new);
		Table<Record4<Short, Long, String, Long>> values = DSL.values(rows)
			.as("event", "trigger_type", "department_id", "object_type", "object_id");
		Field<Short> trigger = values.field("trigger_type", Short.class);
		Field<Long> department = values.field("department_id", Long.class);
		Field<String> objectType = values.field("object_type", String.class);
		Field<Long> objectId = values.field("object_id", Long.class);
		return this.dsl
			.insertInto(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.ORGANIZATION_ID, WEBHOOK_DELIVERY.WEBHOOK_ID,
					WEBHOOK_DELIVERY.TRIGGER_TYPE, WEBHOOK_DELIVERY.OBJECT_TYPE, WEBHOOK_DELIVERY.OBJECT_ID,
					WEBHOOK_DELIVERY.STATE, WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.NEXT_TRY,
					WEBHOOK_DELIVERY.CREATED, WEBHOOK_DELIVERY.MODIFIED, WEBHOOK_DELIVERY.ACTOR)
			.select(DSL
				.select(WEBHOOK.ORGANIZATION_ID, WEBHOOK.ID, WEBHOOK.TRIGGER_TYPE, objectType, objectId,
						DSL.val(DeliveryView.PENDING), DSL.val(0), DSL.val(now, WEBHOOK_DELIVERY.NEXT_TRY),
						DSL.val(now, WEBHOOK_DELIVERY.CREATED), DSL.val(now, WEBHOOK_DELIVERY.MODIFIED),
						DSL.val(actor, WEBHOOK_DELIVERY.ACTOR))
				.from(WEBHOOK)
				.join(values)
				.on(WEBHOOK.TRIGGER_TYPE.eq(trigger))
				.where(WEBHOOK.ORGANIZATION_ID.eq(organizationId))
				.and(WEBHOOK.ACTIVE.isTrue())
				.and(WEBHOOK.DEPARTMENT_ID.isNull().or(WEBHOOK.DEPARTMENT_ID.eq(department))))
			.execute();
	}

	/**
	 * Sets the next try of a webhook's pending deliveries.
	 * @param caller the caller
	 * @param webhookId the webhook
	 * @param nextTry when they are due, or null to hold them
	 * @param now the time
	 */
	void reschedulePending(Caller caller, long webhookId, @Nullable Instant nextTry, Instant now) {
		this.dsl.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.NEXT_TRY, nextTry)
			.set(WEBHOOK_DELIVERY.MODIFIED, now)
			.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId))
			.and(WEBHOOK_DELIVERY.STATE.eq(DeliveryView.PENDING))
			.execute();
	}

	void deleteOfWebhook(Caller caller, long webhookId) {
		this.dsl.deleteFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId))
			.execute();
	}

	/**
	 * A page of the organization's deliveries that match the criteria, by id.
	 * @param caller the caller
	 * @param criteria the filters
	 * @param zone the organization's time zone, for date filters
	 * @param page the page
	 * @return the page and the count of all that match
	 */
	Counted<DeliveryView> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return ListQueries.page(this.dsl, WEBHOOK_DELIVERY,
				WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				FILTERS.order(order, WEBHOOK_DELIVERY.ID), page, DeliveryStore::map);
	}

	List<DeliveryView> getAll(Caller caller, Collection<Long> ids) {
		return this.dsl.selectFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK_DELIVERY.ID.in(ids))
			.orderBy(WEBHOOK_DELIVERY.ID)
			.fetch(DeliveryStore::map);
	}

	/**
	 * Removes the deliveries of every organization that ended (delivered or given up)
	 * before a time; pending ones stay.
	 * @param before the time
	 * @return how many were removed
	 */
	/**
	 * How many deliveries of every organization are in a state.
	 * @param state pending, delivered or failed
	 * @return the number
	 */
	int countInState(String state) {
		return this.dsl.fetchCount(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.STATE.eq(state));
	}

	int deleteEndedBefore(Instant before) {
		return this.dsl.deleteFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.STATE.in(DeliveryView.DELIVERED, DeliveryView.FAILED))
			.and(WEBHOOK_DELIVERY.MODIFIED.lt(before))
			.execute();
	}

	/**
	 * Reads up to {@code max} deliveries that are due at {@code now}, of every
	 * organization, oldest next try first: pending, of an active webhook, unleased (or
	 * their lease ran out), and with no earlier delivery for the same webhook and object
	 * still pending. Reading them claims nothing.
	 * @param max how many at most
	 * @param now the time
	 * @return the deliveries
	 */
	List<Due> due(int max, Instant now) {
		WebhookDelivery earlier = WEBHOOK_DELIVERY.as("earlier");
		return this.dsl
			.select(WEBHOOK_DELIVERY.ORGANIZATION_ID, WEBHOOK_DELIVERY.ID, WEBHOOK_DELIVERY.ATTEMPTS,
					WEBHOOK_DELIVERY.WEBHOOK_ID, WEBHOOK_DELIVERY.OBJECT_TYPE, WEBHOOK_DELIVERY.OBJECT_ID,
					WEBHOOK.TARGET_URL, WEBHOOK.CONTENT_TYPE, WEBHOOK.SECRET, WEBHOOK.PREVIOUS_SECRET,
					WEBHOOK.PREVIOUS_SECRET_UNTIL, WEBHOOK_DELIVERY.ACTOR, WEBHOOK_DELIVERY.CREATED)
			.from(WEBHOOK_DELIVERY)
			.join(WEBHOOK)
			.on(WEBHOOK.ORGANIZATION_ID.eq(WEBHOOK_DELIVERY.ORGANIZATION_ID))
			.and(WEBHOOK.ID.eq(WEBHOOK_DELIVERY.WEBHOOK_ID))
			.where(WEBHOOK_DELIVERY.NEXT_TRY.le(now))
			.and(WEBHOOK_DELIVERY.STATE.eq(DeliveryView.PENDING))
			.and(WEBHOOK_DELIVERY.LEASE_UNTIL.isNull().or(WEBHOOK_DELIVERY.LEASE_UNTIL.le(now)))
			.and(WEBHOOK.ACTIVE.isTrue())
			.andNotExists(this.dsl.selectOne()
				.from(earlier)
				.where(earlier.ORGANIZATION_ID.eq(WEBHOOK_DELIVERY.ORGANIZATION_ID))
				.and(earlier.WEBHOOK_ID.eq(WEBHOOK_DELIVERY.WEBHOOK_ID))
				.and(earlier.OBJECT_TYPE.eq(WEBHOOK_DELIVERY.OBJECT_TYPE))
				.and(earlier.OBJECT_ID.eq(WEBHOOK_DELIVERY.OBJECT_ID))
				.and(earlier.ID.lt(WEBHOOK_DELIVERY.ID))
				.and(earlier.STATE.eq(DeliveryView.PENDING)))
			.orderBy(WEBHOOK_DELIVERY.NEXT_TRY, WEBHOOK_DELIVERY.ID)
			.limit(max)
			.fetch((r) -> new Due(r.get(WEBHOOK_DELIVERY.ORGANIZATION_ID), r.get(WEBHOOK_DELIVERY.ID),
					r.get(WEBHOOK_DELIVERY.ATTEMPTS), r.get(WEBHOOK_DELIVERY.WEBHOOK_ID),
					r.get(WEBHOOK_DELIVERY.OBJECT_TYPE), r.get(WEBHOOK_DELIVERY.OBJECT_ID), r.get(WEBHOOK.TARGET_URL),
					r.get(WEBHOOK.CONTENT_TYPE), r.get(WEBHOOK.SECRET), r.get(WEBHOOK.PREVIOUS_SECRET),
					r.get(WEBHOOK.PREVIOUS_SECRET_UNTIL), r.get(WEBHOOK_DELIVERY.ACTOR),
					r.get(WEBHOOK_DELIVERY.CREATED)));
	}

	/**
	 * Takes the lease of one attempt with a conditional update that applies only while
	 * the delivery is still pending, unleased (or its lease ran out) and at the attempt
	 * count that was read, so exactly one node wins it.
	 * @param node who takes it
	 * @param organizationId the tenant
	 * @param id the delivery
	 * @param attempts the attempts made so far, as read
	 * @param leaseUntil until when the lease holds
	 * @param now the time
	 * @return whether this node won it
	 * @throws org.springframework.dao.DataAccessException when another node changed the
	 * row at the same moment (H2 may say so instead of waiting)
	 */
	boolean reserve(String node, long organizationId, long id, int attempts, Instant leaseUntil, Instant now) {
		return this.dsl.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.ATTEMPTS, attempts + 1)
			.set(WEBHOOK_DELIVERY.LEASE_OWNER, node)
			.set(WEBHOOK_DELIVERY.LEASE_UNTIL, leaseUntil)
			.set(WEBHOOK_DELIVERY.MODIFIED, now)
			.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(organizationId))
			.and(WEBHOOK_DELIVERY.ID.eq(id))
			.and(WEBHOOK_DELIVERY.STATE.eq(DeliveryView.PENDING))
			.and(WEBHOOK_DELIVERY.ATTEMPTS.eq(attempts))
			.and(WEBHOOK_DELIVERY.LEASE_UNTIL.isNull().or(WEBHOOK_DELIVERY.LEASE_UNTIL.le(now)))
			.execute() == 1;
	}

	/**
	 * Writes how an attempt went and releases its lease, if the node still holds it at
	 * that attempt. A pending delivery of a webhook that was deactivated meanwhile gets
	 * no next try, as its queue is held.
	 * @param node the node that holds the lease
	 * @param organizationId the tenant
	 * @param id the delivery
	 * @param attempt which attempt it was
	 * @param state the delivery's state after it
	 * @param nextTry when it is due again, or null
	 * @param at when the attempt was made
	 * @param status the HTTP status, or null
	 * @param error why it failed, or null
	 * @param now the time
	 * @return how many deliveries were written: 1, or 0 when the lease was lost
	 */
	int recordAttempt(String node, long organizationId, long id, int attempt, String state, @Nullable Instant nextTry,
			Instant at, @Nullable Integer status, @Nullable String error, Instant now) {
		Field<Instant> next = DSL
			.when(DSL.exists(DSL.selectOne()
				.from(WEBHOOK)
				.where(WEBHOOK.ORGANIZATION_ID.eq(WEBHOOK_DELIVERY.ORGANIZATION_ID))
				.and(WEBHOOK.ID.eq(WEBHOOK_DELIVERY.WEBHOOK_ID))
				.and(WEBHOOK.ACTIVE.isTrue())), DSL.val(nextTry, WEBHOOK_DELIVERY.NEXT_TRY))
			.otherwise(DSL.castNull(WEBHOOK_DELIVERY.NEXT_TRY));
		return this.dsl.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.STATE, state)
			.set(WEBHOOK_DELIVERY.NEXT_TRY, next)
			.set(WEBHOOK_DELIVERY.LAST_ATTEMPT, at)
			.set(WEBHOOK_DELIVERY.LAST_STATUS, status)
			.set(WEBHOOK_DELIVERY.LAST_ERROR, error)
			.setNull(WEBHOOK_DELIVERY.LEASE_OWNER)
			.setNull(WEBHOOK_DELIVERY.LEASE_UNTIL)
			.set(WEBHOOK_DELIVERY.MODIFIED, now)
			.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(organizationId))
			.and(WEBHOOK_DELIVERY.ID.eq(id))
			.and(WEBHOOK_DELIVERY.LEASE_OWNER.eq(node))
			.and(WEBHOOK_DELIVERY.ATTEMPTS.eq(attempt))
			.execute();
	}

	private static DeliveryView map(Record r) {
		return new DeliveryView(r.get(WEBHOOK_DELIVERY.ID), r.get(WEBHOOK_DELIVERY.WEBHOOK_ID),
				r.get(WEBHOOK_DELIVERY.TRIGGER_TYPE), r.get(WEBHOOK_DELIVERY.OBJECT_TYPE),
				r.get(WEBHOOK_DELIVERY.OBJECT_ID), r.get(WEBHOOK_DELIVERY.STATE), r.get(WEBHOOK_DELIVERY.ATTEMPTS),
				r.get(WEBHOOK_DELIVERY.NEXT_TRY), r.get(WEBHOOK_DELIVERY.LAST_ATTEMPT),
				r.get(WEBHOOK_DELIVERY.LAST_STATUS), r.get(WEBHOOK_DELIVERY.LAST_ERROR),
				r.get(WEBHOOK_DELIVERY.CREATED), r.get(WEBHOOK_DELIVERY.MODIFIED));
	}

}
