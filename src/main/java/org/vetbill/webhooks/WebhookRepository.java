package org.vetbill.webhooks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.vetbill.shared.Caller;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.WEBHOOK;

/**
 * SQL for webhooks, each statement scoped to the caller's organization, and the filters
 * their list accepts.
 */
@Repository
class WebhookRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", WEBHOOK.ID)
		.integer("trigger", WEBHOOK.TRIGGER_TYPE)
		.text("name", WEBHOOK.NAME)
		.bool("active", WEBHOOK.ACTIVE)
		.id("departmentId", WEBHOOK.DEPARTMENT_ID)
		.text("targetUrl", WEBHOOK.TARGET_URL)
		.integer("contentType", WEBHOOK.CONTENT_TYPE)
		.dateTime("created", WEBHOOK.CREATED)
		.dateTime("modified", WEBHOOK.MODIFIED)
		.build();

	private final DSLContext dsl;

	WebhookRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	long insert(Caller caller, WebhookSettings settings, String secret, Instant now) {
		return this.dsl.insertInto(WEBHOOK)
			.set(WEBHOOK.ORGANIZATION_ID, caller.organizationId())
			.set(WEBHOOK.TRIGGER_TYPE, (short) settings.trigger())
			.set(WEBHOOK.NAME, settings.name())
			.set(WEBHOOK.ACTIVE, settings.active())
			.set(WEBHOOK.DEPARTMENT_ID, settings.departmentId())
			.set(WEBHOOK.TARGET_URL, settings.targetUrl())
			.set(WEBHOOK.CONTENT_TYPE, (short) settings.contentType())
			.set(WEBHOOK.SECRET, secret)
			.set(WEBHOOK.CREATED, now)
			.set(WEBHOOK.MODIFIED, now)
			.returningResult(WEBHOOK.ID)
			.fetchSingle()
			.value1();
	}

	/**
	 * Writes all of a webhook's settings; its secret stays.
	 * @param caller the caller
	 * @param id the webhook
	 * @param settings its new settings
	 * @param now the time
	 */
	void update(Caller caller, long id, WebhookSettings settings, Instant now) {
		this.dsl.update(WEBHOOK)
			.set(WEBHOOK.TRIGGER_TYPE, (short) settings.trigger())
			.set(WEBHOOK.NAME, settings.name())
			.set(WEBHOOK.ACTIVE, settings.active())
			.set(WEBHOOK.DEPARTMENT_ID, settings.departmentId())
			.set(WEBHOOK.TARGET_URL, settings.targetUrl())
			.set(WEBHOOK.CONTENT_TYPE, (short) settings.contentType())
			.set(WEBHOOK.MODIFIED, now)
			.where(WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK.ID.eq(id))
			.execute();
	}

	/**
	 * Replaces a webhook's signing secret, keeping the one it replaces until a given
	 * time.
	 * @param caller the caller
	 * @param id the webhook
	 * @param secret the new secret
	 * @param previous the secret it replaces
	 * @param previousUntil until when the previous one still signs
	 * @param now the time
	 */
	void replaceSecret(Caller caller, long id, String secret, String previous, Instant previousUntil, Instant now) {
		this.dsl.update(WEBHOOK)
			.set(WEBHOOK.PREVIOUS_SECRET, previous)
			.set(WEBHOOK.PREVIOUS_SECRET_UNTIL, previousUntil)
			.set(WEBHOOK.SECRET, secret)
			.set(WEBHOOK.MODIFIED, now)
			.where(WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK.ID.eq(id))
			.execute();
	}

	void delete(Caller caller, long id) {
		this.dsl.deleteFrom(WEBHOOK)
			.where(WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK.ID.eq(id))
			.execute();
	}

	Optional<WebhookView> find(Caller caller, long id) {
		return this.dsl.selectFrom(WEBHOOK)
			.where(WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK.ID.eq(id))
			.fetchOptional(WebhookRepository::map);
	}

	/**
	 * A webhook, locked until the transaction ends.
	 * @param caller the caller
	 * @param id the webhook
	 * @return the webhook, or empty when the organization has no such webhook
	 */
	Optional<WebhookView> lock(Caller caller, long id) {
		return this.dsl.selectFrom(WEBHOOK)
			.where(WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK.ID.eq(id))
			.forUpdate()
			.fetchOptional(WebhookRepository::map);
	}

	List<WebhookView> getAll(Caller caller, Collection<Long> ids) {
		return this.dsl.selectFrom(WEBHOOK)
			.where(WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(WEBHOOK.ID.in(ids))
			.orderBy(WEBHOOK.ID)
			.fetch(WebhookRepository::map);
	}

	/**
	 * A page of the organization's webhooks that match the criteria, by id.
	 * @param caller the caller
	 * @param criteria the filters
	 * @param zone the organization's time zone, for date filters
	 * @param page the page
	 * @return the page and the count of all that match
	 */
	Counted<WebhookView> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return ListQueries.page(this.dsl, WEBHOOK,
				WEBHOOK.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				FILTERS.order(order, WEBHOOK.ID), page, WebhookRepository::map);
	}

	private static WebhookView map(Record r) {
		return new WebhookView(r.get(WEBHOOK.ID), r.get(WEBHOOK.TRIGGER_TYPE), r.get(WEBHOOK.NAME),
				r.get(WEBHOOK.ACTIVE), r.get(WEBHOOK.DEPARTMENT_ID), r.get(WEBHOOK.TARGET_URL),
				r.get(WEBHOOK.CONTENT_TYPE), r.get(WEBHOOK.SECRET), r.get(WEBHOOK.CREATED), r.get(WEBHOOK.MODIFIED));
	}

}
