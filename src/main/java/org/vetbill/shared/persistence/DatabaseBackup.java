package org.vetbill.shared.persistence;

import java.nio.file.Path;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Backup and restore of the embedded H2 database as a compressed SQL script (H2's
 * {@code SCRIPT TO ... COMPRESSION GZIP} and {@code RUNSCRIPT FROM}). The backup runs on
 * the application's own connections, so it is taken while the server runs, from one
 * consistent snapshot: {@link BackupFolder} does so on request of the admin API.
 * PostgreSQL is backed up with its own tools (docs/operations.md).
 */
@Component
public class DatabaseBackup {

	private final DSLContext dsl;

	DatabaseBackup(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Writes the whole database (schema, data and Flyway's history) to a file, as one
	 * snapshot of every table. The transaction is serializable because H2 reads each
	 * table of a {@code SCRIPT} at the moment it reaches it under read committed (the
	 * command names no table in advance), so payments committed meanwhile would be in
	 * some tables and not in others; at serializable, H2 takes a snapshot of all tables
	 * at once when the transaction's first statement starts, and keeps it. Nothing is
	 * locked: requests go on while the script is written.
	 * @param file the gzip-compressed SQL script to write
	 */
	@Transactional(readOnly = true, isolation = Isolation.SERIALIZABLE)
	public void backup(Path file) {
		requireH2();
		this.dsl.execute("script to {0} compression gzip", file.toAbsolutePath().toString());
	}

	/**
	 * Replaces the whole database with a backup: everything in it is dropped first.
	 * @param file a file {@link #backup} wrote
	 */
	@Transactional
	public void restore(Path file) {
		requireH2();
		this.dsl.execute("drop all objects");
		this.dsl.execute("runscript from {0} compression gzip", file.toAbsolutePath().toString());
	}

	/**
	 * Whether the database holds any organization (a restore over one needs to be
	 * forced).
	 * @return true when it has data
	 */
	@Transactional(readOnly = true)
	public boolean hasData() {
		return this.dsl.fetchExists(this.dsl.selectOne().from("organization"));
	}

	/**
	 * Whether the database is the embedded H2 one, which this class backs up (PostgreSQL
	 * is backed up with pg_dump).
	 * @return true on H2
	 */
	public boolean isEmbedded() {
		return this.dsl.dialect().family() == SQLDialect.H2;
	}

	private void requireH2() {
		if (!isEmbedded()) {
			throw new IllegalStateException(
					"vetbill's backup and restore are for the embedded H2 database; back up PostgreSQL with pg_dump"
							+ " (see docs/operations.md)");
		}
	}

}
