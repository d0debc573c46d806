package org.vetbill.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database the integration tests run on, chosen by the system property
 * {@code vetbill.test.database}: {@code h2} (an in-memory H2, the default) or
 * {@code postgres} (the server at {@code VETBILL_TEST_PG_URL}, by default
 * {@code 127.0.0.1:5432/vetbill_test} as user {@code postgres}). The build runs every
 * integration test once on each.
 */
public final class TestDatabase {

	private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/vetbill_test";

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("vetbill.test.database", "h2"));
	}

	static void register(DynamicPropertyRegistry registry) {
		if (isPostgres()) {
			String url = env("VETBILL_TEST_PG_URL", DEFAULT_PG_URL);
			String user = env("VETBILL_TEST_PG_USER", "postgres");
			String password = env("VETBILL_TEST_PG_PASSWORD", "");
			createDatabaseIfMissing(url, user, password);
			registry.add("vetbill.database.url", () -> url);
			registry.add("vetbill.database.user", () -> user);
			registry.add("vetbill.database.password", () -> password);
		}
		else {
			registry.add("vetbill.database.url", () -> "jdbc:h2:mem:vetbill_test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
		}
	}

	/**
	 * A new, empty database beside the tests' own, for a test that migrates or restores
	 * one itself: on PostgreSQL a database named after the tests' one with the given
	 * suffix, dropped first if it exists; on H2 an in-memory database of that name.
	 * @param suffix what to append to the name
	 * @return its JDBC URL, user and password
	 */
	public static Fresh freshDatabase(String suffix) {
		if (!isPostgres()) {
			return new Fresh("jdbc:h2:mem:vetbill_" + suffix + ";DB_CLOSE_DELAY=-1", "sa", "", "h2");
		}
		String url = env("VETBILL_TEST_PG_URL", DEFAULT_PG_URL);
		String user = env("VETBILL_TEST_PG_USER", "postgres");
		String password = env("VETBILL_TEST_PG_PASSWORD", "");
		int slash = url.lastIndexOf('/');
		String database = url.substring(slash + 1).replaceAll("\\?.*", "") + "_" + suffix;
		try (Connection connection = DriverManager.getConnection(url.substring(0, slash) + "/postgres", user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists \"" + database + "\" with (force)");
			statement.execute("create database \"" + database + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create the database " + database + ": " + ex.getMessage(), ex);
		}
		return new Fresh(url.substring(0, slash + 1) + database, user, password, "postgresql");
	}

	/**
	 * A database of a test's own.
	 *
	 * @param url its JDBC URL
	 * @param user the user
	 * @param password the password
	 * @param vendor the folder of its vendor's migrations ({@code h2} or
	 * {@code postgresql})
	 */
	public record Fresh(String url, String user, String password, String vendor) {

		/**
		 * The database's name on its server.
		 * @return the name
		 */
		public String name() {
			return this.url.substring(this.url.lastIndexOf('/') + 1);
		}

	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static void createDatabaseIfMissing(String url, String user, String password) {
		int slash = url.lastIndexOf('/');
		String database = url.substring(slash + 1).replaceAll("\\?.*", "");
		String serverUrl = url.substring(0, slash) + "/postgres";
		try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
				Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "") + "'")) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("create database \"" + database.replace("\"", "") + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The PostgreSQL integration tests need a server at " + serverUrl + " (user "
					+ user + "): " + ex.getMessage()
					+ ". Start it, or point VETBILL_TEST_PG_URL / VETBILL_TEST_PG_USER / VETBILL_TEST_PG_PASSWORD at one.",
					ex);
		}
	}

}
