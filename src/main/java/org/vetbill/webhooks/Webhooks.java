package org.vetbill.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.net.OutboundGuard;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's webhooks: which trigger each one subscribes to, for which department,
 * where and how deliveries are posted, and its signing secret. Deactivating a webhook
 * stops queueing changes for it and holds what is already queued; activating it again
 * releases that.
 */
@Service
public class Webhooks {

	private static final int MAX_URL = 2000;

	private static final int MAX_NAME = 200;

	private final WebhookRepository webhooks;

	private final DeliveryStore deliveries;

	private final Departments departments;

	private final Organizations organizations;

	private final AuditLog audit;

	private final WebhookProperties properties;

	private final Clock clock;

	private final OutboundGuard guard;

	Webhooks(WebhookRepository webhooks, DeliveryStore deliveries, Departments departments, Organizations organizations,
			AuditLog audit, WebhookProperties properties, Clock clock, OutboundGuard guard) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.departments = departments;
		this.organizations = organizations;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.guard = guard;
	}

	/**
	 * Creates a webhook with a new signing secret.
	 * @param caller the caller
	 * @param settings the webhook
	 * @return the webhook, with its secret
	 */
	@Transactional
	public WebhookView create(Caller caller, WebhookSettings settings) {
		check(caller, settings);
		Instant now = Timestamps.now(this.clock);
		long id = this.webhooks.insert(caller, settings, Signatures.newSecret(), now);
		WebhookView created = get(caller, id);
		this.audit.record(caller, "webhook.created", "webhook", id, null, settings);
		return created;
	}

	/**
	 * Changes all of a webhook's settings. Its secret stays.
	 * @param caller the caller
	 * @param id the webhook
	 * @param settings its new settings
	 * @return the webhook
	 */
	@Transactional
	public WebhookView update(Caller caller, long id, WebhookSettings settings) {
		WebhookView before = lock(caller, id);
		check(caller, settings);
		if (WebhookSettings.of(before).equals(settings)) {
			return before;
		}
		Instant now = Timestamps.now(this.clock);
		this.webhooks.update(caller, id, settings, now);
		if (before.active() != settings.active()) {
			holdOrRelease(caller, id, settings.active(), now);
		}
		WebhookView after = get(caller, id);
		this.audit.record(caller, "webhook.updated", "webhook", id, WebhookSettings.of(before), settings);
		return after;
	}

	/**
	 * Deletes a webhook and its queue.
	 * @param caller the caller
	 * @param id the webhook
	 */
	@Transactional
	public void delete(Caller caller, long id) {
		WebhookView before = lock(caller, id);
		this.deliveries.deleteOfWebhook(caller, id);
		this.webhooks.delete(caller, id);
		this.audit.record(caller, "webhook.deleted", "webhook", id, WebhookSettings.of(before), null);
	}

	/**
	 * Gives a webhook a new signing secret. The previous one keeps signing deliveries too
	 * (a second signature in {@code webhook-signature}) for
	 * {@code vetbill.webhooks.secret-overlap}, so a receiver can switch without losing a
	 * delivery.
	 * @param caller the caller
	 * @param id the webhook
	 * @return the webhook, with its new secret
	 */
	@Transactional
	public WebhookView rotateSecret(Caller caller, long id) {
		WebhookView before = lock(caller, id);
		Instant now = Timestamps.now(this.clock);
		this.webhooks.replaceSecret(caller, id, Signatures.newSecret(), before.secret(),
				now.plus(this.properties.secretOverlap()), now);
		this.audit.record(caller, "webhook.secret_rotated", "webhook", id, null, null);
		return get(caller, id);
	}

	@Transactional(readOnly = true)
	public WebhookView get(Caller caller, long id) {
		return this.webhooks.find(caller, id).orElseThrow(() -> new NotFound("webhook", id));
	}

	@Transactional(readOnly = true)
	public List<WebhookView> getAll(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.webhooks.getAll(caller, ids);
	}

	@Transactional(readOnly = true)
	public Counted<WebhookView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.webhooks.search(caller, criteria, this.organizations.get(caller.organizationId()).zone(), order,
				page);
	}

	private WebhookView lock(Caller caller, long id) {
		return this.webhooks.lock(caller, id).orElseThrow(() -> new NotFound("webhook", id));
	}

	/**
	 * Holds a deactivated webhook's pending deliveries (no next try, so the dispatchers
	 * never look at them), or makes them due at once when it is activated again.
	 */
	private void holdOrRelease(Caller caller, long id, boolean active, Instant now) {
		this.deliveries.reschedulePending(caller, id, active ? now : null, now);
	}

	/**
	 * Checks the settings a webhook is given; an error names the setting's property
	 * ({@code departmentId}, {@code targetUrl}).
	 */
	private void check(Caller caller, WebhookSettings settings) {
		List<FieldError> problems = new ArrayList<>();
		if (Trigger.ofCode(settings.trigger()) == null) {
			problems.add(FieldError.of("trigger", "webhook_trigger_choice", "trigger", settings.trigger(), "triggers",
					Trigger.CODES));
		}
		if (settings.name().length() > MAX_NAME) {
			problems.add(FieldError.of("name", "too_long", "max", MAX_NAME));
		}
		Long department = settings.departmentId();
		if (department != null && !this.departments.exists(caller, department)) {
			problems.add(FieldError.of("departmentId", "webhook_department_unknown", "department", department));
		}
		FieldError urlProblem = targetUrlProblem(settings.targetUrl());
		if (urlProblem != null) {
			problems.add(urlProblem);
		}
		else {
			String internal = this.guard.literalProblem(settings.targetUrl());
			if (internal != null) {
				problems.add(
						FieldError.of("targetUrl", "url_not_public", "url", settings.targetUrl(), "address", internal));
			}
		}
		if (settings.contentType() != Payload.FORM && settings.contentType() != Payload.JSON) {
			problems.add(FieldError.of("contentType", "webhook_content_type_choice", "contentType",
					settings.contentType(), "contentTypes", List.of(Payload.FORM, Payload.JSON)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	static @Nullable FieldError targetUrlProblem(String url) {
		if (url.length() > MAX_URL) {
			return FieldError.of("targetUrl", "too_long", "max", MAX_URL);
		}
		FieldError invalid = FieldError.of("targetUrl", "webhook_url_invalid", "url", url);
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return invalid;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			return invalid;
		}
		if (uri.getRawFragment() != null) {
			return FieldError.of("targetUrl", "webhook_url_fragment", "url", url);
		}
		return null;
	}

}
