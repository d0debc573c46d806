package org.vetbill.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One generated request, exactly as it goes over the wire: the method, the target (path
 * and query, already percent-encoded as sent, possibly with invalid escapes), the headers
 * and the body's bytes (possibly not UTF-8).
 *
 * @param method the HTTP method
 * @param target the path and query
 * @param headers the headers, in order
 * @param body the body, or null for none
 * @param operation the described operation it was derived from ({@code METHOD /path}), or
 * a word saying what it is
 */
public record FuzzRequest(String method, String target, Map<String, String> headers, byte @Nullable [] body,
		String operation) {

	/** Methods that may change data. */
	public boolean isWrite() {
		return !"GET".equals(this.method) && !"HEAD".equals(this.method) && !"OPTIONS".equals(this.method);
	}

	/**
	 * The request as a {@code curl} command line against a server, to reproduce it.
	 * Credentials are shown as sent: they are test or demo credentials.
	 * @param baseUrl the server, such as {@code http://localhost:8080}
	 * @return the command
	 */
	public String toCurl(String baseUrl) {
		StringBuilder curl = new StringBuilder("curl -sS -i -X ").append(this.method)
			.append(" --path-as-is ")
			.append(shellQuote(baseUrl + this.target));
		this.headers.forEach((name, value) -> curl.append(" -H ").append(shellQuote(name + ": " + value)));
		if (this.body != null) {
			curl.append(" --data-binary $'").append(ansiC(this.body)).append('\'');
		}
		return curl.toString();
	}

	/** A one-line summary: operation, method, target and the body's start. */
	@Override
	public String toString() {
		String start = "";
		if (this.body != null) {
			String text = new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.UTF_8);
			start = " body(" + this.body.length + " bytes)=" + escape(text);
		}
		return "[" + this.operation + "] " + this.method + " " + escape(this.target) + " " + this.headers.keySet()
				+ start;
	}

	private static String shellQuote(String text) {
		if (text.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			return "'" + text.replace("'", "'\\''") + "'";
		}
		return "$'" + ansiC(text.getBytes(StandardCharsets.UTF_8)) + "'";
	}

	private static String ansiC(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (byte b : bytes) {
			int c = b & 0xff;
			if (c == '\'' || c == '\\') {
				out.append('\\').append((char) c);
			}
			else if (c >= 0x20 && c < 0x7f) {
				out.append((char) c);
			}
			else {
				out.append(String.format("\\x%02x", c));
			}
		}
		return out.toString();
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach((c) -> {
			if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || !Character.isDefined(c)) {
				out.append(String.format("\\u{%x}", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

}
