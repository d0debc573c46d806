package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;
import org.vetbill.webhooks.WebhookView;
import org.vetbill.webhooks.Webhooks;

import org.springframework.stereotype.Component;

/**
 * {@code hook/webhook/}: a subscription of the organization (or of one department) to a
 * trigger. {@code url} is the webhook's own link, as on every object; where deliveries go
 * is {@code target_url}. The signing {@code secret} is written too: every webhook
 * endpoint needs the settings permission.
 */
@Component
class WebhookResource extends CloudResource<WebhookView> {

	static final String NAME = "hook/webhook";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "trigger", "name", "active", "target_url", "content_type", "created", "modified")
		.relation("department", "departmentId")
		.build();

	private final Webhooks webhooks;

	WebhookResource(Webhooks webhooks) {
		super(NAME);
		this.webhooks = webhooks;
	}

	@Override
	Counted<WebhookView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.webhooks.search(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<WebhookView> byIds(Caller caller, Collection<Long> ids) {
		return this.webhooks.getAll(caller, ids);
	}

	@Override
	long id(WebhookView webhook) {
		return webhook.id();
	}

	@Override
	List<Relation<WebhookView>> relations() {
		return List.of(new Relation<>("department", DepartmentResource.NAME, (w) -> optional(w.departmentId())));
	}

	@Override
	void write(WebhookView webhook, CloudObject out) {
		out.self(NAME, webhook.id())
			.put("trigger", webhook.trigger())
			.put("name", webhook.name())
			.put("active", webhook.active())
			.link("department", DepartmentResource.NAME, webhook.departmentId())
			.put("target_url", webhook.targetUrl())
			.put("content_type", webhook.contentType())
			.put("secret", webhook.secret())
			.dateTime("created", webhook.created())
			.dateTime("modified", webhook.modified());
	}

}
