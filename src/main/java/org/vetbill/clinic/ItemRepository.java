package org.vetbill.clinic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.persistence.UpdateOutcome;
import org.vetbill.shared.persistence.VersionedTable;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.ITEM;
import static org.vetbill.shared.db.Tables.VAT_GROUP;

/**
 * SQL for the item catalog. Every statement is scoped to the caller's organization.
 */
@Repository
class ItemRepository {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * The unit price with VAT of a price entered without it, to 4 decimals half-up as
	 * invoice rows show unit prices.
	 */
	private static final Field<BigDecimal> GROSS_OF_NET = DSL
		.round(ITEM.PRICE.mul(VAT_GROUP.PERCENTAGE.add(HUNDRED)).div(HUNDRED), 4);

	/**
	 * The unit price without VAT of a price entered with it, to 4 decimals half-up as
	 * invoice rows show unit prices.
	 */
	private static final Field<BigDecimal> NET_OF_GROSS = DSL
		.round(ITEM.PRICE.mul(HUNDRED).div(VAT_GROUP.PERCENTAGE.add(HUNDRED)), 4);

	/** The filters where prices are entered without VAT. */
	private static final FilterFields NET_PRICE_FILTERS = filters(ITEM.PRICE, GROSS_OF_NET);

	/** The filters where prices are entered with VAT. */
	private static final FilterFields GROSS_PRICE_FILTERS = filters(NET_OF_GROSS, ITEM.PRICE);

	private final DSLContext dsl;

	private final VersionedTable<Item> rows;

	ItemRepository(DSLContext dsl) {
		this.dsl = dsl;
		this.rows = new VersionedTable<>(dsl, ITEM, ITEM.ID, ITEM.ORGANIZATION_ID, ITEM.CREATED, ITEM.MODIFIED,
				ITEM.VERSION, ItemRepository::map);
	}

	Optional<Item> find(Caller caller, long id) {
		return this.rows.find(caller.organizationId(), id);
	}

	boolean exists(Caller caller, long id) {
		return this.rows.exists(caller.organizationId(), id);
	}

