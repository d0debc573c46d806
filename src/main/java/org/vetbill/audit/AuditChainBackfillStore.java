package org.vetbill.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Flyway migration 16.1: chains the audit events written before the chain existed (the
 * columns come from V16). Each organization's events, in the order of their ids, get
 * their positions, previous hashes and hashes exactly as {@link AuditLog} writes new
 * ones, and the organization's chain head points at the last of them; nothing else of an
 * event changes and none is dropped. On PostgreSQL the append-only trigger is set aside
 * for this one transaction.
 * <p>
 * A Java migration (picked up by Spring Boot's Flyway configuration as a bean) because
 * the hashes must be the very ones {@link AuditHash} computes; plain JDBC, as Flyway
 * hands it the connection before the application's data access exists.
 */
@Component
class AuditChainBackfillStore implements JavaMigration {

	private static final String TRIGGER = "audit_event_no_update_or_delete";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("16.1");
	}

	@Override
	public String getDescription() {
		return "audit chain backfill";
	}

	@Override
	public Integer getChecksum() {
		return 1601;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		if (postgresql) {
			execute(connection, "alter table audit_event disable trigger " + TRIGGER);
		}
		for (long organizationId : organizations(connection)) {
			chain(connection, organizationId);
		}
		if (postgresql) {
			execute(connection, "alter table audit_event enable trigger " + TRIGGER);
		}
	}

	private static List<Long> organizations(Connection connection) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select distinct organization_id from audit_event order by organization_id")) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	private static void chain(Connection connection, long organizationId) throws SQLException {
		String previous = AuditHash.GENESIS;
		long position = 0;
		try (PreparedStatement select = connection
			.prepareStatement("select id, occurred, actor, action, entity_type, entity_id, details from audit_event"
					+ " where organization_id = ? order by id");
				PreparedStatement update = connection.prepareStatement(
						"update audit_event set chain_seq = ?, prev_hash = ?, hash = ? where organization_id = ? and id = ?")) {
			select.setLong(1, organizationId);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					position++;
					AuditHash.Fields fields = new AuditHash.Fields(organizationId, position,
							rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3), rows.getString(4),
							rows.getString(5), rows.getLong(6), rows.getString(7), previous);
					String hash = AuditHash.of(fields);
					update.setLong(1, position);
					update.setString(2, previous);
					update.setString(3, hash);
					update.setLong(4, organizationId);
					update.setLong(5, rows.getLong(1));
					update.addBatch();
					previous = hash;
				}
			}
			update.executeBatch();
		}
		try (PreparedStatement head = connection
			.prepareStatement("insert into audit_chain_head (organization_id, last_seq, last_hash) values (?, ?, ?)")) {
			head.setLong(1, organizationId);
			head.setLong(2, position);
			head.setString(3, previous);
			head.executeUpdate();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
