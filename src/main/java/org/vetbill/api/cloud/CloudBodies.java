package org.vetbill.api.cloud;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.error.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a Cloud API request body in any of the encodings the API accepts: JSON,
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}. Form values
 * arrive as text and are typed when the body is bound; an empty form value is null.
 */
@Component
class CloudBodies {

	private final JsonMapper json;

	CloudBodies(JsonMapper json) {
		this.json = json;
	}

	ObjectNode read(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE))) {
			ObjectNode body = this.json.createObjectNode();
			request.getParameterMap().forEach((name, values) -> {
				if (values.length > 1) {
					throw InvalidInput.worded(name, "Given " + values.length + " times; give it once.");
				}
				if (values[0].isEmpty()) {
					body.putNull(name);
				}
				else {
					body.put(name, values[0]);
				}
			});
			return body;
		}
		try {
			JsonNode body = this.json.readTree(request.getInputStream());
			if (body instanceof ObjectNode object) {
				return object;
			}
		}
		catch (IOException | JacksonException ex) {
			throw InvalidInput.worded("body", "JSON parse error: the body is not valid JSON.");
		}
		throw InvalidInput.worded("body", "Send a JSON object, or a form.");
	}

}