	/**
	 * An item's name.
	 */
	Optional<String> name(Caller caller, long id) {
		return this.dsl.select(ITEM.NAME)
			.from(ITEM)
			.where(ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(ITEM.ID.eq(id))
			.fetchOptional(ITEM.NAME);
	}

	/**
	 * Whether another item than the given one has a code.
	 * @param exceptId the item to leave out, or null for none
	 */
	boolean codeUsed(Caller caller, String code, @Nullable Long exceptId) {
		Condition sameCode = ITEM.ORGANIZATION_ID.eq(caller.organizationId()).and(ITEM.CODE.eq(code));
		if (exceptId != null) {
			sameCode = sameCode.and(ITEM.ID.ne(exceptId));
		}
		return this.dsl.fetchExists(ITEM, sameCode);
	}

	/**
	 * The items with the given ids, in no particular order.
	 */
	List<Item> getAll(Caller caller, Collection<Long> ids) {
		return this.rows.all(caller.organizationId(), ids);
	}

	/**
	 * A numbered page of the items matching the criteria, in id order. Of price and
	 * price_with_vat, the one the organization does not enter prices in is computed from
	 * the item's VAT group.
	 * @param pricesIncludeVat whether the organization's prices are entered with VAT
	 */
	Counted<Item> search(Caller caller, @Nullable ItemType type, Criteria criteria, boolean pricesIncludeVat,
			ZoneId zone, List<Sort> order, OffsetPage page) {
		Condition ofType = (type != null) ? ITEM.TYPE_CODE.eq((short) type.code()) : DSL.noCondition();
		FilterFields filters = pricesIncludeVat ? GROSS_PRICE_FILTERS : NET_PRICE_FILTERS;
		return ListQueries.page(this.dsl,
				ITEM.join(VAT_GROUP)
					.on(VAT_GROUP.ORGANIZATION_ID.eq(ITEM.ORGANIZATION_ID))
					.and(VAT_GROUP.ID.eq(ITEM.VAT_GROUP_ID)),
				ITEM.ORGANIZATION_ID.eq(caller.organizationId()).and(ofType).and(filters.condition(criteria, zone)),
				filters.order(order, ITEM.ID), page, ItemRepository::map);
	}

	/**
	 * A keyset page of items.
	 * @param search text contained in the name or code (any case)
	 * @param archived only archived or only active items, or both when null
	 */
	Page<Item> list(Caller caller, PageRequest page, @Nullable String search, @Nullable Boolean archived) {
		Condition filter = DSL.noCondition();
		if (search != null && !search.isBlank()) {
			filter = filter
				.and(ITEM.NAME.containsIgnoreCase(search.trim()).or(ITEM.CODE.containsIgnoreCase(search.trim())));
		}
		if (archived != null) {
			filter = filter.and(ITEM.ARCHIVED.eq(archived));
		}
		return this.rows.list(caller.organizationId(), page, filter, Item::id);
	}

	long insert(Caller caller, ItemDetails details, Instant now) {
		return this.rows.insert(caller.organizationId(), values(details), now);
	}

	/**
	 * Changes an item still at the expected version.
	 * @return whether it was changed
	 */
	UpdateOutcome update(Caller caller, long id, int expectedVersion, ItemDetails details, Instant now) {
		return this.rows.update(caller.organizationId(), id, expectedVersion, values(details), now);
	}

	private static FilterFields filters(Field<BigDecimal> price, Field<BigDecimal> priceWithVat) {
		return FilterFields.builder()
			.id("id", ITEM.ID)
			.text("code", ITEM.CODE)
			.text("name", ITEM.NAME)
			.decimal("price", price)
			.decimal("priceWithVat", priceWithVat)
			.id("vatGroupId", ITEM.VAT_GROUP_ID)
			.text("accountNumber", ITEM.ACCOUNT_NUMBER)
			.text("reportingDimension1", ITEM.REPORTING_DIMENSION_1)
			.text("reportingDimension2", ITEM.REPORTING_DIMENSION_2)
			.text("reportingDimension3", ITEM.REPORTING_DIMENSION_3)
			.bool("archived", ITEM.ARCHIVED)
			.integer("typeCode", ITEM.TYPE_CODE)
			.dateTime("created", ITEM.CREATED)
			.dateTime("modified", ITEM.MODIFIED)
			.build();
	}

	private static Map<Field<?>, @Nullable Object> values(ItemDetails d) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(ITEM.CODE, d.code());
		values.put(ITEM.NAME, d.name());
		values.put(ITEM.PRICE, d.price());
		values.put(ITEM.VAT_GROUP_ID, d.vatGroupId());
		values.put(ITEM.ACCOUNT_NUMBER, d.accountNumber());
		values.put(ITEM.INTERNAL_ACCOUNT_NUMBER, d.internalAccountNumber());
		values.put(ITEM.REPORTING_DIMENSION_1, d.reportingDimension1());
		values.put(ITEM.REPORTING_DIMENSION_2, d.reportingDimension2());
		values.put(ITEM.REPORTING_DIMENSION_3, d.reportingDimension3());
		values.put(ITEM.INTERNAL_REPORTING_DIMENSION_1, d.internalReportingDimension1());
		values.put(ITEM.INTERNAL_REPORTING_DIMENSION_2, d.internalReportingDimension2());
		values.put(ITEM.ARCHIVED, d.archived());
		values.put(ITEM.TYPE_CODE, (short) d.type().code());
		return values;
	}

	private static Item map(Record r) {
		return new Item(r.get(ITEM.ID),
				new ItemDetails(r.get(ITEM.CODE), r.get(ITEM.NAME), Decimals.trim(r.get(ITEM.PRICE), 2),
						r.get(ITEM.VAT_GROUP_ID), r.get(ITEM.ACCOUNT_NUMBER), r.get(ITEM.INTERNAL_ACCOUNT_NUMBER),
						r.get(ITEM.REPORTING_DIMENSION_1), r.get(ITEM.REPORTING_DIMENSION_2),
						r.get(ITEM.REPORTING_DIMENSION_3), r.get(ITEM.INTERNAL_REPORTING_DIMENSION_1),
						r.get(ITEM.INTERNAL_REPORTING_DIMENSION_2), r.get(ITEM.ARCHIVED),
						r.get(ITEM.TYPE_CODE).intValue()),
				r.get(ITEM.CREATED), r.get(ITEM.MODIFIED), r.get(ITEM.VERSION));
	}

}
