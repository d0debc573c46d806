package org.vetbill.api.cloud;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.FilterValues;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.persistence.SyncWatermarks;
import org.vetbill.shared.query.OffsetPage;

import org.vetbill.shared.web.FieldNames;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the list and detail reads of every Cloud API resource the same way: query
 * parameters as filters ({@code field__op=value}, {@code filter_type=or}), numbered pages
 * ({@code page}, {@code page_size}) in the {@code count}/{@code num_pages}/{@code next}/
 * {@code previous}/{@code results} envelope, and {@code expose_<relation>} with one batch
 * read per exposed relation, so a page costs a fixed number of queries whatever its size.
 */
@Component
class CloudLists {

	static final int DEFAULT_PAGE_SIZE = 50;

	/**
	 * The response header of every list carrying the {@code modified__gte} to use on the
	 * next delta poll (see {@link SyncWatermarks}).
	 */
	static final String WATERMARK_HEADER = "Sync-Watermark";

	private static final String EXPOSE = "expose_";

	static final String ORDERING = "ordering";

	static final String SEARCH = "search";

	static final String INCLUDE_ARCHIVED = "include_archived";

	private static final Set<String> RESERVED = Set.of("page", "page_size", "filter_type", "format", ORDERING, SEARCH,
			INCLUDE_ARCHIVED);

	private final Map<String, CloudResource<?>> resources;

	private final Organizations organizations;

	private final SyncWatermarks watermarks;

	CloudLists(List<CloudResource<?>> resources, Organizations organizations, SyncWatermarks watermarks) {
		this.resources = resources.stream().collect(Collectors.toMap(CloudResource::name, Function.identity()));
		this.organizations = organizations;
		this.watermarks = watermarks;
	}

	/**
	 * A numbered page of a resource's objects as the list endpoint answers it.
	 * @param <T> the resource's view
	 * @param caller the caller
	 * @param resource the resource
	 * @param request the request, for its parameters and URL
	 * @return the envelope
	 */
	<T> Map<String, @Nullable Object> list(Caller caller, CloudResource<T> resource, HttpServletRequest request) {
		Map<String, String> parameters = parameters(request);
		Set<String> exposed = exposed(resource, parameters);
		OffsetPage page = page(parameters);
		Criteria criteria = criteria(resource.filters(), parameters);
		Instant watermark = this.watermarks.next();
		Counted<T> found = resource.search(caller, criteria, resource.filters().order(parameters.get(ORDERING)), page);
		response().setHeader(WATERMARK_HEADER, watermark.toString());
		long pages = Math.max(1, (found.count() + page.size() - 1) / page.size());
		if (page.number() > pages) {
			throw NotFound.page(page.number());
		}
		Rendering rendering = rendering(caller, resource, found.items(), exposed, request);
		Map<String, @Nullable Object> envelope = new LinkedHashMap<>();
		envelope.put("count", found.count());
		envelope.put("num_pages", pages);
		envelope.put("next", (page.number() < pages) ? pageUrl(request, page.number() + 1) : null);
		envelope.put("previous", (page.number() > 1) ? pageUrl(request, page.number() - 1) : null);
		envelope.put("results", rendered(resource, found.items(), rendering));
		return envelope;
	}

	/**
	 * One object as the detail endpoint answers it.
	 * @param <T> the resource's view
	 * @param caller the caller
	 * @param resource the resource
	 * @param id the id
	 * @param request the request, for {@code expose_} parameters and the URL
	 * @return the object
	 */
	<T> Map<String, @Nullable Object> detail(Caller caller, CloudResource<T> resource, long id,
			HttpServletRequest request) {
		Map<String, String> parameters = parameters(request);
		Set<String> exposed = exposed(resource, parameters);
		List<FieldError> filters = new ArrayList<>();
		parameters.forEach((name, value) -> {
			if (!RESERVED.contains(name) && resource.filters().filter(name, value) != null) {
				filters.add(FieldError.worded(name,
						"Filters apply to lists; a single object takes only expose_ parameters."));
			}
		});
		if (!filters.isEmpty()) {
			throw new InvalidInput(filters);
		}
		List<T> found = resource.byIds(caller, List.of(id));
		if (found.isEmpty()) {
			throw new NotFound(resource.name(), id);
		}
		return write(resource, found.get(0), rendering(caller, resource, found, exposed, request));
	}

