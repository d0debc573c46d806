package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.CLIENT;
import static org.vetbill.shared.db.Tables.DEPARTMENT;

/**
 * The clinic's clients.
 */
@Service
public class Clients {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", CLIENT.ID)
		.text("firstname", CLIENT.FIRSTNAME)
		.text("lastname", CLIENT.LASTNAME)
		.text("organization_name", CLIENT.ORGANIZATION_NAME)
		.text("email", CLIENT.EMAIL)
		.integer("customer_type", CLIENT.CUSTOMER_TYPE)
		.text("vat_number", CLIENT.VAT_NUMBER)
		.text("register_number", CLIENT.REGISTER_NUMBER)
		.text("city", CLIENT.CITY)
		.text("zip_code", CLIENT.ZIP_CODE)
		.text("country", CLIENT.COUNTRY)
		.bool("archived", CLIENT.ARCHIVED)
		.relation("home_department", CLIENT.HOME_DEPARTMENT_ID)
		.dateTime("created", CLIENT.CREATED)
		.dateTime("modified", CLIENT.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Clients(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Organizations organizations) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Client create(Caller caller, ClientDetails details) {
		ClientDetails normalized = normalize(details);
		this.validator.validate(normalized, () -> problems(caller, normalized));
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(CLIENT)
			.set(CLIENT.ORGANIZATION_ID, caller.organizationId())
			.set(CLIENT.UUID, UUID.randomUUID())
			.set(values(normalized))
			.set(CLIENT.CREATED, now)
			.set(CLIENT.MODIFIED, now)
			.set(CLIENT.VERSION, 0)
			.returningResult(CLIENT.ID)
			.fetchSingle()
			.value1();
		Client created = get(caller, id);
		this.audit.record(caller, "client.created", "client", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Client get(Caller caller, long id) {
		return find(caller, id).orElseThrow(() -> new NotFound("client", id));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Client> find(Caller caller, long id) {
		return this.dsl.selectFrom(CLIENT)
			.where(CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CLIENT.ID.eq(id))
			.fetchOptional(Clients::map);
	}

	/**
	 * The clients with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the clients, in id order
	 */
	@Transactional(readOnly = true)
	public List<Client> getAll(Caller caller, Collection<Long> ids) {
		return this.dsl.selectFrom(CLIENT)
			.where(CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CLIENT.ID.in(ids))
			.orderBy(CLIENT.ID)
			.fetch(Clients::map);
	}

	/**
	 * A numbered page of the clients matching the criteria, in id order.
	 * @param caller the caller
	 * @param criteria filters over id, names, email, customer_type, VAT and register
	 * numbers, city, zip_code, country, archived, home_department, created, modified
	 * @param page the page
	 * @return the page and the number of matching clients
	 */
	@Transactional(readOnly = true)
	public Counted<Client> search(Caller caller, Criteria criteria, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return ListQueries.page(this.dsl, CLIENT,
				CLIENT.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				List.of(CLIENT.ID.asc()), page, Clients::map);
	}

	/**
	 * Lists clients.
	 * @param caller the caller
	 * @param page the page
	 * @param search text contained in the first, last or organization name (any case)
	 * @param archived only archived or only active clients, or both when null
	 * @return the page
	 */
	/**
	 * The ids of the clients whose first, last or organization name contains a text,
	 * ignoring case.
	 * @param caller the caller
	 * @param text the text
	 * @param limit at most this many
	 * @return the ids, in id order
	 */
	@Transactional(readOnly = true)
	public List<Long> idsByName(Caller caller, String text, int limit) {
		return this.dsl.select(CLIENT.ID)
			.from(CLIENT)
			.where(CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CLIENT.FIRSTNAME.containsIgnoreCase(text)
				.or(CLIENT.LASTNAME.containsIgnoreCase(text))
				.or(CLIENT.ORGANIZATION_NAME.containsIgnoreCase(text))
				.or(DSL.concat(CLIENT.FIRSTNAME, DSL.inline(" "), CLIENT.LASTNAME).containsIgnoreCase(text)))
			.orderBy(CLIENT.ID)
			.limit(limit)
			.fetch(CLIENT.ID);
	}

	@Transactional(readOnly = true)
	public Page<Client> list(Caller caller, PageRequest page, @Nullable String search, @Nullable Boolean archived) {
		Condition condition = CLIENT.ORGANIZATION_ID.eq(caller.organizationId()).and(CLIENT.ID.gt(page.afterOrZero()));
		if (search != null && !search.isBlank()) {
			String text = search.trim();
			condition = condition.and(CLIENT.FIRSTNAME.containsIgnoreCase(text)
				.or(CLIENT.LASTNAME.containsIgnoreCase(text))
				.or(CLIENT.ORGANIZATION_NAME.containsIgnoreCase(text)));
		}
		if (archived != null) {
			condition = condition.and(CLIENT.ARCHIVED.eq(archived));
		}
		return Page.of(this.dsl.selectFrom(CLIENT)
			.where(condition)
			.orderBy(CLIENT.ID)
			.limit(page.limit() + 1)
			.fetch(Clients::map), page.limit(), Client::id);
	}

	@Transactional
	public Client update(Caller caller, long id, int expectedVersion, ClientDetails details) {
		ClientDetails normalized = normalize(details);
		this.validator.validate(normalized, () -> problems(caller, normalized));
		Client before = get(caller, id);
		int updated = this.dsl.update(CLIENT)
			.set(values(normalized))
			.set(CLIENT.MODIFIED, Timestamps.now(this.clock))
			.set(CLIENT.VERSION, CLIENT.VERSION.plus(1))
			.where(CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(CLIENT.ID.eq(id))
			.and(CLIENT.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw Conflict.staleVersion("client", id);
		}
		Client after = get(caller, id);
		this.audit.record(caller, "client.updated", "client", id, before, after);
		return after;
	}

	private List<FieldError> problems(Caller caller, ClientDetails details) {
		List<FieldError> problems = new ArrayList<>(details.problems());
		Long department = details.homeDepartmentId();
		if (department != null && !this.dsl.fetchExists(DEPARTMENT,
				DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()), DEPARTMENT.ID.eq(department))) {
			problems.add(new FieldError("home_department_id", "department " + department + " does not exist"));
		}
		return problems;
	}

	/**
	 * Upper-cases codes and drops blanks, so that {@code "fi"} and {@code "FI "} are
	 * stored as {@code FI}, and a VAT number loses its spaces.
	 */
	private static ClientDetails normalize(ClientDetails d) {
		return new ClientDetails(d.customerType(), blankToNull(d.firstname()), blankToNull(d.lastname()),
				blankToNull(d.organizationName()), upper(removeSpaces(d.vatNumber())), blankToNull(d.registerNumber()),
				blankToNull(d.streetAddress()), blankToNull(d.streetAddress2()), blankToNull(d.zipCode()),
				blankToNull(d.city()), blankToNull(d.state()), upper(d.country()), blankToNull(d.email()),
				d.paymentTermsDays(), d.homeDepartmentId(), d.archived());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static @Nullable String upper(@Nullable String value) {
		String trimmed = blankToNull(value);
		return (trimmed == null) ? null : trimmed.toUpperCase(Locale.ROOT);
	}

	private static @Nullable String removeSpaces(@Nullable String value) {
		return (value == null) ? null : value.replace(" ", "");
	}

	private static java.util.Map<org.jooq.Field<?>, @Nullable Object> values(ClientDetails d) {
		java.util.Map<org.jooq.Field<?>, @Nullable Object> values = new java.util.LinkedHashMap<>();
		values.put(CLIENT.CUSTOMER_TYPE, d.customerType().shortValue());
		values.put(CLIENT.FIRSTNAME, d.firstname());
		values.put(CLIENT.LASTNAME, d.lastname());
		values.put(CLIENT.ORGANIZATION_NAME, d.organizationName());
		values.put(CLIENT.VAT_NUMBER, d.vatNumber());
		values.put(CLIENT.REGISTER_NUMBER, d.registerNumber());
		values.put(CLIENT.STREET_ADDRESS, d.streetAddress());
		values.put(CLIENT.STREET_ADDRESS_2, d.streetAddress2());
		values.put(CLIENT.ZIP_CODE, d.zipCode());
		values.put(CLIENT.CITY, d.city());
		values.put(CLIENT.STATE, d.state());
		values.put(CLIENT.COUNTRY, d.country());
		values.put(CLIENT.EMAIL, d.email());
		values.put(CLIENT.PAYMENT_TERMS_DAYS, d.paymentTermsDays());
		values.put(CLIENT.HOME_DEPARTMENT_ID, d.homeDepartmentId());
		values.put(CLIENT.ARCHIVED, d.archived());
		return values;
	}

	static Client map(Record r) {
		return new Client(r.get(CLIENT.ID), r.get(CLIENT.UUID),
				new ClientDetails(r.get(CLIENT.CUSTOMER_TYPE).intValue(), r.get(CLIENT.FIRSTNAME),
						r.get(CLIENT.LASTNAME), r.get(CLIENT.ORGANIZATION_NAME), r.get(CLIENT.VAT_NUMBER),
						r.get(CLIENT.REGISTER_NUMBER), r.get(CLIENT.STREET_ADDRESS), r.get(CLIENT.STREET_ADDRESS_2),
						r.get(CLIENT.ZIP_CODE), r.get(CLIENT.CITY), r.get(CLIENT.STATE), r.get(CLIENT.COUNTRY),
						r.get(CLIENT.EMAIL), r.get(CLIENT.PAYMENT_TERMS_DAYS), r.get(CLIENT.HOME_DEPARTMENT_ID),
						r.get(CLIENT.ARCHIVED)),
				r.get(CLIENT.CREATED), r.get(CLIENT.MODIFIED), r.get(CLIENT.VERSION));
	}

}
