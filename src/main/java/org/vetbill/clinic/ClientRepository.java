package org.vetbill.clinic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.UpdateOutcome;
import org.vetbill.shared.persistence.VersionedTable;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.CLIENT;

/**
 * SQL for clients. Every statement is scoped to the caller's organization.
 */
@Repository
class ClientRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", CLIENT.ID)
		.text("firstname", CLIENT.FIRSTNAME)
		.text("lastname", CLIENT.LASTNAME)
		.text("organizationName", CLIENT.ORGANIZATION_NAME)
		.text("email", CLIENT.EMAIL)
		.integer("customerType", CLIENT.CUSTOMER_TYPE)
		.text("vatNumber", CLIENT.VAT_NUMBER)
		.text("registerNumber", CLIENT.REGISTER_NUMBER)
		.text("city", CLIENT.CITY)
		.text("zipCode", CLIENT.ZIP_CODE)
		.text("country", CLIENT.COUNTRY)
		.bool("archived", CLIENT.ARCHIVED)
		.id("homeDepartmentId", CLIENT.HOME_DEPARTMENT_ID)
		.dateTime("created", CLIENT.CREATED)
		.dateTime("modified", CLIENT.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final VersionedTable<Client> rows;

	ClientRepository(DSLContext dsl) {
		this.dsl = dsl;
		this.rows = new VersionedTable<>(dsl, CLIENT, CLIENT.ID, CLIENT.ORGANIZATION_ID, CLIENT.CREATED,
				CLIENT.MODIFIED, CLIENT.VERSION, ClientRepository::map);
	}

	Optional<Client> find(Caller caller, long id) {
		return this.rows.find(caller.organizationId(), id);
	}

	boolean exists(Caller caller, long id) {
		return this.rows.exists(caller.organizationId(), id);
	}

	/**
	 * The clients with the given ids, in id order.
	 */
	List<Client> getAll(Caller caller, Collection<Long> ids) {
		return this.rows.allInIdOrder(caller.organizationId(), ids);
	}

	Counted<Client> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return this.rows.page(caller.organizationId(), FILTERS.condition(criteria, zone),
				FILTERS.order(order, CLIENT.ID), page);
	}

	/**
	 * The ids of the clients whose first, last, full or organization name contains a
	 * text, ignoring case, in id order.
	 */
	List<Long> idsByName(Caller caller, String text, int limit) {
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

	/**
	 * A keyset page of clients.
	 * @param search text contained in the first, last or organization name (any case)
	 * @param archived only archived or only active clients, or both when null
	 */
	Page<Client> list(Caller caller, PageRequest page, @Nullable String search, @Nullable Boolean archived) {
		Condition filter = DSL.noCondition();
		if (search != null && !search.isBlank()) {
			String text = search.trim();
			filter = filter.and(CLIENT.FIRSTNAME.containsIgnoreCase(text)
				.or(CLIENT.LASTNAME.containsIgnoreCase(text))
				.or(CLIENT.ORGANIZATION_NAME.containsIgnoreCase(text)));
		}
		if (archived != null) {
			filter = filter.and(CLIENT.ARCHIVED.eq(archived));
		}
		return this.rows.list(caller.organizationId(), page, filter, Client::id);
	}

	long insert(Caller caller, ClientDetails details, Instant now) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(CLIENT.UUID, UUID.randomUUID());
		values.putAll(values(details));
		return this.rows.insert(caller.organizationId(), values, now);
	}

	/**
	 * Changes a client still at the expected version.
	 * @return whether it was changed
	 */
	UpdateOutcome update(Caller caller, long id, int expectedVersion, ClientDetails details, Instant now) {
		return this.rows.update(caller.organizationId(), id, expectedVersion, values(details), now);
	}

	private static Map<Field<?>, @Nullable Object> values(ClientDetails d) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
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

	private static Client map(Record r) {
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
