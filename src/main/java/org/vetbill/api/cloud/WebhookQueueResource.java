package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;
import org.vetbill.webhooks.DeliveryView;
import org.vetbill.webhooks.WebhookQueue;

import org.springframework.stereotype.Component;

/**
 * {@code hook/queue/}: the webhook queue and delivery log. Each entry is one event (the
 * trigger that fired and the object it names) for one webhook, with its state
 * ({@code pending}, {@code delivered}, {@code failed}), attempts, the last attempt's
 * time, HTTP status and error, and the next try.
 */
@Component
class WebhookQueueResource extends CloudResource<DeliveryView> {

	static final String NAME = "hook/queue";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "trigger", "object_type", "object_id", "state", "attempts", "last_status", "next_try",
				"last_attempt", "created", "modified")
		.relation("webhook", "webhookId")
		.build();

	private final WebhookQueue queue;

	WebhookQueueResource(WebhookQueue queue) {
		super(NAME);
		this.queue = queue;
	}

	@Override
	Counted<DeliveryView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.queue.search(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<DeliveryView> byIds(Caller caller, Collection<Long> ids) {
		return this.queue.getAll(caller, ids);
	}

	@Override
	long id(DeliveryView delivery) {
		return delivery.id();
	}

	@Override
	List<Relation<DeliveryView>> relations() {
		return List.of(new Relation<>("webhook", WebhookResource.NAME, (d) -> List.of(d.webhookId())));
	}

	@Override
	void write(DeliveryView delivery, CloudObject out) {
		out.self(NAME, delivery.id())
			.link("webhook", WebhookResource.NAME, delivery.webhookId())
			.put("trigger", delivery.trigger())
			.put("object_type", delivery.objectType())
			.put("object_id", delivery.objectId())
			.put("state", delivery.state())
			.put("attempts", delivery.attempts())
			.dateTime("last_attempt", delivery.lastAttempt())
			.put("last_status", delivery.lastStatus())
			.put("last_error", delivery.lastError())
			.dateTime("next_try", delivery.nextTry())
			.dateTime("created", delivery.created())
			.dateTime("modified", delivery.modified());
	}

}
