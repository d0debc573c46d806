package org.vetbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process's resident set size, read from {@code /proc/<pid>/status} (Linux), once or
 * every 250 ms while a load runs, keeping the peak.
 */
final class RssSampler implements AutoCloseable {

	private final long pid;

	private final AtomicLong peak = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	RssSampler(long pid) {
		this.pid = pid;
		this.thread = Thread.ofPlatform().daemon().start(() -> {
			while (this.running) {
				this.peak.accumulateAndGet(rssKb(this.pid), Math::max);
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	/** The peak so far, in MB. */
	double peakMb() {
		return this.peak.get() / 1024.0;
	}

	/** The resident set of a process now, in kB (0 when it cannot be read). */
	static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or the process is gone
		}
		return 0;
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
