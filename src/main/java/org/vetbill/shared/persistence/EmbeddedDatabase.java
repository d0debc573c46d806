package org.vetbill.shared.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps an embedded H2 file database open for as long as the application runs, and shuts
 * it down cleanly when the application stops.
 * <p>
 * Without {@code DB_CLOSE_DELAY=-1}, H2 closes a database the moment its last connection
 * closes, and the connection pool closes all its connections whenever it retires them
 * (every 30 minutes by default). Each retirement then closed the whole database, with the
 * compaction H2 does on close, while requests were opening it again: that churn is what
 * made the embedded default stop taking money after about an hour. An H2 URL without the
 * setting gets {@code DB_CLOSE_DELAY=-1}, so the database's life is the application's;
 * the {@code SHUTDOWN} at the end replaces the close the pool used to cause. After the
 * migrations the database is shut down and opened once more: H2 2.4 tied each
 * {@code CHECK (... IN (constants))} to the session that created it, Flyway's pooled
 * connection, and every insert it checks failed once the pool retired that connection. H2
 * 2.5, which vetbill uses, no longer does; the reopen stays as a safeguard. In-memory and
 * PostgreSQL databases are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabase {

	private static final Log logger = LogFactory.getLog(EmbeddedDatabase.class);

	@Bean
	static BeanPostProcessor keepEmbeddedDatabaseOpen(ObjectProvider<DataSource> dataSource) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && isEmbedded(pool)) {
					pool.setJdbcUrl(keptOpen(explicitlyRelative(pool.getJdbcUrl())));
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof FlywayMigrationInitializer) {
					reopenAfterMigrations(dataSource.getIfAvailable());
				}
				return bean;
			}

		};
	}

	private static void reopenAfterMigrations(@Nullable DataSource dataSource) {
		if (!(dataSource instanceof HikariDataSource pool) || !isEmbedded(pool)) {
			return;
		}
		try {
			shutDown(pool);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The embedded database could not be reopened after its migrations", ex);
		}
		// the pool's connections belong to the database just shut down
		if (pool.getHikariPoolMXBean() != null) {
			pool.getHikariPoolMXBean().softEvictConnections();
		}
	}

	private static void shutDown(HikariDataSource pool) throws SQLException {
		Connection connection = pool.getConnection();
		try {
			Statement statement = connection.createStatement();
			statement.execute("SHUTDOWN");
		}
		finally {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// closed already, by the shutdown
			}
		}
	}

	private static boolean isEmbedded(HikariDataSource pool) {
		String url = pool.getJdbcUrl();
		return url != null && isH2File(url);
	}

	@Bean
	SmartLifecycle shutDownEmbeddedDatabase(DataSource dataSource) {
		return new ShutdownOnStop(dataSource);
	}

	/**
	 * Whether the URL names an H2 database kept in files (not in memory, not a server's).
	 * @param url the JDBC URL
	 * @return whether it is an embedded H2 file database
	 */
	static boolean isH2File(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("jdbc:h2:")) {
			return false;
		}
		String rest = lower.substring("jdbc:h2:".length());
		return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
	}

	/**
	 * The URL with a relative file path written as H2 takes it, {@code ./} first: H2
	 * refuses a path implicitly relative to the working directory, such as the one a data
	 * folder {@code --vetbill.data-dir=target/demo} makes.
	 * @param url an H2 URL
	 * @return the URL, its path starting with {@code ./} where a {@code jdbc:h2:file:}
	 * path was implicitly relative
	 */
	static String explicitlyRelative(String url) {
		String prefix = "jdbc:h2:file:";
		if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
			return url;
		}
		String path = url.substring(prefix.length());
		boolean explicit = path.startsWith("/") || path.startsWith("./") || path.startsWith("../")
				|| path.startsWith("~") || path.startsWith("\\") || path.startsWith(".\\") || path.startsWith("..\\")
				|| path.matches("(?s)^[A-Za-z]:.*");
		return explicit ? url : prefix + "./" + path;
	}

	/**
	 * The URL with {@code DB_CLOSE_DELAY=-1}, unless it sets a delay of its own.
	 * @param url an H2 file URL
	 * @return the URL that keeps the database open
	 */
	static String keptOpen(String url) {
		if (url.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_DELAY=")) {
			return url;
		}
		return url + ";DB_CLOSE_DELAY=-1";
	}

	/**
	 * Shuts the embedded database down after everything else has stopped: the lowest
	 * phase stops last.
	 */
	private static final class ShutdownOnStop implements SmartLifecycle {

		private final DataSource dataSource;

		private volatile boolean running;

		ShutdownOnStop(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			if (!(this.dataSource instanceof HikariDataSource pool) || !isEmbedded(pool) || pool.isClosed()) {
				return;
			}
			try {
				shutDown(pool);
			}
			catch (SQLException ex) {
				logger.warn("The embedded database did not shut down cleanly", ex);
			}
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return Integer.MIN_VALUE + 1000;
		}

	}

}
