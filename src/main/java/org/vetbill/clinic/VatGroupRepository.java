package org.vetbill.clinic;

import java.math.BigDecimal;
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
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.UpdateOutcome;
import org.vetbill.shared.persistence.VersionedTable;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.VAT_GROUP;

/**
 * SQL for VAT groups. Every statement is scoped to the caller's organization.
 */
@Repository
class VatGroupRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", VAT_GROUP.ID)
		.text("title", VAT_GROUP.TITLE)
		.decimal("percentage", VAT_GROUP.PERCENTAGE)
		.text("accountNumber", VAT_GROUP.ACCOUNT_NUMBER)
		.bool("archived", VAT_GROUP.ARCHIVED)
		.dateTime("created", VAT_GROUP.CREATED)
		.dateTime("modified", VAT_GROUP.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final VersionedTable<VatGroup> rows;

	VatGroupRepository(DSLContext dsl) {
		this.dsl = dsl;
		this.rows = new VersionedTable<>(dsl, VAT_GROUP, VAT_GROUP.ID, VAT_GROUP.ORGANIZATION_ID, VAT_GROUP.CREATED,
				VAT_GROUP.MODIFIED, VAT_GROUP.VERSION, VatGroupRepository::map);
	}

	Optional<VatGroup> find(Caller caller, long id) {
		return this.rows.find(caller.organizationId(), id);
	}

	boolean exists(Caller caller, long id) {
		return this.rows.exists(caller.organizationId(), id);
	}

	/**
	 * The VAT groups with the given ids, in no particular order.
	 */
	List<VatGroup> getAll(Caller caller, Collection<Long> ids) {
		return this.rows.all(caller.organizationId(), ids);
	}

	/**
	 * The VAT groups not archived with a percentage, in id order.
	 */
	List<VatGroup> withPercentage(Caller caller, BigDecimal percentage) {
		return this.dsl.selectFrom(VAT_GROUP)
			.where(VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(VAT_GROUP.PERCENTAGE.eq(percentage))
			.and(VAT_GROUP.ARCHIVED.isFalse())
			.orderBy(VAT_GROUP.ID)
			.fetch(VatGroupRepository::map);
	}

	Counted<VatGroup> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return this.rows.page(caller.organizationId(), FILTERS.condition(criteria, zone),
				FILTERS.order(order, VAT_GROUP.ID), page);
	}

	Page<VatGroup> list(Caller caller, PageRequest page) {
		return this.rows.list(caller.organizationId(), page, DSL.noCondition(), VatGroup::id);
	}

	long insert(Caller caller, VatGroupDetails details, Instant now) {
		return this.rows.insert(caller.organizationId(), values(details), now);
	}

	/**
	 * Changes a VAT group still at the expected version.
	 * @return whether it was changed
	 */
	UpdateOutcome update(Caller caller, long id, int expectedVersion, VatGroupDetails details, Instant now) {
		return this.rows.update(caller.organizationId(), id, expectedVersion, values(details), now);
	}

	private static Map<Field<?>, @Nullable Object> values(VatGroupDetails details) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(VAT_GROUP.TITLE, details.title());
		values.put(VAT_GROUP.PERCENTAGE, details.percentage());
		values.put(VAT_GROUP.ACCOUNT_NUMBER, details.accountNumber());
		values.put(VAT_GROUP.ARCHIVED, details.archived());
		return values;
	}

	private static VatGroup map(Record r) {
		return new VatGroup(r.get(VAT_GROUP.ID),
				new VatGroupDetails(r.get(VAT_GROUP.TITLE), Decimals.trim(r.get(VAT_GROUP.PERCENTAGE), 1),
						r.get(VAT_GROUP.ACCOUNT_NUMBER), r.get(VAT_GROUP.ARCHIVED)),
				r.get(VAT_GROUP.CREATED), r.get(VAT_GROUP.MODIFIED), r.get(VAT_GROUP.VERSION));
	}

}