	/**
	 * Writes one object already read, such as the answer to a change.
	 * @param <T> the resource's view
	 * @param caller the caller
	 * @param resource the resource
	 * @param item the object
	 * @param request the request
	 * @return the object
	 */
	<T> Map<String, @Nullable Object> write(Caller caller, CloudResource<T> resource, T item,
			HttpServletRequest request) {
		return write(resource, item, rendering(caller, resource, List.of(item), Set.of(), request));
	}

	private <T> Rendering rendering(Caller caller, CloudResource<T> resource, List<T> items, Set<String> exposed,
			HttpServletRequest request) {
		Organization organization = this.organizations.get(caller.organizationId());
		Rendering flat = new Rendering(Links.of(request, organization.provetId()), organization.zone(),
				organization.currency(), Set.of(), Map.of());
		Map<String, Map<Long, Map<String, @Nullable Object>>> inlined = new HashMap<>();
		for (CloudResource.Relation<T> relation : resource.relations()) {
			if (exposed.contains(relation.name())) {
				Set<Long> ids = new LinkedHashSet<>();
				items.forEach((item) -> ids.addAll(relation.ids().apply(item)));
				inlined.put(relation.name(), inline(caller, resource(relation.target()), ids, flat));
			}
		}
		return new Rendering(flat.links(), flat.zone(), flat.currency(), exposed, inlined);
	}

	private CloudResource<?> resource(String name) {
		CloudResource<?> resource = this.resources.get(name);
		if (resource == null) {
			throw new IllegalStateException("no Cloud API resource " + name);
		}
		return resource;
	}

	private <R> Map<Long, Map<String, @Nullable Object>> inline(Caller caller, CloudResource<R> target,
			Collection<Long> ids, Rendering flat) {
		Map<Long, Map<String, @Nullable Object>> objects = new HashMap<>();
		if (!ids.isEmpty()) {
			target.byIds(caller, ids).forEach((item) -> objects.put(target.id(item), write(target, item, flat)));
		}
		return objects;
	}

	/**
	 * The objects of a page, each rendered when the JSON writer reaches it: a sync page
	 * of a thousand invoices with their rows is written object by object as it streams
	 * out, never held as maps all at once.
	 */
	private static <T> List<Map<String, @Nullable Object>> rendered(CloudResource<T> resource, List<T> items,
			Rendering rendering) {
		return new AbstractList<>() {

			@Override
			public Map<String, @Nullable Object> get(int index) {
				return write(resource, items.get(index), rendering);
			}

			@Override
			public int size() {
				return items.size();
			}

		};
	}

	private static <T> Map<String, @Nullable Object> write(CloudResource<T> resource, T item, Rendering rendering) {
		CloudObject object = new CloudObject(rendering);
		resource.write(item, object);
		return object.fields();
	}

