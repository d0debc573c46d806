package org.vetbill.supply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.CONNECT_SOURCE;

/**
 * The Connect sources of a buying organization's suppliers and their import schedule: a
 * poll is claimed (one node at a time, never sooner than the poll interval after the last
 * one), then finished as a success (the next poll asks for what changed since it began)
 * or a failure (the next poll waits twice as long as the last, up to the longest
 * back-off).
 */
@Service
public class ConnectSources {

	private static final int HINT = 6;

	private static final int MAX_ERROR = 1000;

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Suppliers suppliers;

	private final ConnectProperties properties;

	ConnectSources(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Suppliers suppliers,
			ConnectProperties properties) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.suppliers = suppliers;
		this.properties = properties;
	}

	/**
	 * Sets where a supplier's invoices are imported from; the first poll is due at once.
	 * Another endpoint, token or account starts the import over from the first invoice
	 * (invoices already imported are recognised by their numbers).
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param source the endpoint and headers
	 * @return the source's status
	 */
	@Transactional
	public ConnectSourceStatus configure(Caller caller, long supplierId, ConnectSource source) {
		this.validator.validate(source);
		this.suppliers.lock(caller, supplierId);
		Instant now = Timestamps.now(this.clock);
		Optional<ConnectSource> before = source(caller.organizationId(), supplierId);
		String baseUrl = source.baseUrl().replaceAll("/+$", "");
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(CONNECT_SOURCE.BASE_URL, baseUrl);
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
		if (before.isEmpty()) {
			this.dsl.insertInto(CONNECT_SOURCE)
				.set(CONNECT_SOURCE.ORGANIZATION_ID, caller.organizationId())
				.set(CONNECT_SOURCE.SUPPLIER_ID, supplierId)
				.set(values)
				.execute();
		}
		else {
			ConnectSource old = before.get();
			if (!old.baseUrl().equals(baseUrl) || !old.userAuth().equals(source.userAuth())
					|| !Objects.equals(old.accountCode(), source.accountCode())) {
				values.put(CONNECT_SOURCE.UPDATED_AFTER, null);
			}
			this.dsl.update(CONNECT_SOURCE)
				.set(values)
				.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(caller.organizationId()))
				.and(CONNECT_SOURCE.SUPPLIER_ID.eq(supplierId))
				.execute();
		}
		this.audit.record(caller, before.isEmpty() ? "connect_source.created" : "connect_source.updated", "supplier",
				supplierId, null, source);
		return status(caller, supplierId);
	}

	@Transactional(readOnly = true)
	public ConnectSourceStatus status(Caller caller, long supplierId) {
		this.suppliers.get(caller, supplierId);
		return this.dsl.selectFrom(CONNECT_SOURCE)
			.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(supplierId))
			.fetchOptional(ConnectSources::status)
			.orElseThrow(() -> new NotFound("connect_source", supplierId));
	}

	/**
	 * The sources whose next poll is due and that no node is polling.
	 * @return organization and supplier of each
	 */
	@Transactional(readOnly = true)
	public List<SourceKey> due() {
		Instant now = Timestamps.now(this.clock);
		return this.dsl.select(CONNECT_SOURCE.ORGANIZATION_ID, CONNECT_SOURCE.SUPPLIER_ID)
			.from(CONNECT_SOURCE)
			.where(CONNECT_SOURCE.ENABLED.isTrue())
			.and(CONNECT_SOURCE.NEXT_POLL.le(now))
			.and(CONNECT_SOURCE.LEASE_UNTIL.isNull().or(CONNECT_SOURCE.LEASE_UNTIL.lt(now)))
			.orderBy(CONNECT_SOURCE.NEXT_POLL)
			.fetch((r) -> new SourceKey(r.value1(), r.value2()));
	}

	/**
	 * A source by its organization and supplier.
	 *
	 * @param organizationId the buying organization
	 * @param supplierId its supplier
	 */
	public record SourceKey(long organizationId, long supplierId) {

	}

	/**
	 * Claims a poll of a source for this node.
	 * @param key the source
	 * @param onlyWhenDue whether the poll must be due (the schedule) or may come early (a
	 * poll asked for by a user), never sooner than the poll interval after the last one
	 * @return the source with the {@code UpdatedAfter} to ask for, or empty when another
	 * node polls it, it is not due, or it was polled less than the poll interval ago
	 */
	@Transactional
	public Optional<Claimed> claim(SourceKey key, boolean onlyWhenDue) {
		Instant now = Timestamps.now(this.clock);
		var condition = CONNECT_SOURCE.ORGANIZATION_ID.eq(key.organizationId())
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(key.supplierId()))
			.and(CONNECT_SOURCE.ENABLED.isTrue())
			.and(CONNECT_SOURCE.LEASE_UNTIL.isNull().or(CONNECT_SOURCE.LEASE_UNTIL.lt(now)))
			.and(CONNECT_SOURCE.LAST_POLL.isNull()
				.or(CONNECT_SOURCE.LAST_POLL.le(now.minus(this.properties.pollInterval()))));
		if (onlyWhenDue) {
			condition = condition.and(CONNECT_SOURCE.NEXT_POLL.le(now));
		}
		int claimed = this.dsl.update(CONNECT_SOURCE)
			.set(CONNECT_SOURCE.LEASE_UNTIL, now.plus(this.properties.lease()))
			.set(CONNECT_SOURCE.LAST_POLL, now)
			.where(condition)
			.execute();
		if (claimed == 0) {
			return Optional.empty();
		}
		Record row = this.dsl.selectFrom(CONNECT_SOURCE)
			.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(key.organizationId()))
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(key.supplierId()))
			.fetchSingle();
		return Optional.of(new Claimed(key, source(row), row.get(CONNECT_SOURCE.UPDATED_AFTER), now));
	}

	/**
	 * A poll this node has claimed.
	 *
	 * @param key the source
	 * @param source its endpoint and headers
	 * @param updatedAfter the {@code UpdatedAfter} to ask for (null: everything)
	 * @param started when the poll began
	 */
	public record Claimed(SourceKey key, ConnectSource source, @Nullable Instant updatedAfter, Instant started) {

	}

	/**
	 * Ends a successful poll: the next one asks for the changes since this one began
	 * (less the overlap) after the poll interval.
	 * @param poll the poll
	 * @return when the next poll is due
	 */
	@Transactional
	public Instant succeeded(Claimed poll) {
		Instant next = poll.started().plus(this.properties.pollInterval());
		Instant since = poll.started().minus(this.properties.overlap());
		if (poll.updatedAfter() != null && since.isBefore(poll.updatedAfter())) {
			since = poll.updatedAfter();
		}
		this.dsl.update(CONNECT_SOURCE)
			.set(CONNECT_SOURCE.UPDATED_AFTER, since)
			.set(CONNECT_SOURCE.NEXT_POLL, next)
			.set(CONNECT_SOURCE.FAILURES, 0)
			.set(CONNECT_SOURCE.LAST_SUCCESS, Timestamps.now(this.clock))
			.set(CONNECT_SOURCE.LAST_ERROR, (String) null)
			.set(CONNECT_SOURCE.LEASE_UNTIL, (Instant) null)
			.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(poll.key().organizationId()))
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(poll.key().supplierId()))
			.execute();
		return next;
	}

	/**
	 * Ends a failed poll: the next one waits the poll interval doubled for each failure
	 * in a row, up to the longest back-off, and asks for the same changes again.
	 * @param poll the poll
	 * @param error what went wrong
	 * @return when the next poll is due
	 */
	@Transactional
	public Instant failed(Claimed poll, String error) {
		int failures = Objects.requireNonNull(this.dsl.select(CONNECT_SOURCE.FAILURES)
			.from(CONNECT_SOURCE)
			.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(poll.key().organizationId()))
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(poll.key().supplierId()))
			.fetchSingle(CONNECT_SOURCE.FAILURES)) + 1;
		Instant next = Timestamps.now(this.clock).plus(backoff(failures));
		this.dsl.update(CONNECT_SOURCE)
			.set(CONNECT_SOURCE.NEXT_POLL, next)
			.set(CONNECT_SOURCE.FAILURES, failures)
			.set(CONNECT_SOURCE.LAST_ERROR, (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error)
			.set(CONNECT_SOURCE.LEASE_UNTIL, (Instant) null)
			.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(poll.key().organizationId()))
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(poll.key().supplierId()))
			.execute();
		return next;
	}

	/**
	 * The wait after a number of failed polls in a row: the poll interval, doubled for
	 * each failure after the first, up to the longest back-off.
	 * @param failures failures in a row, from 1
	 * @return the wait
	 */
	Duration backoff(int failures) {
		Duration wait = this.properties.pollInterval();
		for (int i = 1; i < failures && wait.compareTo(this.properties.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	private Optional<ConnectSource> source(long organizationId, long supplierId) {
		return this.dsl.selectFrom(CONNECT_SOURCE)
			.where(CONNECT_SOURCE.ORGANIZATION_ID.eq(organizationId))
			.and(CONNECT_SOURCE.SUPPLIER_ID.eq(supplierId))
			.fetchOptional(ConnectSources::source);
	}

	private static ConnectSource source(Record r) {
		return new ConnectSource(r.get(CONNECT_SOURCE.BASE_URL), r.get(CONNECT_SOURCE.CLIENT_NAME),
				r.get(CONNECT_SOURCE.CLIENT_AUTH), r.get(CONNECT_SOURCE.USER_AUTH), r.get(CONNECT_SOURCE.PRACTICE),
				r.get(CONNECT_SOURCE.USER_NAME), r.get(CONNECT_SOURCE.ACCOUNT_CODE));
	}

	private static ConnectSourceStatus status(Record r) {
		return new ConnectSourceStatus(r.get(CONNECT_SOURCE.BASE_URL), r.get(CONNECT_SOURCE.CLIENT_NAME),
				hint(r.get(CONNECT_SOURCE.CLIENT_AUTH)), hint(r.get(CONNECT_SOURCE.USER_AUTH)),
				r.get(CONNECT_SOURCE.PRACTICE), r.get(CONNECT_SOURCE.USER_NAME), r.get(CONNECT_SOURCE.ACCOUNT_CODE),
				r.get(CONNECT_SOURCE.ENABLED), r.get(CONNECT_SOURCE.UPDATED_AFTER), r.get(CONNECT_SOURCE.NEXT_POLL),
				r.get(CONNECT_SOURCE.FAILURES), r.get(CONNECT_SOURCE.LAST_POLL), r.get(CONNECT_SOURCE.LAST_SUCCESS),
				r.get(CONNECT_SOURCE.LAST_ERROR));
	}

	private static String hint(String secret) {
		return ((secret.length() > HINT) ? secret.substring(0, HINT) : "") + "…";
	}

}
