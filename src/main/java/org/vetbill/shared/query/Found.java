package org.vetbill.shared.query;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link Search} found.
 *
 * @param <T> the item type
 * @param items the items of the window, in the search's order
 * @param count how many items the whole list has, for an {@link Window.Offset} window
 * @param nextAfter for a {@link Window.Keyset} window with more items after it, the id to
 * read on from
 */
public record Found<T>(List<T> items, @Nullable Long count, @Nullable Long nextAfter) {

	public Found {
		items = List.copyOf(items);
	}

	/**
	 * The size of the whole list, for an offset window.
	 * @return the count
	 * @throws IllegalStateException for a keyset window, which is not counted
	 */
	public long total() {
		if (this.count == null) {
			throw new IllegalStateException("a keyset window is not counted");
		}
		return this.count;
	}

}
