package org.vetbill.shared.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of a list query, combined with AND, or with OR when {@code anyOf}; and
 * groups of filters every item must match besides, each combined its own way (such as a
 * searched word that one of several fields must contain).
 *
 * @param criteria the filters
 * @param anyOf whether one matching filter is enough ({@code filter_type=or})
 * @param groups groups of filters that must match as well, whatever {@code anyOf} says
 */
public record Criteria(List<Criterion> criteria, boolean anyOf, List<Criteria> groups) {

	public static final Criteria NONE = new Criteria(List.of(), false);

	public Criteria {
		criteria = List.copyOf(criteria);
		groups = List.copyOf(groups);
	}

	/**
	 * Filters without groups.
	 * @param criteria the filters
	 * @param anyOf whether one matching filter is enough
	 */
	public Criteria(List<Criterion> criteria, boolean anyOf) {
		this(criteria, anyOf, List.of());
	}

	/**
	 * These criteria, and a group of filters every item must match as well.
	 * @param group the group
	 * @return the criteria with the group
	 */
	public Criteria and(Criteria group) {
		List<Criteria> all = new ArrayList<>(this.groups);
		all.add(group);
		return new Criteria(this.criteria, this.anyOf, all);
	}

}
