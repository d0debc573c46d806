package org.vetbill.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vetbill.support.IntegrationTest;
import org.vetbill.support.TestTenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are bounded before anything reads them: a declared length over the limit
 * is a 413 at once, a chunked body is cut at the limit, both in the API's error format;
 * and a caller without the endpoint's permission is refused before its body is read. Over
 * raw sockets, so the tests see what the server answers while the body is still (or
 * never) being sent, and no large body is ever held in memory here.
 */
class BodyLimitIntegrationTests extends IntegrationTest {

	private static final int MB = 1024 * 1024;

	private TestTenant tenant;

	private String token;

	@BeforeEach
	void setUp() {
		this.tenant = newTenant();
		this.token = this.tenant.api.authorization();
	}

	@Test
	void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent() throws IOException {
		String answer = exchange(cloud("invoicepayment/"), this.token, "Content-Length: " + (50L * MB), 0, false);
		assertThat(answer).startsWith("HTTP/1.1 413")
			.contains("{\"detail\":\"the request body is larger than 1048576 bytes, the most this endpoint accepts\"}");
	}

	@Test
	void aChunkedBodyIsCutAtTheLimit() throws IOException {
		String answer = exchange("/" + this.tenant.provetId + "/vetbill/v1/invoices", this.token,
				"Transfer-Encoding: chunked", 3 * MB, true);
		assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"body_too_large\"");
	}

	@Test
	void aCallerWithoutThePermissionIsRefusedBeforeItsBodyIsRead() throws IOException {
		String readOnly = this.tenant.apiWith("read").authorization();
		// the body is declared but never sent: an answer can only come without reading it
		String answer = exchange(cloud("invoicepayment/"), readOnly,
				"Content-Length: " + (900 * 1024) + "\r\n" + "Idempotency-Key: k-1", 0, false);
		assertThat(answer).startsWith("HTTP/1.1 403")
			.contains("{\"detail\":\"You do not have permission to perform this action.\"}");
	}

	private String cloud(String path) {
		return "/" + this.tenant.provetId + "/api/0.1/" + path;
	}

	/**
	 * Sends a POST's head and then up to {@code bytes} bytes of JSON-ish body, stopping
	 * when the server has answered, and reads the answer.
	 */
	private String exchange(String path, String authorization, String framing, int bytes, boolean chunked)
			throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
					+ "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) ' ');
			int sent = 0;
			InputStream in = socket.getInputStream();
			try {
				while (sent < bytes && in.available() == 0) {
					if (chunked) {
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					}
					out.write(chunk);
					if (chunked) {
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					sent += chunk.length;
				}
				if (chunked && in.available() == 0) {
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server answered and closed while the body was still coming
			}
			return answer(in);
		}
	}

	/**
	 * Reads one answer: its head, then its body by its length or its chunks (the
	 * connection may stay open).
	 */
	private static String answer(InputStream in) throws IOException {
		StringBuilder text = new StringBuilder();
		while (text.indexOf("\r\n\r\n") < 0) {
			int b = in.read();
			if (b < 0) {
				return text.toString();
			}
			text.append((char) b);
		}
		String head = text.toString().toLowerCase(java.util.Locale.ROOT);
		java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
		if (length.find()) {
			text.append(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8));
		}
		else if (head.contains("transfer-encoding: chunked")) {
			while (!text.toString().endsWith("\r\n0\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				text.append((char) b);
			}
		}
		return text.toString();
	}

}
