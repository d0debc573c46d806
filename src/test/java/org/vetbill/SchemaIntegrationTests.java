package org.vetbill;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.vetbill.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema can be distributed by tenant: every tenant-owned table carries
 * {@code organization_id}, and every primary key, unique key and foreign key of such a
 * table includes it. Read from the database's own catalog, on H2 and on PostgreSQL.
 */
class SchemaIntegrationTests extends IntegrationTest {

	/**
	 * Tables that are not tenant-owned: the tenants themselves and installation-wide
	 * data. The rate limits' buckets (PostgreSQL only) are counters keyed by a string
	 * that starts with the organization id, not tenant data; so are the failed sign-ins'
	 * counters, kept per account (its key names the organization) and per client address,
	 * which is no tenant's.
	 */
	private static final Set<String> GLOBAL_TABLES = Set.of("organization", "signing_key", "flyway_schema_history",
			"rate_limit_bucket", "sign_in_failure");

	@Autowired
	private DataSource dataSource;

	@Test
	void everyTenantOwnedTableIsScopedByOrganizationInAllItsKeys() throws SQLException {
		List<String> problems = new ArrayList<>();
		Set<String> checked = new TreeSet<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String schema = connection.getSchema();
			for (String table : tables(meta, schema)) {
				if (GLOBAL_TABLES.contains(table)) {
					continue;
				}
				checked.add(table);
				if (!columns(meta, schema, table).contains("organization_id")) {
					problems.add(table + " has no organization_id");
					continue;
				}
				Set<String> primaryKey = primaryKey(meta, schema, table);
				if (!primaryKey.contains("organization_id")) {
					problems.add(table + " primary key " + primaryKey + " lacks organization_id");
				}
				uniqueIndexes(meta, schema, table).forEach((name, columns) -> {
					if (!columns.contains("organization_id")) {
						problems.add(table + " unique key " + name + " " + columns + " lacks organization_id");
					}
				});
				foreignKeys(meta, schema, table).forEach((name, columns) -> {
					if (!columns.contains("organization_id")) {
						problems.add(table + " foreign key " + name + " " + columns + " lacks organization_id");
					}
				});
			}
		}
		assertThat(checked).contains("invoice", "invoice_row", "client", "item", "department", "audit_event",
				"api_client", "invoice_number_counter");
		assertThat(problems).isEmpty();
	}

	private static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private static String name(DatabaseMetaData meta, String table) throws SQLException {
		return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
	}

	private static Set<String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
		Set<String> columns = new LinkedHashSet<>();
		try (ResultSet rs = meta.getColumns(null, schema, name(meta, table), "%")) {
			while (rs.next()) {
				columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

	private static Set<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
		Set<String> columns = new LinkedHashSet<>();
		try (ResultSet rs = meta.getPrimaryKeys(null, schema, name(meta, table))) {
			while (rs.next()) {
				columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

	private static Map<String, Set<String>> uniqueIndexes(DatabaseMetaData meta, String schema, String table)
			throws SQLException {
		Map<String, Set<String>> indexes = new LinkedHashMap<>();
		try (ResultSet rs = meta.getIndexInfo(null, schema, name(meta, table), true, false)) {
			while (rs.next()) {
				String index = rs.getString("INDEX_NAME");
				String column = rs.getString("COLUMN_NAME");
				if (index != null && column != null) {
					indexes.computeIfAbsent(index, (k) -> new LinkedHashSet<>()).add(column.toLowerCase(Locale.ROOT));
				}
			}
		}
		return indexes;
	}

	private static Map<String, Set<String>> foreignKeys(DatabaseMetaData meta, String schema, String table)
			throws SQLException {
		Map<String, Set<String>> keys = new LinkedHashMap<>();
		try (ResultSet rs = meta.getImportedKeys(null, schema, name(meta, table))) {
			while (rs.next()) {
				keys.computeIfAbsent(rs.getString("FK_NAME"), (k) -> new LinkedHashSet<>())
					.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return keys;
	}

}
