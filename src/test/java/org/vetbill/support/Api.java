package org.vetbill.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A real HTTP client for the application under test: every request goes over the network
 * to the running server, as an integrator's would. The server's rate limits are on in
 * every test; a 429 fails the test at once unless the client was made with
 * {@link #expectingThrottling()}, so no test passes or fails by hitting a limit unawares.
 */
public final class Api {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * Reads numbers exactly as written, so tests can check their format ({@code 124.00}).
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	private final String baseUrl;

	private final @Nullable String authorization;

	private final boolean throttlingExpected;

	public Api(String baseUrl, @Nullable String authorization) {
		this(baseUrl, authorization, false);
	}

	private Api(String baseUrl, @Nullable String authorization, boolean throttlingExpected) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
		this.throttlingExpected = throttlingExpected;
	}

	/**
	 * The same client for a test of the rate limits, which expects 429 answers.
	 * @return the client
	 */
	public Api expectingThrottling() {
		return new Api(this.baseUrl, this.authorization, true);
	}

	/**
	 * The same server with other credentials.
	 * @param authorization the {@code Authorization} header value, or null for none
	 * @return the client
	 */
	public Api as(@Nullable String authorization) {
		return new Api(this.baseUrl, authorization, this.throttlingExpected);
	}

	public @Nullable String authorization() {
		return this.authorization;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public ApiResponse get(String path) {
		return send(request(path).GET());
	}

	/**
	 * A GET with headers of its own, such as the Connect API's.
	 * @param path the path
	 * @param headers the headers' names and values
	 * @return the response
	 */
	public ApiResponse get(String path, java.util.Map<String, String> headers) {
		HttpRequest.Builder request = request(path);
		headers.forEach(request::header);
		return send(request.GET());
	}

	/**
	 * A GET whose answer is kept as bytes, such as a PDF.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public ApiResponse delete(String path) {
		return send(request(path).DELETE());
	}

	public ApiResponse post(String path, @Nullable Object body) {
		return send(json(request(path), body, "POST"));
	}

	/**
	 * Posts JSON with one more header, such as {@code Idempotency-Key}.
	 * @param path the path
	 * @param body the body
	 * @param header the header's name
	 * @param value its value
	 * @return the response
	 */
	public ApiResponse post(String path, @Nullable Object body, String header, String value) {
		return send(json(request(path).header(header, value), body, "POST"));
	}

	public ApiResponse put(String path, @Nullable Object body) {
		return send(json(request(path), body, "PUT"));
	}

	public ApiResponse patch(String path, @Nullable Object body) {
		return send(json(request(path), body, "PATCH"));
	}

	public ApiResponse patch(String path, Object body, String ifMatch) {
		return send(json(request(path).header("If-Match", ifMatch), body, "PATCH"));
	}

	/**
	 * Posts a form, as to the token endpoint.
	 * @param path the path
	 * @param form the url-encoded form
	 * @return the response
	 */
	public ApiResponse postForm(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public ApiResponse send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body;
			try {
				body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
			}
			catch (RuntimeException ex) {
				body = MissingNode.getInstance();
			}
			if (response.statusCode() == 429 && !this.throttlingExpected) {
				throw new AssertionError("Rate-limited (429) outside a rate-limit test: " + response.request().method()
						+ " " + response.uri() + " answered " + response.body());
			}
			return new ApiResponse(response.statusCode(), body, response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60));
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private static HttpRequest.Builder json(HttpRequest.Builder builder, @Nullable Object body, String method) {
		String text = (body == null) ? "" : (body instanceof String string) ? string : JSON.writeValueAsString(body);
		return builder.header("Content-Type", "application/json")
			.method(method,
					(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

}
