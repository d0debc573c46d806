package org.vetbill.api.cloud;

import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.web.FieldNames;
import org.vetbill.webhooks.WebhookSettings;
import org.vetbill.webhooks.WebhookView;
import org.vetbill.webhooks.Webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook endpoints of the Cloud API: {@code hook/webhook/} (list, create, and by id
 * read, replace with PUT, change with PATCH, delete, and {@code rotate_secret/}) and
 * {@code hook/queue/} (the delivery log, list and by id). All of them need the settings
 * permission, as Provet's "Settings: Integration settings" does.
 */
@RestController
@SettingsAccess
class WebhookController {

	private static final String WEBHOOKS = CloudApi.BASE + "/hook/webhook/";

	private static final String QUEUE = CloudApi.BASE + "/hook/queue/";

	/**
	 * What POST and PUT take for the fields they leave out: no name, active,
	 * organization-wide, posting forms as Provet's webhooks do.
	 */
	private static final WebhookSettings DEFAULTS = new WebhookSettings(0, "", true, null, "", 1);

	/** The request's names of the settings it names otherwise. */
	private static final Map<String, String> FIELDS = Map.of("departmentId", "department");

	private final CloudLists lists;

	private final CloudBodies bodies;

	private final Organizations organizations;

	private final Webhooks webhooks;

	private final WebhookResource webhookResource;

	private final WebhookQueueResource queueResource;

	WebhookController(CloudLists lists, CloudBodies bodies, Organizations organizations, Webhooks webhooks,
			WebhookResource webhookResource, WebhookQueueResource queueResource) {
		this.lists = lists;
		this.bodies = bodies;
		this.organizations = organizations;
		this.webhooks = webhooks;
		this.webhookResource = webhookResource;
		this.queueResource = queueResource;
	}

	@GetMapping(WEBHOOKS)
	Map<String, @Nullable Object> list(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.webhookResource, request);
	}

	@GetMapping(WEBHOOKS + "{id}/")
	Map<String, @Nullable Object> get(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.webhookResource, id, request);
	}

	@PostMapping(WEBHOOKS)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, @Nullable Object> create(Caller caller, HttpServletRequest request) {
		WebhookSettings settings = settings(input(caller, request), null);
		WebhookView created = FieldNames.renamed(FIELDS, () -> this.webhooks.create(caller, settings));
		return this.lists.write(caller, this.webhookResource, created, request);
	}

	/**
	 * PUT replaces the webhook's settings (fields left out take their defaults); PATCH
	 * changes the fields given. {@code secret} and the other read-only fields are
	 * ignored.
	 */
	@RequestMapping(path = WEBHOOKS + "{id}/", method = { RequestMethod.PUT, RequestMethod.PATCH })
	Map<String, @Nullable Object> update(Caller caller, @PathVariable long id, HttpServletRequest request) {
		CloudInput input = input(caller, request);
		WebhookView current = this.webhooks.get(caller, id);
		WebhookSettings settings = settings(input, "PATCH".equals(request.getMethod()) ? current : null);
		WebhookView updated = FieldNames.renamed(FIELDS, () -> this.webhooks.update(caller, id, settings));
		return this.lists.write(caller, this.webhookResource, updated, request);
	}

	@DeleteMapping(WEBHOOKS + "{id}/")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable long id) {
		this.webhooks.delete(caller, id);
	}

	@PostMapping(WEBHOOKS + "{id}/rotate_secret/")
	Map<String, @Nullable Object> rotateSecret(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.write(caller, this.webhookResource, this.webhooks.rotateSecret(caller, id), request);
	}

	@GetMapping(QUEUE)
	Map<String, @Nullable Object> queue(Caller caller, HttpServletRequest request) {
		return this.lists.list(caller, this.queueResource, request);
	}

	@GetMapping(QUEUE + "{id}/")
	Map<String, @Nullable Object> delivery(Caller caller, @PathVariable long id, HttpServletRequest request) {
		return this.lists.detail(caller, this.queueResource, id, request);
	}

	/**
	 * The settings a request asks for.
	 * @param input the body
	 * @param current the webhook a PATCH changes (absent fields keep its values), or null
	 * for POST and PUT (absent fields take their defaults)
	 */
	private static WebhookSettings settings(CloudInput input, @Nullable WebhookView current) {
		boolean patch = current != null;
		WebhookSettings base = (current != null) ? WebhookSettings.of(current) : DEFAULTS;
		Integer trigger = kept(patch, input, "trigger") ? Integer.valueOf(base.trigger())
				: input.integer("trigger", true);
		String name = kept(patch, input, "name") ? base.name()
				: Objects.requireNonNullElse(input.text("name", false, 200), "");
		boolean active = input.bool("active", base.active());
		Long department = kept(patch, input, "department") ? base.departmentId()
				: input.relation("department", DepartmentResource.NAME, false);
		String targetUrl = kept(patch, input, "target_url") ? base.targetUrl() : input.text("target_url", true, 2000);
		Integer contentType = kept(patch, input, "content_type") ? Integer.valueOf(base.contentType())
				: input.integer("content_type", false);
		input.check();
		return new WebhookSettings(Objects.requireNonNull(trigger), name, active, department,
				Objects.requireNonNull(targetUrl), Objects.requireNonNullElse(contentType, DEFAULTS.contentType()));
	}

	private static boolean kept(boolean patch, CloudInput input, String field) {
		return patch && input.node(field) == null;
	}

	private CloudInput input(Caller caller, HttpServletRequest request) {
		Organization organization = this.organizations.get(caller.organizationId());
		return new CloudInput(this.bodies.read(request), organization.zone(), organization.provetId());
	}

}
