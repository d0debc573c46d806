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
