package org.vetbill.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

/**
 * A webhook receiver on localhost for the tests: it records every request it gets (path,
 * headers, raw body, arrival time) and answers each path as a test scripts it, by how
 * many times it has seen the same {@code webhook-id} there.
 */
final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, BiFunction<Received, Integer, Answer>> scripts = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

	private Receiver(HttpServer server) {
		this.server = server;
	}

	static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			Receiver receiver = new Receiver(server);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/**
	 * How to answer the requests to a path (200 unless told).
	 * @param path the path
	 * @param script the answer to a request, given how many times (from 1) its
	 * {@code webhook-id} has come to this path
	 */
	void answer(String path, BiFunction<Received, Integer, Answer> script) {
		this.scripts.put(path, script);
	}

	void answer(String path, int... statuses) {
		answer(path, (request, nth) -> new Answer(statuses[Math.min(nth, statuses.length) - 1], Duration.ZERO));
	}

	List<Received> all() {
		return List.copyOf(this.received);
	}

	List<Received> requests(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	/**
	 * Waits until a path got at least a number of requests.
	 * @param path the path
	 * @param count how many
	 * @return all its requests so far
	 */
	List<Received> await(String path, int count) {
		Awaitility.await(path + " receives " + count + " requests")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> requests(path).size() >= count);
		return requests(path);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
			Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
					body, System.nanoTime());
			this.received.add(request);
			int nth = this.seen.computeIfAbsent(request.path() + " " + request.id(), (key) -> new AtomicInteger())
				.incrementAndGet();
			Answer answer = this.scripts.getOrDefault(request.path(), (r, n) -> new Answer(200, Duration.ZERO))
				.apply(request, nth);
			if (!answer.delay().isZero()) {
				Thread.sleep(answer.delay());
			}
			if (answer.status() / 100 == 3) {
				exchange.getResponseHeaders().add("Location", url("/elsewhere"));
			}
			exchange.sendResponseHeaders(answer.status(), -1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request that arrived.
	 *
	 * @param method the HTTP method
	 * @param path the path
	 * @param headers the headers, by case-insensitive name
	 * @param body the raw body
	 * @param nanos when it arrived ({@link System#nanoTime()})
	 */
	record Received(String method, String path, Map<String, List<String>> headers, String body, long nanos) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values == null || values.isEmpty()) ? "" : values.get(0);
		}

		String id() {
			return header("webhook-id");
		}

	}

	/**
	 * How to answer a request.
	 *
	 * @param status the HTTP status
	 * @param delay how long to wait first
	 */
	record Answer(int status, Duration delay) {
	}

}
