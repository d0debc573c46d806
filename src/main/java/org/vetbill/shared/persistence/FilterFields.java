package org.vetbill.shared.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.FilterValues;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.query.Sort;

/**
 * The fields a list can be filtered on, and the SQL condition of a set of
 * {@link Criteria} over them. A relation is filtered by the related object's id
 * ({@code client__is=456}, also written {@code client.id__is=456}). Every unknown field,
 * unsupported operator and malformed value is refused, naming its query parameter: a
 * filter is never silently ignored.
 */
public final class FilterFields {

	private final Map<String, Filterable<?>> fields;

	private final Map<String, Special> specials;

	private FilterFields(Map<String, Filterable<?>> fields, Map<String, Special> specials) {
		this.fields = Map.copyOf(fields);
		this.specials = Map.copyOf(specials);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The condition the criteria describe.
	 * @param criteria the criteria
	 * @param zone the organization's time zone, for dates and date-times without offset
	 * @return the condition
	 * @throws InvalidInput naming every parameter that is wrong
	 */
	public Condition condition(Criteria criteria, ZoneId zone) {
		return condition(criteria, zone, Map.of());
	}

	/**
	 * The condition the criteria describe, with special filters that depend on the
	 * request (such as names looked up beforehand); the criteria's groups must match as
	 * well.
	 * @param criteria the criteria
	 * @param zone the organization's time zone, for dates and date-times without offset
	 * @param specials special filters of this request, by name
	 * @return the condition
	 * @throws InvalidInput naming every parameter that is wrong
	 */
	public Condition condition(Criteria criteria, ZoneId zone, Map<String, Special> specials) {
		List<Condition> conditions = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		for (Criterion criterion : criteria.criteria()) {
			try {
				Special special = specials.get(criterion.field());
				conditions.add((special != null) ? special.condition(criterion, zone) : condition(criterion, zone));
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		}
		List<Condition> groups = new ArrayList<>();
		for (Criteria group : criteria.groups()) {
			try {
				groups.add(condition(group, zone, specials));
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Condition filters = conditions.isEmpty() ? DSL.noCondition()
				: criteria.anyOf() ? DSL.or(conditions) : DSL.and(conditions);
		return groups.isEmpty() ? filters : filters.and(DSL.and(groups));
	}

	private Condition condition(Criterion criterion, ZoneId zone) {
		Filterable<?> filterable = this.fields.get(criterion.field());
		if (filterable != null) {
			return filterable.condition(criterion, zone);
		}
		Special special = this.specials.get(criterion.field());
		if (special != null) {
			return special.condition(criterion, zone);
		}
		throw InvalidInput.written(criterion.parameter(), "filter_unknown_field", "field", criterion.label(), "fields",
				this.fields.keySet().stream().sorted().toList());
	}

	/**
	 * The SQL order of a list's sort keys, ending in the id in the direction of the last
	 * key so pages never overlap.
	 * @param order the sort keys, over the filterable fields
	 * @param id the id column
	 * @return the order
	 * @throws InvalidInput naming a field that cannot be sorted by
	 */
	public List<SortField<?>> order(List<Sort> order, Field<Long> id) {
		List<SortField<?>> fields = new ArrayList<>();
		boolean descending = false;
		for (Sort sort : order) {
			Filterable<?> filterable = this.fields.get(sort.field());
			if (filterable == null) {
				throw InvalidInput.of("order", "sort_unknown_field", "field", sort.field());
			}
			fields.add(sort.descending() ? filterable.field().desc() : filterable.field().asc());
			descending = sort.descending();
		}
		fields.add(descending ? id.desc() : id.asc());
		return fields;
	}

	/**
	 * Builds the set of filterable fields.
	 */
	public static final class Builder {

		private final Map<String, Filterable<?>> fields = new LinkedHashMap<>();

		private final Map<String, Special> specials = new LinkedHashMap<>();

		public Builder id(String name, Field<Long> field) {
			return add(name, new Filterable<>(field, Kind.ORDERED, (c, v, z) -> FilterValues.id(c, v)));
		}

		/**
		 * A relation, filtered by the related object's id.
		 * @param name the relation's name, such as {@code client}
		 * @param field its foreign key column
		 * @return this builder
		 */
		public Builder relation(String name, Field<Long> field) {
			id(name, field);
			return id(name + ".id", field);
		}

		public Builder integer(String name, Field<? extends Number> field) {
			return add(name,
					new Filterable<>(field.coerce(Long.class), Kind.ORDERED, (c, v, z) -> FilterValues.integer(c, v)));
		}

		public Builder decimal(String name, Field<BigDecimal> field) {
			return add(name, new Filterable<>(field, Kind.ORDERED, (c, v, z) -> FilterValues.decimal(c, v)));
		}

		public Builder bool(String name, Field<Boolean> field) {
			return add(name, new Filterable<>(field, Kind.EQUALITY, (c, v, z) -> FilterValues.bool(c, v)));
		}

		public Builder text(String name, Field<String> field) {
			return add(name, new Filterable<>(field, Kind.TEXT, (c, v, z) -> v));
		}

		public Builder date(String name, Field<LocalDate> field) {
			return add(name, new Filterable<>(field, Kind.ORDERED, FilterValues::date));
		}

		public Builder dateTime(String name, Field<Instant> field) {
			return add(name, new Filterable<>(field, Kind.ORDERED, FilterValues::dateTime));
		}

		/**
		 * A filter that is not a column compared with a value, such as a text searched in
		 * several places; it takes only {@code is}, and is never named in the list of
		 * filterable fields.
		 * @param name the filter's name
		 * @param condition the condition of a value
		 * @return this builder
		 */
		public Builder special(String name, Special condition) {
			this.specials.put(name, condition);
			return this;
		}

		private Builder add(String name, Filterable<?> filterable) {
			this.fields.put(name, filterable);
			return this;
		}

		public FilterFields build() {
			return new FilterFields(this.fields, this.specials);
		}

	}

	private enum Kind {

		/** Equality only. */
		EQUALITY,
		/** Equality and ordering. */
		ORDERED,
		/** Equality, ordering and substrings. */
		TEXT

	}

	/**
	 * The condition of a special filter.
	 */
	@FunctionalInterface
	public interface Special {

		Condition condition(Criterion criterion, ZoneId zone);

	}

	@FunctionalInterface
	private interface Parser<T> {

		T parse(Criterion criterion, String value, ZoneId zone);

	}

	private record Filterable<T>(Field<T> field, Kind kind, Parser<T> parser) {

		Condition condition(Criterion criterion, ZoneId zone) {
			Operator operator = criterion.operator();
			if (operator == Operator.IS_NULL) {
				return FilterValues.bool(criterion, criterion.value()) ? this.field.isNull() : this.field.isNotNull();
			}
			if ((operator.isTextual() && this.kind != Kind.TEXT)
					|| (operator.isOrdering() && this.kind == Kind.EQUALITY)) {
				throw InvalidInput.written(criterion.parameter(), "filter_operator_not_applicable", "operator",
						operator.names().get(0), "field", criterion.label());
			}
			if (!operator.takesList()) {
				return single(operator, value(criterion, criterion.value(), zone), criterion.value());
			}
			List<T> values = criterion.values().stream().map((v) -> value(criterion, v, zone)).toList();
			if ((operator == Operator.RANGE || operator == Operator.NOT_IN_RANGE) && values.size() != 2) {
				throw InvalidInput.written(criterion.parameter(), "filter_range_two_values");
			}
			return switch (operator) {
				case IN -> this.field.in(values);
				case NOT_IN -> this.field.notIn(values).or(this.field.isNull());
				case RANGE -> this.field.between(values.get(0), values.get(1));
				case NOT_IN_RANGE -> this.field.notBetween(values.get(0), values.get(1));
				default -> throw new IllegalStateException(operator.name());
			};
		}

		private Condition single(Operator operator, T value, String text) {
			return switch (operator) {
				case IS -> this.field.eq(value);
				case IS_NOT -> this.field.ne(value).or(this.field.isNull());
				case LT -> this.field.lt(value);
				case LTE -> this.field.le(value);
				case GT -> this.field.gt(value);
				case GTE -> this.field.ge(value);
				case CONTAINS -> this.field.contains(value);
				case CONTAINS_NOT -> this.field.notContains(value).or(this.field.isNull());
				case ICONTAINS -> this.field.containsIgnoreCase(value);
				case ICONTAINS_NOT -> this.field.notContainsIgnoreCase(value).or(this.field.isNull());
				default -> throw new IllegalStateException(operator.name() + " " + text);
			};
		}

		private T value(Criterion criterion, String value, ZoneId zone) {
			return this.parser.parse(criterion, value, zone);
		}

	}

}