	private static <T> Set<String> exposed(CloudResource<T> resource, Map<String, String> parameters) {
		Set<String> exposable = resource.relations()
			.stream()
			.map(CloudResource.Relation::name)
			.collect(Collectors.toSet());
		Set<String> exposed = new LinkedHashSet<>();
		List<FieldError> errors = new ArrayList<>();
		for (String name : List.copyOf(parameters.keySet())) {
			if (!name.startsWith(EXPOSE)) {
				continue;
			}
			String relation = name.substring(EXPOSE.length());
			parameters.remove(name);
			if (exposable.contains(relation)) {
				exposed.add(relation);
			}
			else {
				errors.add(FieldError.worded(name,
						"Cannot expose '" + relation + "' on " + resource.name() + (exposable.isEmpty()
								? "; it has no exposable relations."
								: "; exposable: " + String.join(", ", exposable.stream().sorted().toList()) + ".")));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return exposed;
	}

	private static OffsetPage page(Map<String, String> parameters) {
		int number = integer(parameters, "page", 1);
		int size = integer(parameters, "page_size", DEFAULT_PAGE_SIZE);
		return FieldNames.renamed(Map.of("number", "page", "size", "page_size"), () -> new OffsetPage(number, size));
	}

	private static int integer(Map<String, String> parameters, String name, int otherwise) {
		String value = parameters.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.worded(name, "A valid integer is required.");
		}
	}

	/**
	 * The filters of a list: those on its fields (any other parameter is ignored),
	 * {@code search}, and, where objects can be archived, the archived ones left out
	 * unless {@code include_archived=true} or the list filters on {@code archived}.
	 */
	private static Criteria criteria(CloudFilters filters, Map<String, String> parameters) {
		String filterType = parameters.getOrDefault("filter_type", "and");
		if (!filterType.equals("and") && !filterType.equals("or")) {
			throw InvalidInput.worded("filter_type", "Use and (the default) or or.");
		}
		String format = parameters.get("format");
		if (format != null && !format.equals("json")) {
			throw InvalidInput.worded("format", "Only json is served.");
		}
		List<Criterion> criteria = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		boolean includeArchived = false;
		String include = parameters.get(INCLUDE_ARCHIVED);
		if (include != null) {
			try {
				includeArchived = FilterValues
					.bool(Criterion.of(INCLUDE_ARCHIVED, INCLUDE_ARCHIVED, Operator.IS, include), include);
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		}
		parameters.forEach((name, value) -> {
			if (RESERVED.contains(name)) {
				return;
			}
			try {
				Criterion criterion = filters.filter(name, value);
				if (criterion != null) {
					criteria.add(criterion);
				}
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Criteria all = new Criteria(criteria, filterType.equals("or"));
		for (Criteria group : filters.search(parameters.get(SEARCH))) {
			all = all.and(group);
		}
		if (filters.archivable() && !includeArchived && criteria.stream().noneMatch(filters::onArchived)) {
			all = all.and(filters.unarchived());
		}
		return all;
	}

	/**
	 * The query parameters in the order written; a parameter given twice is refused
	 * rather than one of its values silently dropped.
	 */
	private static Map<String, String> parameters(HttpServletRequest request) {
		Map<String, String> parameters = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 1) {
				errors.add(FieldError.worded(name,
						"Given " + values.length + " times; give it once (use __in for " + "several values)."));
			}
			parameters.put(name, values[0]);
		});
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return parameters;
	}

	/**
	 * The request's URL with another page number, keeping every other parameter as
	 * written; page 1 is written without {@code page}, as DRF does.
	 */
	private static String pageUrl(HttpServletRequest request, int page) {
		StringBuilder query = new StringBuilder();
		String raw = request.getQueryString();
		if (raw != null) {
			for (String part : raw.split("&")) {
				String name = URLDecoder.decode(part.split("=", 2)[0], StandardCharsets.UTF_8);
				if (part.isEmpty() || name.equals("page")) {
					continue;
				}
				query.append(query.isEmpty() ? "" : "&").append(part);
			}
		}
		if (page > 1) {
			query.append(query.isEmpty() ? "" : "&").append("page=").append(page);
		}
		String url = ServletUriComponentsBuilder.fromContextPath(request).toUriString()
				+ request.getRequestURI().substring(request.getContextPath().length());
		return query.isEmpty() ? url : url + "?" + query;
	}

	private static HttpServletResponse response() {
		HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getResponse();
		if (response == null) {
			throw new IllegalStateException("a Cloud API list is read outside an HTTP request");
		}
		return response;
	}

}
