package org.vetbill.supply;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.supply.ConnectSources.SourceKey;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.CONNECT_SOURCE;

/**
 * SQL for the Connect sources of a buying organization's suppliers and their import
 * schedule. A source is found by its organization and supplier; the schedule's queries
 * span organizations.
 */
@Repository
class ConnectSourceRepository {

	private final DSLContext dsl;

	ConnectSourceRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A source as stored, with its schedule.
	 *
	 * @param source the endpoint and headers
	 * @param enabled whether the importer polls it
	 * @param updatedAfter the next poll asks for the invoices changed after this time
	 * (null: everything)
	 * @param nextPoll when the next poll is due
	 * @param failures failed polls in a row
	 * @param lastPoll when the last poll began
	 * @param lastSuccess when the last poll succeeded
	 * @param lastError what the last poll met, if it failed
	 */
	record StoredSource(ConnectSource source, boolean enabled, @Nullable Instant updatedAfter, Instant nextPoll,
			int failures, @Nullable Instant lastPoll, @Nullable Instant lastSuccess, @Nullable String lastError) {
	}

	Optional<StoredSource> find(SourceKey key) {
		return this.dsl.selectFrom(CONNECT_SOURCE)
			.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(key.organizationId()))
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(key.supplierId()))
			.fetchOptional(ConnectSourceRepository::stored);
	}

	/**
	 * Records a source, its first poll due now.
	 * @param key the source
	 * @param source the endpoint and headers
	 * @param now the time
	 */
	void insert(SourceKey key, ConnectSource source, Instant now) {
		this.dsl.insertInto(CONNECT_SOURCE)
			.set(CONNECT_SOURCE.ORGANIZATION_ID, key.organizationId())
			.set(CONNECT_SOURCE.SUPPLIER_ID, key.supplierId())
			.set(values(source, now))
			.execute();
	}

	/**
	 * Changes a source and makes its next poll due now.
	 * @param key the source
	 * @param source the endpoint and headers
	 * @param now the time
	 * @param startOver whether the next poll imports everything again
	 */
	void update(SourceKey key, ConnectSource source, Instant now, boolean startOver) {
		Map<Field<?>, @Nullable Object> values = values(source, now);
		if (startOver) {
			values.put(CONNECT_SOURCE.UPDATED_AFTER, null);
		}
		this.dsl.update(CONNECT_SOURCE).set(values).where(is(key)).execute();
	}

	/**
	 * How many enabled sources of every organization failed their last poll.
	 * @return the number
	 */
	int countFailing() {
		return this.dsl.fetchCount(CONNECT_SOURCE, CONNECT_SOURCE.ENABLED.isTrue().and(CONNECT_SOURCE.FAILURES.gt(0)));
	}

	/**
	 * The enabled sources whose next poll is due and that no node holds a lease on.
	 * @param now the time
	 * @return the sources, the longest due first
	 */
	List<SourceKey> due(Instant now) {
		return this.dsl.select(CONNECT_SOURCE.ORGANIZATION_ID, CONNECT_SOURCE.SUPPLIER_ID)
			.from(CONNECT_SOURCE)
			.where(CONNECT_SOURCE.ENABLED.isTrue())
			.and(CONNECT_SOURCE.NEXT_POLL.le(now))
			.and(CONNECT_SOURCE.LEASE_UNTIL.isNull().or(CONNECT_SOURCE.LEASE_UNTIL.lt(now)))
			.orderBy(CONNECT_SOURCE.NEXT_POLL)
			.fetch((r) -> new SourceKey(r.value1(), r.value2()));
	}

	/**
	 * Takes a lease on an enabled source that no node holds one on and that was last
	 * polled no later than a time, and marks it polled now.
	 * @param key the source
	 * @param now the time
	 * @param leaseUntil when the lease ends
	 * @param lastPolledBy the latest time the last poll may have begun
	 * @param onlyWhenDue whether the next poll must be due
	 * @return whether the lease was taken
	 */
	boolean claim(SourceKey key, Instant now, Instant leaseUntil, Instant lastPolledBy, boolean onlyWhenDue) {
		Condition condition = is(key).and(CONNECT_SOURCE.ENABLED.isTrue())
			.and(CONNECT_SOURCE.LEASE_UNTIL.isNull().or(CONNECT_SOURCE.LEASE_UNTIL.lt(now)))
			.and(CONNECT_SOURCE.LAST_POLL.isNull().or(CONNECT_SOURCE.LAST_POLL.le(lastPolledBy)));
		if (onlyWhenDue) {
			condition = condition.and(CONNECT_SOURCE.NEXT_POLL.le(now));
		}
		return this.dsl.update(CONNECT_SOURCE)
			.set(CONNECT_SOURCE.LEASE_UNTIL, leaseUntil)
			.set(CONNECT_SOURCE.LAST_POLL, now)
			.where(condition)
			.execute() != 0;
	}

	/**
	 * Ends a successful poll and releases the lease.
	 * @param key the source
	 * @param updatedAfter the next poll asks for the invoices changed after this time
	 * @param nextPoll when the next poll is due
	 * @param now the time
	 */
	void succeeded(SourceKey key, Instant updatedAfter, Instant nextPoll, Instant now) {
		this.dsl.update(CONNECT_SOURCE)
			.set(CONNECT_SOURCE.UPDATED_AFTER, updatedAfter)
			.set(CONNECT_SOURCE.NEXT_POLL, nextPoll)
			.set(CONNECT_SOURCE.FAILURES, 0)
			.set(CONNECT_SOURCE.LAST_SUCCESS, now)
			.set(CONNECT_SOURCE.LAST_ERROR, (String) null)
			.set(CONNECT_SOURCE.LEASE_UNTIL, (Instant) null)
			.where(is(key))
			.execute();
	}

	int failures(SourceKey key) {
		return Objects.requireNonNull(this.dsl.select(CONNECT_SOURCE.FAILURES)
			.from(CONNECT_SOURCE)
			.where(is(key))
			.fetchSingle(CONNECT_SOURCE.FAILURES));
	}

	/**
	 * Ends a failed poll and releases the lease.
	 * @param key the source
	 * @param nextPoll when the next poll is due
	 * @param failures failed polls in a row, this one included
	 * @param error what went wrong
	 */
	void failed(SourceKey key, Instant nextPoll, int failures, String error) {
		this.dsl.update(CONNECT_SOURCE)
			.set(CONNECT_SOURCE.NEXT_POLL, nextPoll)
			.set(CONNECT_SOURCE.FAILURES, failures)
			.set(CONNECT_SOURCE.LAST_ERROR, error)
			.set(CONNECT_SOURCE.LEASE_UNTIL, (Instant) null)
			.where(is(key))
			.execute();
	}

	private static Condition is(SourceKey key) {
		return CONNECT_SOURCE.ORGANIZATION_ID.eq(key.organizationId())
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(key.supplierId()));
	}

	private static Map<Field<?>, @Nullable Object> values(ConnectSource source, Instant now) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(CONNECT_SOURCE.BASE_URL, source.baseUrl());
		values.put(CONNECT_SOURCE.CLIENT_NAME, source.client());
		values.put(CONNECT_SOURCE.CLIENT_AUTH, source.clientAuth());
		values.put(CONNECT_SOURCE.USER_AUTH, source.userAuth());
		values.put(CONNECT_SOURCE.PRACTICE, source.practice());
		values.put(CONNECT_SOURCE.USER_NAME, source.user());
		values.put(CONNECT_SOURCE.ACCOUNT_CODE, source.accountCode());
		values.put(CONNECT_SOURCE.ENABLED, true);
		values.put(CONNECT_SOURCE.FAILURES, 0);
		values.put(CONNECT_SOURCE.NEXT_POLL, now);
		values.put(CONNECT_SOURCE.MODIFIED, now);
		return values;
	}

	private static StoredSource stored(Record r) {
		return new StoredSource(new ConnectSource(r.get(CONNECT_SOURCE.BASE_URL), r.get(CONNECT_SOURCE.CLIENT_NAME),
				r.get(CONNECT_SOURCE.CLIENT_AUTH), r.get(CONNECT_SOURCE.USER_AUTH), r.get(CONNECT_SOURCE.PRACTICE),
				r.get(CONNECT_SOURCE.USER_NAME), r.get(CONNECT_SOURCE.ACCOUNT_CODE)), r.get(CONNECT_SOURCE.ENABLED),
				r.get(CONNECT_SOURCE.UPDATED_AFTER), r.get(CONNECT_SOURCE.NEXT_POLL), r.get(CONNECT_SOURCE.FAILURES),
				r.get(CONNECT_SOURCE.LAST_POLL), r.get(CONNECT_SOURCE.LAST_SUCCESS), r.get(CONNECT_SOURCE.LAST_ERROR));
	}

}
