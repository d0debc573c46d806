package org.vetbill.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Row4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.time.Timestamps;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.vetbill.shared.db.Tables.WEBHOOK;
import static org.vetbill.shared.db.Tables.WEBHOOK_DELIVERY;

/**
 * The outbox: queues a delivery for every active webhook that subscribes to a change, in
 * the transaction of the change, with one {@code INSERT ... SELECT} whatever the number
 * of changes and webhooks (nothing is written when nobody subscribed). A rolled-back
 * change queues nothing. Once the change is committed, this node's dispatcher is woken so
 * the delivery goes out at once.
 */
@Component
class WebhookOutbox implements ChangeEvents {

	private final DSLContext dsl;

	private final Clock clock;

	private final DispatcherWorker worker;

	WebhookOutbox(DSLContext dsl, Clock clock, DispatcherWorker worker) {
		this.dsl = dsl;
		this.clock = clock;
		this.worker = worker;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(Caller caller, Change... changes) {
		changed(caller, List.of(changes));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(Caller caller, List<Change> changes) {
		Set<Change> distinct = new LinkedHashSet<>(changes);
		if (distinct.isEmpty()) {
			return;
		}
		@SuppressWarnings("unchecked")
		Row4<Short, Long, String, Long>[] rows = distinct.stream().map((change) -> {
			Trigger trigger = Trigger.of(change.kind());
			return DSL.row(DSL.val((short) trigger.code(), SQLDataType.SMALLINT),
					DSL.val(change.departmentId(), SQLDataType.BIGINT),
					DSL.val(trigger.objectType(), SQLDataType.VARCHAR(30)), DSL.val(change.id(), SQLDataType.BIGINT));
		}).toArray(Row4[]::new);
		Table<Record4<Short, Long, String, Long>> events = DSL.values(rows)
			.as("event", "trigger_type", "department_id", "object_type", "object_id");
		Field<Short> trigger = events.field("trigger_type", Short.class);
		Field<Long> department = events.field("department_id", Long.class);
		Field<String> objectType = events.field("object_type", String.class);
		Field<Long> objectId = events.field("object_id", Long.class);
		Instant now = Timestamps.now(this.clock);
		int queued = this.dsl
			.insertInto(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.ORGANIZATION_ID, WEBHOOK_DELIVERY.WEBHOOK_ID,
					WEBHOOK_DELIVERY.TRIGGER_TYPE, WEBHOOK_DELIVERY.OBJECT_TYPE, WEBHOOK_DELIVERY.OBJECT_ID,
					WEBHOOK_DELIVERY.STATE, WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.NEXT_TRY,
					WEBHOOK_DELIVERY.CREATED, WEBHOOK_DELIVERY.MODIFIED)
			.select(DSL
				.select(WEBHOOK.ORGANIZATION_ID, WEBHOOK.ID, WEBHOOK.TRIGGER_TYPE, objectType, objectId,
						DSL.val(DeliveryView.PENDING), DSL.val(0), DSL.val(now, WEBHOOK_DELIVERY.NEXT_TRY),
						DSL.val(now, WEBHOOK_DELIVERY.CREATED), DSL.val(now, WEBHOOK_DELIVERY.MODIFIED))
				.from(WEBHOOK)
				.join(events)
				.on(WEBHOOK.TRIGGER_TYPE.eq(trigger))
				.where(WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()))
				.and(WEBHOOK.ACTIVE.isTrue())
				.and(WEBHOOK.DEPARTMENT_ID.isNull().or(WEBHOOK.DEPARTMENT_ID.eq(department))))
			.execute();
		if (queued > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					WebhookOutbox.this.worker.wakeUp();
				}

			});
		}
	}

}
