package org.vetbill.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.jooq.CloseableDSLContext;

/**
 * A PostgreSQL database made empty for a test that runs vetbill as a process: dropped if
 * it exists, then created. Only databases whose name says they are for crash tests or
 * soaks may be dropped, so a wrong URL never empties a real one.
 *
 * @param url its JDBC URL
 * @param user the user
 * @param password the password
 */
public record FreshPostgresDatabase(String url, String user, String password) {

	/**
	 * Drops and creates the database.
	 * @param url its JDBC URL, whose database name must contain {@code crash}
	 * @param user the user
	 * @param password the password
	 * @return the database
	 */
	public static FreshPostgresDatabase create(String url, String user, String password) {
		int slash = url.lastIndexOf('/');
		String name = url.substring(slash + 1).replaceAll("\\?.*", "");
		if (!name.contains("crash") || !name.matches("[A-Za-z0-9_]+")) {
			throw new IllegalArgumentException("Refusing to empty the database " + name
					+ ": a crash test's database must have \"crash\" in its name");
		}
		try (Connection connection = DriverManager.getConnection(url.substring(0, slash) + "/postgres", user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database " + name + ": " + ex.getMessage(), ex);
		}
		return new FreshPostgresDatabase(url, user, password);
	}

	/** A jOOQ context on the database, to be closed after use. */
	public CloseableDSLContext open() {
		return StandaloneDatabase.open(this.url, this.user, this.password);
	}

}
