package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.VatGroup;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.invoicing.domain.PriceMode;
import org.vetbill.invoicing.domain.RowPricing;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code item/}: a catalog item with its unit price both without VAT ({@code price}) and
 * with it ({@code price_with_vat}), whichever of the two the organization enters
 * ({@code prices_include_vat}), the other derived at the item's VAT rate as an invoice
 * row derives it.
 */
@Component
class ItemResource extends CloudResource<ItemResource.View> {

	static final String NAME = "item";

	static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "code", "name", "price", "price_with_vat", "account_number", "reporting_dimension_1",
				"reporting_dimension_2", "reporting_dimension_3", "archived", "created", "modified")
		.relation("vat_group", "vatGroupId")
		.search("name", "code")
		.build();

	private final Items items;

	private final VatGroups vatGroups;

	private final Organizations organizations;

	ItemResource(Items items, VatGroups vatGroups, Organizations organizations) {
		super(NAME);
		this.items = items;
		this.vatGroups = vatGroups;
		this.organizations = organizations;
	}

	@Override
	Counted<View> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.items.search(caller, criteria, order, page).mapItems((found) -> views(caller, found));
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<View> byIds(Caller caller, Collection<Long> ids) {
		return views(caller, List.copyOf(this.items.getAll(caller, ids).values()));
	}

	/**
	 * The items with their net and gross unit prices, the VAT rates read in one query for
	 * all of them.
	 */
	private List<View> views(Caller caller, List<Item> items) {
		if (items.isEmpty()) {
			return List.of();
		}
		Organization organization = this.organizations.get(caller.organizationId());
		PriceMode mode = PriceMode.of(organization.settings().pricesIncludeVat());
		Map<Long, BigDecimal> rates = this.vatGroups
			.getAll(caller, items.stream().map((item) -> item.details().vatGroupId()).distinct().toList())
			.stream()
			.collect(Collectors.toMap(VatGroup::id, (vatGroup) -> vatGroup.details().percentage()));
		return items.stream().map((item) -> {
			BigDecimal price = item.details().price();
			BigDecimal rate = rates.get(item.details().vatGroupId());
			if (rate == null) {
				throw new IllegalStateException("item " + item.id() + " has no VAT group");
			}
			return new View(item, RowPricing.netUnitPrice(mode, price, rate, organization.currency()),
					RowPricing.grossUnitPrice(mode, price, rate, organization.currency()));
		}).toList();
	}

	@Override
	long id(View view) {
		return view.item().id();
	}

	@Override
	List<Relation<View>> relations() {
		return List
			.of(new Relation<>("vat_group", VatGroupResource.NAME, (v) -> List.of(v.item().details().vatGroupId())));
	}

	@Override
	void write(View view, CloudObject out) {
		Item item = view.item();
		ItemDetails details = item.details();
		out.self(NAME, item.id())
			.put("code", details.code())
			.put("name", details.name())
			.put("price", view.price())
			.put("price_with_vat", view.priceWithVat())
			.link("vat_group", VatGroupResource.NAME, details.vatGroupId())
			.put("account_number", details.accountNumber())
			.put("reporting_dimension_1", details.reportingDimension1())
			.put("reporting_dimension_2", details.reportingDimension2())
			.put("reporting_dimension_3", details.reportingDimension3())
			.put("archived", details.archived())
			.dateTime("created", item.created())
			.dateTime("modified", item.modified());
	}

	/**
	 * An item with its unit prices.
	 *
	 * @param item the item
	 * @param price the unit price without VAT
	 * @param priceWithVat the unit price with VAT
	 */
	record View(Item item, BigDecimal price, BigDecimal priceWithVat) {
	}

}
