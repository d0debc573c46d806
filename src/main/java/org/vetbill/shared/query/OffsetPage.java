package org.vetbill.shared.query;

import org.vetbill.shared.error.InvalidInput;

/**
 * A numbered page of a list: page {@code number} (from 1) of pages of {@code size} items.
 * Numbered pages reach {@value #MAX_OFFSET} items deep: the database must count and skip
 * every item before a page, so deeper pages would grow slower with their depth; keyset
 * paging (the items after the last id read) serves any depth at the same speed. Errors
 * name the {@code number} and the {@code size}.
 *
 * @param number the page number, 1-based
 * @param size the page size, 1 to {@value #MAX_SIZE}
 */
public record OffsetPage(int number, int size) {

	public static final int MAX_SIZE = 1000;

	public static final int MAX_OFFSET = 10_000;

	public OffsetPage {
		if (number < 1) {
			throw InvalidInput.of("number", "page_number_below_one");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInput.of("size", "between", "min", 1, "max", MAX_SIZE);
		}
		long offset = (long) (number - 1) * size;
		if (offset > MAX_OFFSET) {
			throw InvalidInput.of("number", "page_too_deep", "page", number, "offset", offset, "max", MAX_OFFSET);
		}
	}

	public long offset() {
		return (long) (this.number - 1) * this.size;
	}

}
