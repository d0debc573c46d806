package org.vetbill.fuzz;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * vetbill started as a process of its own from the built jar
 * ({@code target/vetbill.jar}), on the JDK running this code, so it can be killed as a
 * crash would kill it. Its output goes to a log file.
 */
public final class ServerProcess implements AutoCloseable {

	private final List<String> command;

	private final Path log;

	private final int port;

	private @Nullable Process process;

	/**
	 * A server, not yet started.
	 * @param jar the jar
	 * @param port its port
	 * @param log where its output goes (appended, across restarts)
	 * @param arguments its settings, as {@code --name=value}
	 */
	public ServerProcess(Path jar, int port, Path log, List<String> arguments) {
		this(jar, port, log, List.of("-Xmx512m"), arguments);
	}

	/**
	 * A server, not yet started, with JVM options of its own.
	 * @param jar the jar
	 * @param port its port
	 * @param log where its output goes (appended, across restarts)
	 * @param jvmOptions the JVM's options (none: the JVM's defaults)
	 * @param arguments its settings, as {@code --name=value}
	 */
	public ServerProcess(Path jar, int port, Path log, List<String> jvmOptions, List<String> arguments) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it first (./mvnw package)");
		}
		// a copy of its own: a build that replaces the jar must not pull it from under
		// the
		// running server
		Path copy = log.toAbsolutePath().resolveSibling(log.getFileName() + ".jar");
		try {
			Files.createDirectories(copy.getParent());
			Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot copy " + jar + " to " + copy, ex);
		}
		this.command = new ArrayList<>(List.of(javaCommand()));
		this.command.addAll(jvmOptions);
		this.command.addAll(List.of("-jar", copy.toString(), "--server.port=" + port, "--spring.main.banner-mode=off"));
		this.command.addAll(arguments);
		this.log = log;
		this.port = port;
	}

	/**
	 * The {@code java} launcher of the JDK running this code: the same JDK, wherever it
	 * is installed.
	 * @return its path
	 */
	public static String javaCommand() {
		Path launcher = Path.of(System.getProperty("java.home"), "bin",
				System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
		if (Files.isExecutable(launcher)) {
			return launcher.toString();
		}
		return ProcessHandle.current()
			.info()
			.command()
			.orElseThrow(() -> new IllegalStateException("Cannot find the java launcher of the running JDK"));
	}

	/** A TCP port free now on the loopback. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Starts the server and waits until it answers its health check.
	 * @param timeout how long to wait
	 * @return this server
	 */
	public ServerProcess start(Duration timeout) {
		try {
			Files.createDirectories(this.log.toAbsolutePath().getParent());
			Process started = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
			this.process = started;
			awaitHealthy(started, timeout);
			return this;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + this.command, ex);
		}
	}

	private void awaitHealthy(Process started, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build();
			while (System.nanoTime() < deadline) {
				if (!started.isAlive()) {
					throw new IllegalStateException("vetbill exited with " + started.exitValue()
							+ " while starting; see " + this.log.toAbsolutePath());
				}
				try {
					if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException(
				"vetbill did not answer within " + timeout + "; see " + this.log.toAbsolutePath());
	}

	/**
	 * Kills the server at once, as {@code kill -9} does: the JVM itself, with no shutdown
	 * hook and no graceful shutdown.
	 * @return the killed process's id
	 */
	public long kill() {
		Process running = running();
		String launched = running.info().command().orElse("");
		if (!launched.isEmpty() && !Path.of(launched).getFileName().toString().startsWith("java")) {
			throw new IllegalStateException("Process " + running.pid() + " is " + launched + ", not the JVM");
		}
		running.destroyForcibly();
		waitFor(running);
		this.process = null;
		return running.pid();
	}

	/** Stops the server gracefully (SIGTERM), as a service manager would. */
	public void stop() {
		if (this.process != null) {
			Process running = this.process;
			running.destroy();
			if (!waitFor(running)) {
				running.destroyForcibly();
				waitFor(running);
			}
			this.process = null;
		}
	}

	private static boolean waitFor(Process process) {
		try {
			return process.waitFor(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private Process running() {
		if (this.process == null) {
			throw new IllegalStateException("vetbill is not running");
		}
		return this.process;
	}

	/**
	 * The running server's process id.
	 * @return its pid
	 */
	public long pid() {
		return running().pid();
	}

	public Path log() {
		return this.log;
	}

	@Override
	public void close() {
		stop();
	}

}
