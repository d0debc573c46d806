package org.vetbill.shared.query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The operators a filter compares a field with, each with the names and synonyms clients
 * write it with.
 */
public enum Operator {

	/** Equal. */
	IS("is", "eq"),
	/** Not equal. */
	IS_NOT("is_not", "not_eq", "neq"),
	/** Less than. */
	LT("lt"),
	/** Less than or equal. */
	LTE("lte"),
	/** Greater than. */
	GT("gt"),
	/** Greater than or equal. */
	GTE("gte"),
	/** Between two values, both included: {@code [from,to]}. */
	RANGE("range"),
	/** Outside two values. */
	NOT_IN_RANGE("not_in_range"),
	/** Case-sensitive substring. */
	CONTAINS("contains"),
	/** Not a case-sensitive substring. */
	CONTAINS_NOT("contains_not"),
	/** Case-insensitive substring. */
	ICONTAINS("icontains"),
	/** Not a case-insensitive substring. */
	ICONTAINS_NOT("icontains_not"),
	/** One of a list: {@code [v1,v2]} or {@code v1,v2}. */
	IN("in"),
	/** None of a list. */
	NOT_IN("not_in"),
	/** {@code true}: the field is empty; {@code false}: it has a value. */
	IS_NULL("is_null");

	private final List<String> names;

	Operator(String... names) {
		this.names = List.of(names);
	}

	/**
	 * The operator's names as written in a query, the first being the main one.
	 * @return the names
	 */
	public List<String> names() {
		return this.names;
	}

	public static Optional<Operator> ofName(String name) {
		return Arrays.stream(values()).filter((operator) -> operator.names.contains(name)).findFirst();
	}

	/**
	 * Every name of every operator, for error messages.
	 * @return the names, comma separated
	 */
	public static String allNames() {
		return Arrays.stream(values()).flatMap((operator) -> operator.names.stream()).collect(Collectors.joining(", "));
	}

	/**
	 * Whether the operator takes a list of values.
	 * @return true for in, not_in, range and not_in_range
	 */
	public boolean takesList() {
		return this == IN || this == NOT_IN || this == RANGE || this == NOT_IN_RANGE;
	}

	/**
	 * Whether the operator compares text.
	 * @return true for the substring operators
	 */
	public boolean isTextual() {
		return this == CONTAINS || this == CONTAINS_NOT || this == ICONTAINS || this == ICONTAINS_NOT;
	}

	/**
	 * Whether the operator orders values.
	 * @return true for lt, lte, gt, gte and the ranges
	 */
	public boolean isOrdering() {
		return this == LT || this == LTE || this == GT || this == GTE || this == RANGE || this == NOT_IN_RANGE;
	}

}
