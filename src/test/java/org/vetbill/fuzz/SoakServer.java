package org.vetbill.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jooq.CloseableDSLContext;

/**
 * The embedded database's server for a soak: vetbill from the jar on an H2 file database
 * in a directory of its own, with the pool retiring its connections as in production but
 * every 30 seconds instead of every 30 minutes, so that an hour's worth of retirements
 * happens within minutes.
 */
final class SoakServer {

	static final String ADMIN_KEY = "soak-admin-key";

	/** The pool settings that retire connections fast (production: 30 and 10 minutes). */
	static final List<String> FAST_POOL = List.of("--spring.datasource.hikari.max-lifetime=30000",
			"--spring.datasource.hikari.idle-timeout=10000", "--spring.datasource.hikari.minimum-idle=1");

	private SoakServer() {
	}

	static ServerProcess create(Path dataDir, int port, boolean demo) {
		List<String> arguments = new ArrayList<>(FAST_POOL);
		// the rate limits off: an hour of reads by four clients drains a client's budget,
		// and a 429 tells nothing about the database
		arguments.addAll(List.of("--vetbill.data-dir=" + dataDir, "--vetbill.admin.key=" + ADMIN_KEY,
				"--vetbill.demo.enabled=" + demo, "--vetbill.rate-limit.enabled=false"));
		return new ServerProcess(Path.of("target", "vetbill.jar"), port, dataDir.resolve("vetbill.log"), arguments);
	}

	/**
	 * The H2 database the server used, opened once the server has stopped (an H2 file
	 * database has one process at a time).
	 */
	static CloseableDSLContext open(Path dataDir) {
		return StandaloneDatabase.open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("vetbill"), "sa", "");
	}

}
