package org.vetbill.webhooks;

/**
 * The body of a delivery: only the changed object's id, keyed by its type, in the
 * webhook's content type: {@code invoice_id=123} (form, the value a string as forms have
 * them) or {@code {"invoice_id":123}} (JSON, the value a number).
 *
 * @param contentType the media type to send it as
 * @param body the body
 */
record Payload(String contentType, String body) {

	/** Content type 1. */
	static final int FORM = 1;

	/** Content type 2. */
	static final int JSON = 2;

	static Payload of(String objectType, long objectId, int contentType) {
		String key = objectType + "_id";
		return switch (contentType) {
			case FORM -> new Payload("application/x-www-form-urlencoded", key + "=" + objectId);
			case JSON -> new Payload("application/json", "{\"" + key + "\":" + objectId + "}");
			default -> throw new IllegalArgumentException("content type " + contentType);
		};
	}

}
