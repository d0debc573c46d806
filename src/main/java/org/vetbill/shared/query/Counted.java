package org.vetbill.shared.query;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list with the number of items in the whole list.
 *
 * @param <T> the item type
 * @param items the page's items
 * @param count how many items the whole list has
 */
public record Counted<T>(List<T> items, long count) {

	public Counted {
		items = List.copyOf(items);
	}

	public <R> Counted<R> map(Function<? super T, ? extends R> mapper) {
		return new Counted<>(this.items.stream().<R>map(mapper).toList(), this.count);
	}

	/**
	 * Maps the page's items all at once, as when completing them takes one read for the
	 * whole page.
	 * @param <R> the new item type
	 * @param mapper maps the items, keeping their order
	 * @return the page of mapped items, with the same count
	 */
	public <R> Counted<R> mapItems(Function<? super List<T>, ? extends List<R>> mapper) {
		return new Counted<>(mapper.apply(this.items), this.count);
	}

}
