package org.vetbill.support;

import java.net.http.HttpResponse;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A response of the application under test, with its body parsed as JSON.
 *
 * @param status the HTTP status
 * @param body the parsed body (a missing node when empty or not JSON)
 * @param raw the raw body text
 * @param response the full response, for headers
 */
public record ApiResponse(int status, JsonNode body, String raw, HttpResponse<String> response) {

	public Optional<String> header(String name) {
		return this.response.headers().firstValue(name);
	}

	public JsonNode get(String field) {
		return this.body.path(field);
	}

	public long id() {
		return this.body.path("id").asLong();
	}

	@Override
	public String toString() {
		return this.status + " " + this.raw;
	}

}
