package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.VatGroup;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.invoicing.domain.PriceMode;
import org.vetbill.invoicing.domain.RowPricing;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * {@code item/}: a catalog item with its unit price both without VAT ({@code price}) and
 * with it ({@code price_with_vat}), whichever of the two the organization enters
 * ({@code prices_include_vat}), the other derived at the item's VAT rate as an invoice
 * row derives it. The typed catalogues {@code procedure/}, {@code medicine/},
 * {@code supply/} and {@code food/} are the same items by {@code type_code}, and an
 * item's {@code url} is its typed path, as the real API writes it. The fields vetbill
 * does not keep are written with the real API's empty values.
 */
@Component
@Primary
class ItemResource extends CloudResource<ItemResource.View> {

	static final String NAME = "item";

	static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "code", "name", "price", "price_with_vat", "account_number", "reporting_dimension_1",
				"reporting_dimension_2", "reporting_dimension_3", "archived", "type_code", "created", "modified")
		.relation("vat_group", "vatGroupId")
		.search("name", "code")
		.build();

	private static final BigDecimal ZERO = new BigDecimal("0.0");

	private final Items items;

	private final VatGroups vatGroups;

	private final Organizations organizations;

	private final @Nullable ItemType type;

	@Autowired
	ItemResource(Items items, VatGroups vatGroups, Organizations organizations) {
		this(NAME, null, items, vatGroups, organizations);
	}

	/**
	 * @param name the resource's name in URLs
	 * @param type only the items of this kind, or all when null
	 */
	ItemResource(String name, @Nullable ItemType type, Items items, VatGroups vatGroups, Organizations organizations) {
		super(name);
		this.items = items;
		this.vatGroups = vatGroups;
		this.organizations = organizations;
		this.type = type;
	}

	/**
	 * The typed catalogue an item of a kind is listed in.
	 * @param type the kind
	 * @return the resource's name
	 */
	static String path(ItemType type) {
		return switch (type) {
			case PROCEDURE -> "procedure";
			case MEDICINE -> "medicine";
			case SUPPLY -> "supply";
			case FOOD -> "food";
		};
	}

	@Override
	Counted<View> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.items.search(caller, this.type, criteria, order, page).mapItems((found) -> views(caller, found));
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<View> byIds(Caller caller, Collection<Long> ids) {
		return views(caller,
				this.items.getAll(caller, ids)
					.values()
					.stream()
					.filter((item) -> this.type == null || item.details().type() == this.type)
					.toList());
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
		out.self(path(details.type()), item.id()).put("code", details.code());
		empty(out, "barcode", null);
		out.put("account_number", details.accountNumber())
			.put("name", details.name())
			.put("print_name", details.name());
		empty(out, "hide_on_consultation", false);
		out.put("price", view.price()).put("price_with_vat", view.priceWithVat());
		empty(out, "minimum_price", null, "minimum_price_with_vat", null, "wholesale_price", null,
				"wholesaler_discount", ZERO, "producer_discount", ZERO, "special_discount", ZERO, "margin_percent",
				ZERO);
		out.link("vat_group", VatGroupResource.NAME, details.vatGroupId());
		empty(out, "invoice_group", null, "item_list", null);
		out.put("type_code", details.type().code());
		empty(out, "polymorphic_ctype", null, "parent", null, "parent_amount", ZERO, "instructions", null);
		out.put("archived", details.archived());
		empty(out, "archived_datetime", null, "exclude_discount", false, "linked_items", List.of());
		out.put("reporting_dimension_1", details.reportingDimension1())
			.put("reporting_dimension_2", details.reportingDimension2())
			.put("reporting_dimension_3", details.reportingDimension3());
		empty(out, "hide_on_countersale_search", false, "performed_by_rule", 0, "royalty_fee", null);
		out.dateTime("created", item.created()).dateTime("modified", item.modified());
		empty(out, "external_reporting_code", null, "hide_on_consultation_search", false, "primary_wholesaler", null,
				"primary_wholesaler_code", null, "secondary_wholesaler", null, "secondary_wholesaler_code", null,
				"alert_level", null, "internal_instructions", null, "usage_type", null, "dosage_units",
				new BigDecimal("1.0"), "default_usage_size", 1, "package_description", "", "unit", "",
				"active_substance", null, "preparation", null, "controlled_substance", false, "measurement_loss_type",
				0, "default_measurement_loss_quantity", ZERO, "default_measurement_loss_units", ZERO, "vaccination",
				false, "allowed_usage_type", 0, "default_administration_method", null, "contraindications", null,
				"withdrawal_periods", null, "manufacturer_data", null, "numeric_withdrawal_periods", List.of(),
				"dispense_fee", ZERO, "extra_label_text", null, "dispense_fee_with_vat", ZERO, "injection_fee", ZERO,
				"injection_fee_with_vat", ZERO, "use_default_dispense_fee", false, "use_default_injection_fee", false,
				"batch_number_required", false, "provider_medicine", null);
	}

	/**
	 * Fields vetbill does not keep, each with the value the real API writes when the
	 * clinic has not set it.
	 * @param out the object
	 * @param namesAndValues name, value, name, value, ...
	 */
	static void empty(CloudObject out, @Nullable Object... namesAndValues) {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			out.put((String) Objects.requireNonNull(namesAndValues[i]), namesAndValues[i + 1]);
		}
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
