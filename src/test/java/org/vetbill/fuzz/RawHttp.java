package org.vetbill.fuzz;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP/1.1 client over a plain socket, keeping its connection alive between
 * requests. It sends the request line, headers and body bytes exactly as generated
 * (invalid percent-escapes, brackets, bytes that are not UTF-8), which
 * {@code java.net.http} refuses to, and tells a connection the server reset or closed
 * without an answer apart from an answer. Not thread-safe: one per worker.
 */
public final class RawHttp implements AutoCloseable {

	/** What came back: a status and body, or no answer at all. */
	public record Answer(int status, byte[] body, @Nullable String failure) {

		static Answer failed(String failure) {
			return new Answer(0, new byte[0], failure);
		}

		public String text(int max) {
			return new String(this.body, 0, Math.min(max, this.body.length), StandardCharsets.UTF_8);
		}

	}

	private final String host;

	private final int port;

	private final int timeoutMillis;

	private @Nullable Socket socket;

	private @Nullable InputStream in;

	private @Nullable OutputStream out;

	public RawHttp(String baseUrl, int timeoutMillis) {
		URI uri = URI.create(baseUrl);
		this.host = uri.getHost();
		this.port = (uri.getPort() > 0) ? uri.getPort() : 80;
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Sends one request and reads its answer. A request on a kept-alive connection that
	 * the server had already closed is sent once more on a new one, as every client does;
	 * on a new connection, no answer is a failure.
	 */
	public Answer send(FuzzRequest request) {
		boolean reused = this.socket != null;
		Answer answer = attempt(request);
		if (answer.failure() != null && reused && answer.failure().startsWith("closed before any byte")) {
			answer = attempt(request);
		}
		return answer;
	}

	private Answer attempt(FuzzRequest request) {
		try {
			connect();
			OutputStream out = java.util.Objects.requireNonNull(this.out);
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
			write(head, "Host: " + this.host + ":" + this.port + "\r\n");
			for (Map.Entry<String, String> header : request.headers().entrySet()) {
				write(head, header.getKey() + ": " + header.getValue() + "\r\n");
			}
			byte[] body = request.body();
			if (body != null) {
				write(head, "Content-Length: " + body.length + "\r\n");
			}
			write(head, "\r\n");
			String writeFailure = null;
			try {
				out.write(head.toByteArray());
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server may have answered (413, 400) and closed before reading it
				// all
				writeFailure = ex.toString();
			}
			return read(java.util.Objects.requireNonNull(this.in), request.method(), writeFailure);
		}
		catch (SocketTimeoutException ex) {
			close();
			return Answer.failed("timeout: no answer within " + this.timeoutMillis + " ms");
		}
		catch (IOException ex) {
			close();
			String message = String.valueOf(ex.getMessage());
			return Answer.failed((message.contains("Connection refused") ? "refused: " : "reset: ") + ex);
		}
	}

	private Answer read(InputStream in, String method, @Nullable String writeFailure) throws IOException {
		String statusLine = line(in);
		if (statusLine == null) {
			close();
			return Answer.failed("closed before any byte of an answer"
					+ ((writeFailure != null) ? " (writing failed: " + writeFailure + ")" : ""));
		}
		String[] parts = statusLine.split(" ", 3);
		int status = Integer.parseInt(parts[1]);
		long length = -1;
		boolean chunked = false;
		boolean closeAfter = writeFailure != null;
		for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closeAfter |= value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] body;
		if ("HEAD".equals(method) || status == 204 || status == 304 || (status >= 100 && status < 200)) {
			body = new byte[0];
		}
		else if (chunked) {
			body = chunks(in);
		}
		else if (length >= 0) {
			body = in.readNBytes((int) length);
			if (body.length < length) {
				close();
				return Answer.failed("closed in the middle of a " + status + " answer's body");
			}
		}
		else {
			body = in.readAllBytes();
			closeAfter = true;
		}
		if (closeAfter) {
			close();
		}
		return new Answer(status, body, null);
	}

	private static byte[] chunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String size = line(in);
			if (size == null) {
				throw new IOException("EOF in a chunked body");
			}
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt((semicolon < 0) ? size.trim() : size.substring(0, semicolon).trim(), 16);
			if (length == 0) {
				for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
					// trailers are not used
				}
				return body.toByteArray();
			}
			byte[] chunk = in.readNBytes(length);
			if (chunk.length < length) {
				throw new IOException("EOF in a chunk");
			}
			body.write(chunk);
			line(in);
		}
	}

	private static @Nullable String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != -1) {
			if (c == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(c);
		}
		return (line.size() == 0) ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		// the request line and headers as UTF-8: a header with other characters is sent
		// as
		// a careless client would send it
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private void connect() throws IOException {
		if (this.socket == null) {
			Socket socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(this.timeoutMillis);
			socket.connect(new InetSocketAddress(this.host, this.port), 10_000);
			this.socket = socket;
			this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
			this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
			this.in = null;
			this.out = null;
		}
	}

}
