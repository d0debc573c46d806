package org.vetbill.api.cloud;

import java.io.IOException;
import java.util.Collection;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.web.NulRefusingStrings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
		ObjectNode body = readAny(request);
		String nul = NulRefusingStrings.nulAt(body);
		if (nul != null) {
			throw InvalidInput.worded(nul, NulRefusingStrings.MESSAGE);
		}
		return body;
	}

	private ObjectNode readAny(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE))) {
			if (contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
				requireFields(request);
			}
			ObjectNode body = this.json.createObjectNode();
			request.getParameterMap().forEach((name, values) -> {
				if (values.length > 1) {
					throw InvalidInput.worded(name, "Given " + values.length + " times; give it once.");
				}
				if (values[0] == null) {
					// a bare name in the form ("x"), not "x=" (empty) nor "x=1"
					throw InvalidInput.worded(name, "A form field needs a value: send " + name + "=value.");
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
		byte[] bytes;
		try {
			bytes = request.getInputStream().readAllBytes();
		}
		catch (IOException ex) {
			throw InvalidInput.worded("body", "JSON parse error: the body is not valid JSON.");
		}
		try {
			JsonNode body = this.json.readTree(bytes);
			if (body instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			throw InvalidInput.worded("body", "JSON parse error: the body is not valid JSON.");
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.worded(numberOutOfRange(bytes), "A valid number is required.");
		}
		throw InvalidInput.worded("body", "Send a JSON object, or a form.");
	}

	/**
	 * Refuses a multipart body that holds no part, which the multipart parser reads as an
	 * empty form although RFC 2046 wants at least one (a body without the boundary, or
	 * with another one, reads so), and a file where a value is expected, which the form
	 * would leave out: either would count as an empty change.
	 * @param request the multipart request
	 */
	private static void requireFields(HttpServletRequest request) {
		Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			throw InvalidInput.worded("body", "Multipart form parse error: the body cannot be read.");
		}
		if (parts.isEmpty()) {
			throw InvalidInput.worded("body",
					"Multipart form parse error: no part delimited by the boundary the Content-Type names.");
		}
		for (Part part : parts) {
			if (part.getSubmittedFileName() != null) {
				throw InvalidInput.worded(part.getName(), "A file was submitted; send the value as a form field.");
			}
		}
	}

	/**
	 * The field whose number is beyond what can be read (such as {@code 1e2147483648}).
	 * @param bytes the JSON body
	 * @return the field's name, or {@code body} when it cannot be told
	 */
	private String numberOutOfRange(byte[] bytes) {
		try (JsonParser parser = this.json.createParser(bytes)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token.isNumeric()) {
					try {
						parser.getDecimalValue();
					}
					catch (NumberFormatException ex) {
						String name = parser.currentName();
						return (name != null) ? name : "body";
					}
				}
			}
		}
		catch (JacksonException | NumberFormatException ex) {
			// told below
		}
		return "body";
	}

}
