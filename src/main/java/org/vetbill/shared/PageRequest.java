package org.vetbill.shared;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.InvalidInput;

/**
 * Keyset paging parameters: items with an id greater than {@code after}, at most
 * {@code limit}.
 *
 * @param after the last id of the previous page, or null for the first page
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(@Nullable Long after, int limit) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public PageRequest {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidInput.of("limit", "between", "min", 1, "max", MAX_LIMIT);
		}
	}

	public static PageRequest of(@Nullable Long after, @Nullable Integer limit) {
		return new PageRequest(after, (limit == null) ? DEFAULT_LIMIT : limit);
	}

	public long afterOrZero() {
		return (this.after == null) ? 0 : this.after;
	}

}
