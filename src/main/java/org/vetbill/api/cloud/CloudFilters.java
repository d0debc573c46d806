package org.vetbill.api.cloud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.query.Sort;

/**
 * The fields a Cloud API list filters on, by the names the API gives them, and the core's
 * name of each: {@code invoice_number} is the core's {@code invoiceNumber}, a relation
 * such as {@code client} (also written {@code client.id}) its {@code clientId}. A filter
 * on any other field is refused naming its parameter, as every filter is that the API
 * cannot apply: a filter is never silently ignored.
 */
final class CloudFilters {

	private final Map<String, String> fields;

	private CloudFilters(Map<String, String> fields) {
		this.fields = fields;
	}

	static Builder builder() {
		return new Builder();
	}

	private static final String SEPARATOR = "__";

	/**
	 * Reads a filter as the API writes it, {@code field__operator=value}; a bare
	 * {@code field=value} means {@code is}.
	 * @param parameter the query parameter
	 * @param value its value
	 * @return the criterion, on the field as the API names it
	 * @throws InvalidInput naming the parameter when the operator is unknown
	 */
	static Criterion parse(String parameter, String value) {
		int separator = parameter.lastIndexOf(SEPARATOR);
		if (separator < 0) {
			return Criterion.of(parameter, parameter, Operator.IS, value);
		}
		String field = parameter.substring(0, separator);
		String name = parameter.substring(separator + SEPARATOR.length());
		Operator operator = Operator.ofName(name)
			.orElseThrow(() -> InvalidInput.worded(parameter,
					"Unknown filter operator '" + name + "'. Operators: " + Operator.allNames() + "."));
		if (field.isEmpty() || field.contains(SEPARATOR)) {
			throw InvalidInput.worded(parameter, "Write a filter as field__operator=value.");
		}
		return Criterion.of(parameter, field, operator, value);
	}

	/**
	 * The order an {@code ordering} parameter asks for, as DRF's OrderingFilter reads it:
	 * fields separated by commas, each descending when written with a leading {@code -}.
	 * A term on a field that is not filterable is ignored, as DRF ignores it; when none
	 * is left, the list keeps its default order (by id).
	 * @param ordering the parameter's value, or null when not given
	 * @return the sort keys in the core's names
	 */
	List<Sort> order(@Nullable String ordering) {
		List<Sort> order = new ArrayList<>();
		if (ordering == null) {
			return order;
		}
		for (String term : ordering.split(",")) {
			String name = term.trim();
			boolean descending = name.startsWith("-");
			String field = this.fields.get(descending ? name.substring(1) : name);
			if (field != null && order.stream().noneMatch((sort) -> sort.field().equals(field))) {
				order.add(new Sort(field, descending));
			}
		}
		return order;
	}

	/**
	 * The criteria in the core's names, and those on fields that are not filterable.
	 * @param criteria the criteria as the client wrote them
	 * @return the translation
	 */
	Translation translate(Criteria criteria) {
		Map<String, String> known = this.fields;
		List<Criterion> translated = new ArrayList<>();
		List<FieldError> unknown = new ArrayList<>();
		for (Criterion criterion : criteria.criteria()) {
			String field = known.get(criterion.field());
			if (field == null) {
				unknown.add(FieldError.worded(criterion.parameter(),
						"Unknown filter field '" + criterion.label() + "'. Filterable fields: "
								+ String.join(", ", known.keySet().stream().sorted().toList()) + "."));
			}
			else {
				translated.add(criterion.on(field));
			}
		}
		return new Translation(criteria, new Criteria(translated, criteria.anyOf()), unknown);
	}

	/**
	 * Criteria translated to the core's names.
	 *
	 * @param written the criteria as the client wrote them
	 * @param criteria the filterable ones, in the core's names
	 * @param unknown what is wrong with the others
	 */
	record Translation(Criteria written, Criteria criteria, List<FieldError> unknown) {

		/**
		 * Refuses the filters on fields that are not filterable.
		 * @throws InvalidInput naming each
		 */
		void check() {
			if (!this.unknown.isEmpty()) {
				throw new InvalidInput(this.unknown);
			}
		}

		/**
		 * Every filter the client got wrong: those the core refused and those on fields
		 * that are not filterable, in the order the client wrote them.
		 * @param refused the core's refusal of the filterable ones
		 * @return the refusal of all
		 */
		InvalidInput with(InvalidInput refused) {
			List<String> order = this.written.criteria().stream().map(Criterion::parameter).toList();
			List<FieldError> errors = new ArrayList<>(this.unknown);
			errors.addAll(refused.errors());
			errors.sort(Comparator.comparingInt((error) -> {
				int index = order.indexOf(error.field());
				return (index < 0) ? Integer.MAX_VALUE : index;
			}));
			return new InvalidInput(errors);
		}

	}

	/**
	 * The core's name of a field the API writes in snake_case: {@code total_vat} is
	 * {@code totalVat}, {@code reporting_dimension_1} is {@code reportingDimension1}.
	 * @param name the API's name
	 * @return the core's name
	 */
	static String camelCase(String name) {
		StringBuilder out = new StringBuilder(name.length());
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

	/**
	 * Builds the filterable fields of a resource.
	 */
	static final class Builder {

		private final Map<String, String> fields = new LinkedHashMap<>();

		/**
		 * Fields the core names as the camelCase of the API's name.
		 * @param names the API's names
		 * @return this builder
		 */
		Builder fields(String... names) {
			for (String name : names) {
				this.fields.put(name, camelCase(name));
			}
			return this;
		}

		/**
		 * A field the core names otherwise.
		 * @param name the API's name
		 * @param field the core's name
		 * @return this builder
		 */
		Builder field(String name, String field) {
			this.fields.put(name, field);
			return this;
		}

		/**
		 * A relation, filtered by the related object's id as {@code name} or
		 * {@code name.id}.
		 * @param name the API's name
		 * @param field the core's name of the related id
		 * @return this builder
		 */
		Builder relation(String name, String field) {
			this.fields.put(name, field);
			this.fields.put(name + ".id", field);
			return this;
		}

		CloudFilters build() {
			return new CloudFilters(Map.copyOf(this.fields));
		}

	}

}
