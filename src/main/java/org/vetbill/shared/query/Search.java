package org.vetbill.shared.query;

import java.util.List;

/**
 * What a list asks for, whichever API asks: which items ({@link Criteria} over the owning
 * module's field names), in which order (then by id, in the same direction), and which
 * part of the list. Each API builds one from its own parameters.
 *
 * @param criteria the filters
 * @param order the order; empty for id order
 * @param window the part of the list
 */
public record Search(Criteria criteria, List<Sort> order, Window window) {

	public Search {
		order = List.copyOf(order);
	}

}
