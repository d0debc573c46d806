package org.vetbill.shared.query;

import org.vetbill.shared.error.InvalidInput;

/**
 * A numbered page of a list: page {@code number} (from 1) of pages of {@code size} items.
 *
 * @param number the page number, 1-based
 * @param size the page size, 1 to {@value #MAX_SIZE}
 */
public record OffsetPage(int number, int size) {

	public static final int MAX_SIZE = 1000;

	public OffsetPage {
		if (number < 1) {
			throw InvalidInput.field("page", "A page number is 1 or more.");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInput.field("page_size", "Ensure this value is between 1 and " + MAX_SIZE + ".");
		}
	}

	public long offset() {
		return (long) (this.number - 1) * this.size;
	}

}
