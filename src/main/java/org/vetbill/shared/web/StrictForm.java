package org.vetbill.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A form body ({@code application/x-www-form-urlencoded}) read strictly, before the
 * container parses it (which would fail on bytes that are not UTF-8): the request the
 * handlers see then takes its parameters from here, the query's first, as the servlet API
 * orders them.
 */
final class StrictForm {

	private StrictForm() {
	}

	/**
	 * Reads a form body of at most {@code limit} bytes.
	 * @param in the body
	 * @param limit the most bytes accepted
	 * @return the bytes, or null when the body is longer
	 * @throws IOException when reading fails
	 */
	static byte @Nullable [] read(InputStream in, int limit) throws IOException {
		byte[] body = in.readNBytes(limit + 1);
		return (body.length > limit) ? null : body;
	}

	/**
	 * A body's text, if it is valid UTF-8.
	 * @param body the bytes
	 * @return the text, or null when the bytes are not UTF-8
	 */
	static @Nullable String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * The parameters of a query string or form body that {@link RequestSanity#problems}
	 * found sound.
	 * @param encoded the raw text, or null
	 * @return the parameters by name, in order
	 */
	static Map<String, List<String>> parameters(@Nullable String encoded) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return parameters;
		}
		for (String pair : encoded.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = RequestSanity.decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = RequestSanity.decode((equals < 0) ? "" : pair.substring(equals + 1));
			if (name != null && value != null) {
				parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
		}
		return parameters;
	}

	/**
	 * A request whose form body was read here: its parameters and body come from memory.
	 */
	static final class Wrapper extends CachedBodyRequest {

		private final Map<String, String[]> parameters = new LinkedHashMap<>();

		Wrapper(HttpServletRequest request, byte[] body, String text) {
			super(request, body);
			Map<String, List<String>> all = parameters(request.getQueryString());
			parameters(text)
				.forEach((name, values) -> all.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(values));
			all.forEach((name, values) -> this.parameters.put(name, values.toArray(String[]::new)));
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.unmodifiableMap(this.parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
