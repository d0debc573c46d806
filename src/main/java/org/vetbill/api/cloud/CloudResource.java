package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

/**
 * A resource of the Cloud API: how to find its objects through the core's use cases and
 * how to write one as the API does.
 *
 * @param <T> the core's view of an object
 */
abstract class CloudResource<T> {

	private final String name;

	/**
	 * @param name the resource's name in URLs, such as {@code invoice}
	 */
	protected CloudResource(String name) {
		this.name = name;
	}

	final String name() {
		return this.name;
	}

	/**
	 * A numbered page of the objects matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria the filters, in the core's field names
	 * @param order the order, in the core's field names (only fields of
	 * {@link #filters()}), then by id in the direction of the last key; empty for id
	 * order
	 * @param page the page
	 * @return the page and the size of the whole list
	 */
	abstract Counted<T> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page);

	/**
	 * The objects with the given ids; those that do not exist are left out.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the objects
	 */
	abstract List<T> byIds(Caller caller, Collection<Long> ids);

	abstract long id(T item);

	/**
	 * Writes an object's fields, in the API's order.
	 * @param item the object
	 * @param out the representation being written
	 */
	abstract void write(T item, CloudObject out);

	/**
	 * The fields a list can be filtered on, by the API's names, and the core's name of
	 * each.
	 * @return the filters
	 */
	abstract CloudFilters filters();

	/**
	 * The relations {@code expose_<name>} can write inline.
	 * @return the relations
	 */
	List<Relation<T>> relations() {
		return List.of();
	}

	/**
	 * The ids of a to-one relation that may be empty.
	 * @param id the related id, or null
	 * @return the id alone, or nothing
	 */
	static List<Long> optional(@Nullable Long id) {
		return (id != null) ? List.of(id) : List.of();
	}

	/**
	 * A relation of a resource's objects to objects of another resource.
	 *
	 * @param <T> the resource's view
	 * @param name the field, as in {@code expose_<name>}
	 * @param target the related resource's name
	 * @param ids the related ids of an object
	 */
	record Relation<T>(String name, String target, Function<T, Collection<Long>> ids) {
	}

}
