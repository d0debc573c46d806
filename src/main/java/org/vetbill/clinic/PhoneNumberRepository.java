package org.vetbill.clinic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.PhoneNumberDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.VersionedTable;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.PHONE_NUMBER;

/**
 * SQL for clients' phone numbers. Every statement is scoped to the caller's organization.
 */
@Repository
class PhoneNumberRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", PHONE_NUMBER.ID)
		.id("clientId", PHONE_NUMBER.CLIENT_ID)
		.integer("typeCode", PHONE_NUMBER.TYPE_CODE)
		.text("number", PHONE_NUMBER.NUMBER)
		.text("description", PHONE_NUMBER.DESCRIPTION)
		.dateTime("created", PHONE_NUMBER.CREATED)
		.dateTime("modified", PHONE_NUMBER.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final VersionedTable<PhoneNumber> rows;

	PhoneNumberRepository(DSLContext dsl) {
		this.dsl = dsl;
		this.rows = new VersionedTable<>(dsl, PHONE_NUMBER, PHONE_NUMBER.ID, PHONE_NUMBER.ORGANIZATION_ID,
				PHONE_NUMBER.CREATED, PHONE_NUMBER.MODIFIED, PHONE_NUMBER.VERSION, PhoneNumberRepository::map);
	}

	Optional<PhoneNumber> find(Caller caller, long id) {
		return this.rows.find(caller.organizationId(), id);
	}

	/**
	 * The phone numbers with the given ids, in no particular order.
	 */
	List<PhoneNumber> getAll(Caller caller, Collection<Long> ids) {
		return this.rows.all(caller.organizationId(), ids);
	}

	Counted<PhoneNumber> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return this.rows.page(caller.organizationId(), FILTERS.condition(criteria, zone),
				FILTERS.order(order, PHONE_NUMBER.ID), page);
	}

	/**
	 * The ids of the phone numbers of each client, in id order.
	 */
	Map<Long, List<Long>> idsByClient(Caller caller, Collection<Long> clientIds) {
		return this.dsl.select(PHONE_NUMBER.CLIENT_ID, PHONE_NUMBER.ID)
			.from(PHONE_NUMBER)
			.where(PHONE_NUMBER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(PHONE_NUMBER.CLIENT_ID.in(clientIds))
			.orderBy(PHONE_NUMBER.ID)
			.fetchGroups(PHONE_NUMBER.CLIENT_ID, PHONE_NUMBER.ID);
	}

	long insert(Caller caller, PhoneNumberDetails details, Instant now) {
		return this.rows.insert(caller.organizationId(), values(details), now);
	}

	private static Map<Field<?>, @Nullable Object> values(PhoneNumberDetails details) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(PHONE_NUMBER.CLIENT_ID, details.clientId());
		values.put(PHONE_NUMBER.TYPE_CODE, details.typeCode().shortValue());
		values.put(PHONE_NUMBER.NUMBER, details.number());
		values.put(PHONE_NUMBER.DESCRIPTION, details.description());
		return values;
	}

	private static PhoneNumber map(Record r) {
		return new PhoneNumber(r.get(PHONE_NUMBER.ID),
				new PhoneNumberDetails(r.get(PHONE_NUMBER.CLIENT_ID), r.get(PHONE_NUMBER.TYPE_CODE).intValue(),
						r.get(PHONE_NUMBER.NUMBER), r.get(PHONE_NUMBER.DESCRIPTION)),
				r.get(PHONE_NUMBER.CREATED), r.get(PHONE_NUMBER.MODIFIED), r.get(PHONE_NUMBER.VERSION));
	}

}
