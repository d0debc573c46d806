package org.vetbill.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list read with keyset paging.
 *
 * @param <T> the item type
 * @param items the items, in ascending id order
 * @param nextAfter the id to pass as {@code after} for the next page, or null on the last
 * page
 */
public record Page<T>(List<T> items, @Nullable Long nextAfter) {

	/**
	 * Builds a page from a query that fetched one item more than the limit.
	 * @param <T> the item type
	 * @param fetched up to {@code limit + 1} items
	 * @param limit the page size
	 * @param id the id of an item
	 * @return the page
	 */
	public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.ToLongFunction<T> id) {
		if (fetched.size() <= limit) {
			return new Page<>(List.copyOf(fetched), null);
		}
		List<T> items = List.copyOf(fetched.subList(0, limit));
		return new Page<>(items, id.applyAsLong(items.get(limit - 1)));
	}

}
