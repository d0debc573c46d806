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
import org.jooq.impl.DSL;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.FilterValues;
import org.vetbill.shared.query.Operator;

/**
 * The fields a list can be filtered on, and the SQL condition of a set of
 * {@link Criteria} over them. A relation is filtered by the related object's id
 * ({@code client__is=456}, also written {@code client.id__is=456}). Every unknown field,
 * unsupported operator and malformed value is refused, naming its query parameter: a
 * filter is never silently ignored.
 */
public final class FilterFields {

	private final Map<String, Filterable<?>> fields;

	private FilterFields(Map<String, Filterable<?>> fields) {
		this.fields = Map.copyOf(fields);
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
		List<Condition> conditions = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		for (Criterion criterion : criteria.criteria()) {
			try {
				conditions.add(condition(criterion, zone));
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		if (conditions.isEmpty()) {
			return DSL.noCondition();
		}
		return criteria.anyOf() ? DSL.or(conditions) : DSL.and(conditions);
	}

	private Condition condition(Criterion criterion, ZoneId zone) {
		Filterable<?> filterable = this.fields.get(criterion.field());
		if (filterable == null) {
			throw InvalidInput.field(criterion.parameter(),
					"Unknown filter field '" + criterion.field() + "'. Filterable fields: "
							+ String.join(", ", this.fields.keySet().stream().sorted().toList()) + ".");
		}
		return filterable.condition(criterion, zone);
	}

	/**
	 * Builds the set of filterable fields.
	 */
	public static final class Builder {

		private final Map<String, Filterable<?>> fields = new LinkedHashMap<>();

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

		private Builder add(String name, Filterable<?> filterable) {
			this.fields.put(name, filterable);
			return this;
		}

		public FilterFields build() {
			return new FilterFields(this.fields);
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
				throw InvalidInput.field(criterion.parameter(), "The operator '" + operator.names().get(0)
						+ "' does not apply to field '" + criterion.field() + "'.");
			}
			if (!operator.takesList()) {
				return single(operator, value(criterion, criterion.value(), zone), criterion.value());
			}
			List<T> values = criterion.values().stream().map((v) -> value(criterion, v, zone)).toList();
			if ((operator == Operator.RANGE || operator == Operator.NOT_IN_RANGE) && values.size() != 2) {
				throw InvalidInput.field(criterion.parameter(), "A range is two values: [from,to].");
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
