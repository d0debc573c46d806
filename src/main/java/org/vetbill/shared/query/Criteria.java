package org.vetbill.shared.query;

import java.util.List;

/**
 * The filters of a list query, combined with AND, or with OR when {@code anyOf}.
 *
 * @param criteria the filters
 * @param anyOf whether one matching filter is enough ({@code filter_type=or})
 */
public record Criteria(List<Criterion> criteria, boolean anyOf) {

	public static final Criteria NONE = new Criteria(List.of(), false);

	public Criteria {
		criteria = List.copyOf(criteria);
	}

}
