package org.vetbill.shared.query;

/**
 * One key of a list's order.
 *
 * @param field the field, as the module that owns the list names it
 * @param descending whether the highest value comes first
 */
public record Sort(String field, boolean descending) {

}
