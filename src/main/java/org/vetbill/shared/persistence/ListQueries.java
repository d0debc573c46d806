package org.vetbill.shared.persistence;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SortField;
import org.jooq.Table;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Window;

/**
 * Reads a numbered page of a table and counts the whole list: two queries whatever the
 * page size.
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
		long count = dsl.fetchCount(table, condition);
		if (count <= window.offset() || window.limit() == 0) {
			return new Counted<>(List.of(), count);
		}
		List<T> items = dsl.select()
			.from(table)
			.where(condition)
			.orderBy(order)
			.limit(window.limit())
			.offset(window.offset())
			.fetch(mapper);
		return new Counted<>(items, count);
	}

}
