package org.vetbill.shared.persistence;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Window;

/**
 * Reads a numbered page of a table and counts the whole list: two queries whatever the
 * page size.
 * <p>
 * Both are sent with their values written in (static statements), so PostgreSQL plans
 * each for the values it is given. As prepared statements with parameters, after five
 * executions it would switch to a generic plan that assumes a third of the table matches
 * a range such as {@code id > ?}, and count the last hundred invoices of a keyset walk
 * with a parallel scan of the whole organization (issue 17: 123 ms instead of 10 ms at a
 * million invoices). Planning a list's two statements costs far less than a wrong plan.
 */
public final class ListQueries {

	private ListQueries() {
	}

	/**
	 * A page of the rows matching a condition, in the given order.
	 * @param <T> the item type
	 * @param dsl the database
	 * @param table the table
	 * @param condition the rows of the list (tenant scope and filters)
	 * @param order the order, ending in a unique key so pages never overlap
	 * @param page the page
	 * @param mapper maps a row to an item
	 * @return the page and the list's size
	 */
	public static <T> Counted<T> page(DSLContext dsl, Table<?> table, Condition condition, List<SortField<?>> order,
			OffsetPage page, RecordMapper<Record, T> mapper) {
		return page(dsl, table, condition, order, Window.Offset.of(page), mapper);
	}

	/**
	 * The rows matching a condition from an offset, in the given order.
	 * @param <T> the item type
	 * @param dsl the database
	 * @param table the table
	 * @param condition the rows of the list (tenant scope and filters)
	 * @param order the order, ending in a unique key so pages never overlap
	 * @param window the offset and limit (0 reads only the count)
	 * @param mapper maps a row to an item
	 * @return the rows and the list's size
	 */
	public static <T> Counted<T> page(DSLContext dsl, Table<?> table, Condition condition, List<SortField<?>> order,
			Window.Offset window, RecordMapper<Record, T> mapper) {
		return page(dsl, table, List.of(), condition, order, window, mapper);
	}

	/**
	 * Some columns of the rows matching a condition from an offset, in the given order.
	 * @param <T> the item type
	 * @param dsl the database
	 * @param table the table
	 * @param fields the columns to read (none: every column of the table)
	 * @param condition the rows of the list (tenant scope and filters)
	 * @param order the order, ending in a unique key so pages never overlap
	 * @param window the offset and limit (0 reads only the count)
	 * @param mapper maps a row to an item
	 * @return the rows and the list's size
	 */
	public static <T> Counted<T> page(DSLContext dsl, Table<?> table, List<? extends SelectFieldOrAsterisk> fields,
			Condition condition, List<SortField<?>> order, Window.Offset window, RecordMapper<Record, T> mapper) {
		DSLContext planned = planEach(dsl);
		long count = planned.fetchCount(table, condition);
		if (count <= window.offset() || window.limit() == 0) {
			return new Counted<>(List.of(), count);
		}
		List<T> items = planned.select(fields)
			.from(table)
			.where(condition)
			.orderBy(order)
			.limit(window.limit())
			.offset(window.offset())
			.fetch(mapper);
		return new Counted<>(items, count);
	}

	/**
	 * The same database, with statements that carry their values, so that each execution
	 * is planned for them.
	 * @param dsl the database
	 * @return the database sending static statements
	 */
	private static DSLContext planEach(DSLContext dsl) {
		return DSL.using(dsl.configuration()
			.derive(SettingsTools.clone(dsl.settings()).withStatementType(StatementType.STATIC_STATEMENT)));
	}

}
