package org.vetbill.shared.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.time.Timestamps;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The safe {@code modified__gte} for a client's next delta poll.
 * <p>
 * A row's {@code modified} is stamped while its transaction runs, and the row becomes
 * visible only when that transaction commits, possibly after a later poll has started. A
 * client that used its own poll time as the next {@code modified__gte} would miss it. The
 * watermark is therefore taken before a list is read: the current time, moved back to the
 * start of the oldest transaction still open and by a margin for clock skew between
 * nodes. Every change the list does not show belongs to a transaction that commits later,
 * and that transaction started (and stamped the row) at or after the watermark, so the
 * next poll from the watermark returns it.
 * <p>
 * Open transactions are known twice: this node's own, from Spring's transaction manager
 * (from the moment Spring begins one, before its first statement), and, on PostgreSQL,
 * every session's, nodes and direct connections alike, from {@code pg_stat_activity}. The
 * embedded H2 database serves one node only, so the first is complete there.
 */
@Component
public class SyncWatermarks {

	private final OpenTransactions open;

	private final DSLContext dsl;

	private final Clock clock;

	private final Duration margin;

	SyncWatermarks(OpenTransactions open, DSLContext dsl, Clock clock,
			@Value("${vetbill.sync.watermark-margin:PT1S}") Duration margin) {
		this.open = open;
		this.dsl = dsl;
		this.clock = clock;
		this.margin = margin;
	}

	/**
	 * The watermark for a list read that starts now; call it before reading.
	 * @return the instant to use as the next {@code modified__gte}
	 */
	public Instant next() {
		Instant now = Timestamps.now(this.clock);
		return now.minus(oldestOpenTransaction()).minus(this.margin);
	}

	/** How long ago the oldest open transaction began (zero when none is open). */
	private Duration oldestOpenTransaction() {
		Duration age = this.open.oldestAge();
		if (this.dsl.dialect().family() == SQLDialect.POSTGRES) {
			Duration database = databaseOldestOpenTransaction();
			if (database.compareTo(age) > 0) {
				age = database;
			}
		}
		return age;
	}

	private Duration databaseOldestOpenTransaction() {
		@Nullable Long micros = this.dsl
			.resultQuery("select cast(coalesce(max(extract(epoch from (clock_timestamp() - xact_start))), 0) "
					+ "* 1000000 as bigint) from pg_stat_activity where datname = current_database() "
					+ "and xact_start is not null and pid <> pg_backend_pid()")
			.fetchOne(0, Long.class);
		return Duration.ofNanos(Math.max(0, (micros != null) ? micros : 0) * 1000);
	}

}
