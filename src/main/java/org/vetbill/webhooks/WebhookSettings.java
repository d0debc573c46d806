package org.vetbill.webhooks;

import org.jspecify.annotations.Nullable;

/**
 * What a webhook is set to, whole: a new webhook, or all of an existing one's settings.
 *
 * @param trigger the number of the trigger (see {@link Trigger}): 9, 10, 11, 12, 23, 45
 * or 63
 * @param name a name for people, may be empty
 * @param active whether changes are queued for it
 * @param departmentId the department whose changes it hears, or null for the whole
 * organization
 * @param targetUrl where to post: an absolute http or https URL
 * @param contentType 1 form ({@code application/x-www-form-urlencoded}), 2 JSON
 */
public record WebhookSettings(int trigger, String name, boolean active, @Nullable Long departmentId, String targetUrl,
		int contentType) {

	/**
	 * The settings of an existing webhook, the base a partial change starts from.
	 * @param webhook the webhook
	 * @return its settings
	 */
	public static WebhookSettings of(WebhookView webhook) {
		return new WebhookSettings(webhook.trigger(), webhook.name(), webhook.active(), webhook.departmentId(),
				webhook.targetUrl(), webhook.contentType());
	}

}
