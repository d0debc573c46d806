package org.vetbill.bench;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's PostgreSQL database, reached over JDBC for small queries and with
 * {@code psql} and {@code pgbench} for the generator and the limits. Only a database
 * whose name contains {@code bench} is dropped and created again.
 *
 * @param url its JDBC URL
 * @param user the user
 * @param password the password
 */
record BenchDatabase(String url, String user, String password) {

	/** Drops and creates the database. */
	static BenchDatabase fresh(String url, String user, String password) {
		BenchDatabase database = new BenchDatabase(url, user, password);
		String name = database.name();
		if (!name.contains("bench") || !name.matches("[A-Za-z0-9_]+")) {
			throw new IllegalArgumentException("Refusing to empty the database " + name
					+ ": the benchmark's database must have \"bench\" in its name");
		}
		String admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
		try (Connection connection = DriverManager.getConnection(admin, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database " + name + ": " + ex.getMessage(), ex);
		}
		return database;
	}

	String name() {
		return this.url.substring(this.url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
	}

	private URI uri() {
		return URI.create(this.url.substring("jdbc:".length()));
	}

	/** The connection options of psql and pgbench. */
	List<String> connectionArguments() {
		URI uri = uri();
		return List.of("-h", uri.getHost(), "-p", String.valueOf((uri.getPort() < 0) ? 5432 : uri.getPort()), "-U",
				this.user, "-d", name());
	}

	/** Runs a command with the connection options and the password in its environment. */
	Process start(List<String> command, boolean inheritOutput) {
		ProcessBuilder builder = new ProcessBuilder(command);
		if (!this.password.isEmpty()) {
			builder.environment().put("PGPASSWORD", this.password);
		}
		builder.redirectErrorStream(true);
		if (inheritOutput) {
			builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
		}
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
	}

	Connection connect() {
		try {
			return DriverManager.getConnection(this.url, this.user, this.password);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first column of a query's rows, as longs. */
	List<Long> longs(String sql, Object... parameters) {
		List<Long> values = new ArrayList<>();
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getLong(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
		return values;
	}

	long one(String sql, Object... parameters) {
		return longs(sql, parameters).get(0);
	}

	String text(String sql) {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
