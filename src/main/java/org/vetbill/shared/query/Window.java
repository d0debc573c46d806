package org.vetbill.shared.query;

/**
 * Which part of a list a search reads: the items after a known id (keyset paging, as fast
 * at any depth), or the items at an offset together with the size of the whole list.
 */
public sealed interface Window {

	/**
	 * The items whose id is above {@code after}, in id order.
	 *
	 * @param after the last id of the previous page, 0 for the first page
	 * @param limit at most this many
	 */
	record Keyset(long after, int limit) implements Window {
	}

	/**
	 * The items from an offset in the list's order, counted.
	 *
	 * @param offset how many to skip
	 * @param limit at most this many (0 reads only the count)
	 */
	record Offset(long offset, int limit) implements Window {

		public static Offset of(OffsetPage page) {
			return new Offset(page.offset(), page.size());
		}

	}

}
