package org.vetbill.webhooks;

import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.WEBHOOK_DELIVERY;

/**
 * The webhook queue, which is also the delivery log: every event queued for a webhook,
 * its attempts, the last answer and the next try.
 */
@Service
public class WebhookQueue {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", WEBHOOK_DELIVERY.ID)
		.relation("webhook", WEBHOOK_DELIVERY.WEBHOOK_ID)
		.integer("trigger", WEBHOOK_DELIVERY.TRIGGER_TYPE)
		.text("object_type", WEBHOOK_DELIVERY.OBJECT_TYPE)
		.id("object_id", WEBHOOK_DELIVERY.OBJECT_ID)
		.text("state", WEBHOOK_DELIVERY.STATE)
		.integer("attempts", WEBHOOK_DELIVERY.ATTEMPTS)
		.integer("last_status", WEBHOOK_DELIVERY.LAST_STATUS)
		.dateTime("next_try", WEBHOOK_DELIVERY.NEXT_TRY)
		.dateTime("last_attempt", WEBHOOK_DELIVERY.LAST_ATTEMPT)
		.dateTime("created", WEBHOOK_DELIVERY.CREATED)
		.dateTime("modified", WEBHOOK_DELIVERY.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final Organizations organizations;

	WebhookQueue(DSLContext dsl, Organizations organizations) {
		this.dsl = dsl;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public Counted<DeliveryView> search(Caller caller, Criteria criteria, OffsetPage page) {
		return ListQueries.page(this.dsl, WEBHOOK_DELIVERY,
				WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(caller.organizationId())
					.and(FILTERS.condition(criteria, this.organizations.get(caller.organizationId()).zone())),
				List.of(WEBHOOK_DELIVERY.ID.asc()), page, WebhookQueue::map);
	}

	@Transactional(readOnly = true)
	public List<DeliveryView> getAll(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.dsl.selectFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK_DELIVERY.ID.in(ids))
			.orderBy(WEBHOOK_DELIVERY.ID)
			.fetch(WebhookQueue::map);
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
