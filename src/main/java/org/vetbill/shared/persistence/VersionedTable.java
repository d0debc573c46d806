package org.vetbill.shared.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.RecordMapper;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.OffsetPage;

/**
 * The statements shared by tables of versioned records that belong to an organization:
 * rows with an id, an organization id, created and modified times and a version for
 * optimistic locking. Every statement is scoped to the organization. A repository holds
 * one and keeps the statements that are its own.
 *
 * @param <T> what a row maps to
 */
public final class VersionedTable<T> {

	private final DSLContext dsl;

	private final Table<?> table;

	private final Field<Long> id;

	private final Field<Long> organizationId;

	private final Field<Instant> created;

	private final Field<Instant> modified;

	private final Field<Integer> version;

	private final RecordMapper<Record, T> mapper;

	public VersionedTable(DSLContext dsl, Table<?> table, Field<Long> id, Field<Long> organizationId,
			Field<Instant> created, Field<Instant> modified, Field<Integer> version, RecordMapper<Record, T> mapper) {
		this.dsl = dsl;
		this.table = table;
		this.id = id;
		this.organizationId = organizationId;
		this.created = created;
		this.modified = modified;
		this.version = version;
		this.mapper = mapper;
	}

	public Optional<T> find(long organizationId, long id) {
		return this.dsl.selectFrom(this.table)
			.where(this.organizationId.eq(organizationId))
			.and(this.id.eq(id))
			.fetchOptional(this.mapper);
	}

	public boolean exists(long organizationId, long id) {
		return this.dsl.fetchExists(this.table, this.organizationId.eq(organizationId), this.id.eq(id));
	}

	/**
	 * The rows with the given ids, in no particular order.
	 * @param organizationId the organization
	 * @param ids the ids
	 * @return the rows found
	 */
	public List<T> all(long organizationId, Collection<Long> ids) {
		return this.dsl.selectFrom(this.table)
			.where(this.organizationId.eq(organizationId))
			.and(this.id.in(ids))
			.fetch(this.mapper);
	}

	/**
	 * The rows with the given ids, in id order.
	 * @param organizationId the organization
	 * @param ids the ids
	 * @return the rows found
	 */
	public List<T> allInIdOrder(long organizationId, Collection<Long> ids) {
		return this.dsl.selectFrom(this.table)
			.where(this.organizationId.eq(organizationId))
			.and(this.id.in(ids))
			.orderBy(this.id)
			.fetch(this.mapper);
	}

	/**
	 * A numbered page of the rows matching a filter, in the given order.
	 * @param organizationId the organization
	 * @param filter the filter
	 * @param order the order, ending in the id so pages never overlap
	 * @param page the page
	 * @return the page and the number of matching rows
	 */
	public Counted<T> page(long organizationId, Condition filter, List<SortField<?>> order, OffsetPage page) {
		return ListQueries.page(this.dsl, this.table, this.organizationId.eq(organizationId).and(filter), order, page,
				this.mapper);
	}

	/**
	 * A keyset page of the rows matching a filter.
	 * @param organizationId the organization
	 * @param page the page
	 * @param filter the filter
	 * @param idOf the id of an item
	 * @return the page
	 */
	public Page<T> list(long organizationId, PageRequest page, Condition filter, ToLongFunction<T> idOf) {
		Condition condition = this.organizationId.eq(organizationId).and(this.id.gt(page.afterOrZero())).and(filter);
		return Page.of(this.dsl.selectFrom(this.table)
			.where(condition)
			.orderBy(this.id)
			.limit(page.limit() + 1)
			.fetch(this.mapper), page.limit(), idOf);
	}

	/**
	 * Inserts a row at version 0.
	 * @param organizationId the organization
	 * @param values the values of the other columns
	 * @param now the creation time
	 * @return the new row's id
	 */
	public long insert(long organizationId, Map<Field<?>, @Nullable Object> values, Instant now) {
		return this.dsl.insertInto(this.table)
			.set(this.organizationId, organizationId)
			.set(values)
			.set(this.created, now)
			.set(this.modified, now)
			.set(this.version, 0)
			.returningResult(this.id)
			.fetchSingle()
			.value1();
	}

	/**
	 * Changes a row that is still at the version the change was based on, and moves it to
	 * the next version. A change that leaves every column as it is (compared in the
	 * database, {@code IS DISTINCT FROM}) writes nothing: the row keeps its modification
	 * time and version.
	 * @param organizationId the organization
	 * @param id the row
	 * @param expectedVersion the version the change was based on
	 * @param values the new values
	 * @param now the modification time
	 * @return whether the row was changed, already held the values, or does not exist or
	 * has another version
	 */
	public UpdateOutcome update(long organizationId, long id, int expectedVersion,
			Map<Field<?>, @Nullable Object> values, Instant now) {
		int updated = this.dsl.update(this.table)
			.set(values)
			.set(this.modified, now)
			.set(this.version, this.version.plus(1))
			.where(this.organizationId.eq(organizationId))
			.and(this.id.eq(id))
			.and(this.version.eq(expectedVersion))
			.and(anyDistinct(values))
			.execute();
		if (updated > 0) {
			return UpdateOutcome.CHANGED;
		}
		boolean atVersion = this.dsl.fetchExists(this.table, this.organizationId.eq(organizationId), this.id.eq(id),
				this.version.eq(expectedVersion));
		return atVersion ? UpdateOutcome.UNCHANGED : UpdateOutcome.STALE;
	}

	/**
	 * The condition that at least one column differs from the value given for it.
	 * @param values the values by column
	 * @return the condition (false for no values)
	 */
	public static Condition anyDistinct(Map<Field<?>, @Nullable Object> values) {
		Condition any = DSL.falseCondition();
		for (Map.Entry<Field<?>, @Nullable Object> entry : values.entrySet()) {
			any = any.or(distinct(entry.getKey(), entry.getValue()));
		}
		return any;
	}

	@SuppressWarnings("unchecked")
	private static <V> Condition distinct(Field<V> column, @Nullable Object value) {
		return column.isDistinctFrom(DSL.val((V) value, column));
	}

}
