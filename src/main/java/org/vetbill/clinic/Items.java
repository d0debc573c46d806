package org.vetbill.clinic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.ITEM;
import static org.vetbill.shared.db.Tables.VAT_GROUP;

/**
 * The item catalog. Accounts and dimensions of an item are copied onto its invoice rows
 * when the invoice is finalized.
 */
@Service
public class Items {

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

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Items(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Organizations organizations) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Item create(Caller caller, ItemDetails details) {
		this.validator.validate(details, () -> problems(caller, details, null));
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(ITEM)
			.set(ITEM.ORGANIZATION_ID, caller.organizationId())
			.set(values(details))
			.set(ITEM.CREATED, now)
			.set(ITEM.MODIFIED, now)
			.set(ITEM.VERSION, 0)
			.returningResult(ITEM.ID)
			.fetchSingle()
			.value1();
		Item created = get(caller, id);
		this.audit.record(caller, "item.created", "item", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Item get(Caller caller, long id) {
		return this.dsl.selectFrom(ITEM)
			.where(ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(ITEM.ID.eq(id))
			.fetchOptional(Items::map)
			.orElseThrow(() -> new NotFound("item", id));
	}

	/**
	 * Several items at once, for building invoice rows without a query per row.
	 * @param caller the caller
	 * @param ids the item ids
	 * @return the items found, by id
	 */
	@Transactional(readOnly = true)
	public Map<Long, Item> getAll(Caller caller, Collection<Long> ids) {
		Map<Long, Item> items = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return items;
		}
		this.dsl.selectFrom(ITEM)
			.where(ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(ITEM.ID.in(ids))
			.fetch(Items::map)
			.forEach((item) -> items.put(item.id(), item));
		return items;
	}

	/**
	 * A numbered page of the items matching the criteria, in id order.
	 * @param caller the caller
	 * @param criteria filters over id, code, name, price (without VAT), price_with_vat,
	 * vat_group, account_number, reporting dimensions, archived, created, modified
	 * @param page the page
	 * @return the page and the number of matching items
	 */
	@Transactional(readOnly = true)
	public Counted<Item> search(Caller caller, Criteria criteria, OffsetPage page) {
		Organization organization = this.organizations.get(caller.organizationId());
		FilterFields filters = organization.settings().pricesIncludeVat() ? GROSS_PRICE_FILTERS : NET_PRICE_FILTERS;
		return ListQueries.page(this.dsl,
				ITEM.join(VAT_GROUP)
					.on(VAT_GROUP.ORGANIZATION_ID.eq(ITEM.ORGANIZATION_ID))
					.and(VAT_GROUP.ID.eq(ITEM.VAT_GROUP_ID)),
				ITEM.ORGANIZATION_ID.eq(caller.organizationId()).and(filters.condition(criteria, organization.zone())),
				List.of(ITEM.ID.asc()), page, Items::map);
	}

	@Transactional(readOnly = true)
	public Page<Item> list(Caller caller, PageRequest page, @Nullable String search, @Nullable Boolean archived) {
		Condition condition = ITEM.ORGANIZATION_ID.eq(caller.organizationId()).and(ITEM.ID.gt(page.afterOrZero()));
		if (search != null && !search.isBlank()) {
			condition = condition
				.and(ITEM.NAME.containsIgnoreCase(search.trim()).or(ITEM.CODE.containsIgnoreCase(search.trim())));
		}
		if (archived != null) {
			condition = condition.and(ITEM.ARCHIVED.eq(archived));
		}
		return Page.of(
				this.dsl.selectFrom(ITEM).where(condition).orderBy(ITEM.ID).limit(page.limit() + 1).fetch(Items::map),
				page.limit(), Item::id);
	}

	@Transactional
	public Item update(Caller caller, long id, int expectedVersion, ItemDetails details) {
		this.validator.validate(details, () -> problems(caller, details, id));
		Item before = get(caller, id);
		int updated = this.dsl.update(ITEM)
			.set(values(details))
			.set(ITEM.MODIFIED, Timestamps.now(this.clock))
			.set(ITEM.VERSION, ITEM.VERSION.plus(1))
			.where(ITEM.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(ITEM.ID.eq(id))
			.and(ITEM.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw Conflict.staleVersion("item", id);
		}
		Item after = get(caller, id);
		this.audit.record(caller, "item.updated", "item", id, before, after);
		return after;
	}

	private List<FieldError> problems(Caller caller, ItemDetails details, @Nullable Long itemId) {
		List<FieldError> problems = new ArrayList<>();
		if (!this.dsl.fetchExists(VAT_GROUP, VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()),
				VAT_GROUP.ID.eq(details.vatGroupId()))) {
			problems.add(new FieldError("vat_group_id", "VAT group " + details.vatGroupId() + " does not exist"));
		}
		if (details.code() != null) {
			Condition sameCode = ITEM.ORGANIZATION_ID.eq(caller.organizationId()).and(ITEM.CODE.eq(details.code()));
			if (itemId != null) {
				sameCode = sameCode.and(ITEM.ID.ne(itemId));
			}
			if (this.dsl.fetchExists(ITEM, sameCode)) {
				problems.add(new FieldError("code", "'" + details.code() + "' is already used by another item"));
			}
		}
		return problems;
	}

	private static FilterFields filters(Field<BigDecimal> price, Field<BigDecimal> priceWithVat) {
		return FilterFields.builder()
			.id("id", ITEM.ID)
			.text("code", ITEM.CODE)
			.text("name", ITEM.NAME)
			.decimal("price", price)
			.decimal("price_with_vat", priceWithVat)
			.relation("vat_group", ITEM.VAT_GROUP_ID)
			.text("account_number", ITEM.ACCOUNT_NUMBER)
			.text("reporting_dimension_1", ITEM.REPORTING_DIMENSION_1)
			.text("reporting_dimension_2", ITEM.REPORTING_DIMENSION_2)
			.text("reporting_dimension_3", ITEM.REPORTING_DIMENSION_3)
			.bool("archived", ITEM.ARCHIVED)
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
		return values;
	}

	static Item map(Record r) {
		return new Item(r.get(ITEM.ID),
				new ItemDetails(r.get(ITEM.CODE), r.get(ITEM.NAME), Decimals.trim(r.get(ITEM.PRICE), 2),
						r.get(ITEM.VAT_GROUP_ID), r.get(ITEM.ACCOUNT_NUMBER), r.get(ITEM.INTERNAL_ACCOUNT_NUMBER),
						r.get(ITEM.REPORTING_DIMENSION_1), r.get(ITEM.REPORTING_DIMENSION_2),
						r.get(ITEM.REPORTING_DIMENSION_3), r.get(ITEM.INTERNAL_REPORTING_DIMENSION_1),
						r.get(ITEM.INTERNAL_REPORTING_DIMENSION_2), r.get(ITEM.ARCHIVED)),
				r.get(ITEM.CREATED), r.get(ITEM.MODIFIED), r.get(ITEM.VERSION));
	}

}
