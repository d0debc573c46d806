package org.vetbill.webhooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a delivery: the changed object's id keyed by its type, who made the change
 * ({@code user}: the caller's actor as the audit log records it, such as
 * {@code client:erp} or {@code user:frontdesk}; null when unknown) and when
 * ({@code timestamp}: ISO 8601 in UTC), in the webhook's content type:
 * {@code invoice_id=123&user=client%3Aerp&timestamp=2026-11-21T10%3A00%3A00Z} (form,
 * every value a string as forms have them; a null user is left out) or
 * {@code {"invoice_id":123,"user":"client:erp","timestamp":"2026-11-21T10:00:00Z"}}
 * (JSON, the id a number).
 *
 * @param contentType the media type to send it as
 * @param body the body
 */
record Payload(String contentType, String body) {

	/** Content type 1. */
	static final int FORM = 1;

	/** Content type 2. */
	static final int JSON = 2;

	static Payload of(String objectType, long objectId, @Nullable String user, Instant timestamp, int contentType) {
		String key = objectType + "_id";
		String time = DateTimeFormatter.ISO_INSTANT.format(timestamp);
		return switch (contentType) {
			case FORM -> new Payload("application/x-www-form-urlencoded", key + "=" + objectId
					+ ((user != null) ? "&user=" + encode(user) : "") + "&timestamp=" + encode(time));
			case JSON -> {
				ObjectNode body = JsonNodeFactory.instance.objectNode();
				body.put(key, objectId);
				body.put("user", user);
				body.put("timestamp", time);
				yield new Payload("application/json", body.toString());
			}
			default -> throw new IllegalArgumentException("content type " + contentType);
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
