package org.vetbill.api.cloud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.query.Sort;

/**
 * The fields a Cloud API list filters and orders on, by the names the API gives them, and
 * the core's name of each: {@code invoice_number} is the core's {@code invoiceNumber}, a
 * relation such as {@code client} (also written {@code client.id}) its {@code clientId};
 * and the fields {@code search} looks in.
 * <p>
 * A query parameter that does not name a filterable field is ignored, as Django REST
 * framework's filter backends ignore it ({@code ?foo=1}, {@code ?fields=x},
 * {@code ?nickname__is=x}); a filter on a known field stays strict: an unknown operator
 * or a malformed value is refused naming its parameter.
 */
final class CloudFilters {

	/** The field of a resource whose objects can be archived. */
	static final String ARCHIVED = "archived";

	private static final String SEPARATOR = "__";

	private final Map<String, String> fields;

	private final Map<String, String> searched;

	private CloudFilters(Map<String, String> fields, Map<String, String> searched) {
		this.fields = fields;
		this.searched = searched;
	}

	static Builder builder() {
		return new Builder();
	}

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
	 * The filter a query parameter asks for, in the core's names, when it names a
	 * filterable field ({@code field} or {@code field__operator}); nothing for any other
	 * parameter, which the list ignores.
	 * @param parameter the query parameter
	 * @param value its value
	 * @return the criterion, or null when the parameter is not a filter of this list
	 * @throws InvalidInput naming the parameter when the field is known and the operator
	 * is not
	 */
	@Nullable Criterion filter(String parameter, String value) {
		int separator = parameter.lastIndexOf(SEPARATOR);
		String field = (separator < 0 || this.fields.containsKey(parameter)) ? parameter
				: parameter.substring(0, separator);
		String core = this.fields.get(field);
		if (core == null) {
			return null;
		}
		return (field.equals(parameter) ? Criterion.of(parameter, field, Operator.IS, value) : parse(parameter, value))
			.on(core);
	}

	/**
	 * Whether the list's objects can be archived, and so are hidden from it unless asked
	 * for.
	 * @return whether the list has an {@value #ARCHIVED} field
	 */
	boolean archivable() {
		return this.fields.containsKey(ARCHIVED);
	}

	/**
	 * The filter that hides archived objects.
	 * @return a group of one criterion on the core's archived flag
	 */
	Criteria unarchived() {
		String field = this.fields.get(ARCHIVED);
		if (field == null) {
			throw new IllegalStateException("the list has no archived field");
		}
		return new Criteria(List.of(new Criterion("include_archived", ARCHIVED, field, Operator.IS, "false")), false);
	}

	/**
	 * Whether a criterion, in the core's names, is on the archived flag.
	 * @param criterion the criterion
	 * @return whether it filters on archived
	 */
	boolean onArchived(Criterion criterion) {
		return archivable() && criterion.field().equals(this.fields.get(ARCHIVED));
	}

	/**
	 * The groups a {@code search} parameter asks for, as DRF's SearchFilter reads it: the
	 * value split into terms at spaces and commas, each term contained (ignoring case) in
	 * at least one of the searched fields. A list without searched fields ignores it.
	 * @param search the parameter's value, or null when not given
	 * @return a group per term, each ORing the fields
	 */
	List<Criteria> search(@Nullable String search) {
		if (search == null || this.searched.isEmpty()) {
			return List.of();
		}
		List<Criteria> groups = new ArrayList<>();
		for (String term : search.split("[\\s,]+")) {
			if (term.isEmpty()) {
				continue;
			}
			groups.add(new Criteria(this.searched.entrySet()
				.stream()
				.map((field) -> new Criterion(CloudLists.SEARCH, field.getKey(), field.getValue(), Operator.ICONTAINS,
						term))
				.toList(), true));
		}
		return groups;
	}

	/**
	 * The fields {@code search} looks in, by the API's names.
	 * @return the fields, empty when the list has no search
	 */
	List<String> searched() {
		return List.copyOf(this.searched.keySet());
	}

	/**
	 * The fields the list can be filtered and ordered on, by the API's names.
	 * @return the names, sorted
	 */
	List<String> names() {
		return this.fields.keySet().stream().sorted().toList();
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

		private final Map<String, String> searched = new LinkedHashMap<>();

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

		/**
		 * The fields {@code search} looks in, each a text field already added.
		 * @param names the API's names
		 * @return this builder
		 */
		Builder search(String... names) {
			for (String name : names) {
				String field = this.fields.get(name);
				if (field == null) {
					throw new IllegalArgumentException("search on " + name + ", which is not a filter");
				}
				this.searched.put(name, field);
			}
			return this;
		}

		CloudFilters build() {
			return new CloudFilters(Map.copyOf(this.fields),
					Collections.unmodifiableMap(new LinkedHashMap<>(this.searched)));
		}

	}

}
