package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.vetbill.clinic.ConsultationItem;
import org.vetbill.clinic.Consultations;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.query.Search;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.Window;

import org.springframework.stereotype.Component;

/**
 * {@code consultationitem/}: an item charged in a consultation, for a patient.
 */
@Component
class ConsultationItemResource extends CloudResource<ConsultationItemResource.View> {

	static final String NAME = "consultationitem";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "name", "quantity", "created", "modified")
		.relation("consultation", "consultationId")
		.relation("item", "itemId")
		.relation("patient", "patientId")
		.build();

	private final Consultations consultations;

	private final InvoiceQueries invoices;

	ConsultationItemResource(Consultations consultations, InvoiceQueries invoices) {
		super(NAME);
		this.consultations = consultations;
		this.invoices = invoices;
	}

	@Override
	Counted<View> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.consultations.searchItems(caller, criteria, order, page).mapItems((found) -> views(caller, found));
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<View> byIds(Caller caller, Collection<Long> ids) {
		return views(caller, this.consultations.getItems(caller, ids));
	}

	/**
	 * The items with the invoice rows they were billed on, read in one query for all of
	 * them (a credit note's rows, which point at the rows they credit, are not theirs).
	 */
	private List<View> views(Caller caller, List<ConsultationItem> items) {
		if (items.isEmpty()) {
			return List.of();
		}
		String ids = items.stream().map((item) -> String.valueOf(item.id())).collect(Collectors.joining(","));
		Map<Long, Long> rows = new HashMap<>();
		this.invoices
			.searchRows(caller,
					new Search(new Criteria(
							List.of(Criterion.of("consultation_item__in", "consultationItemId", Operator.IN, ids)),
							false), List.of(), new Window.Offset(0, OffsetPage.MAX_SIZE)))
			.items()
			.stream()
			.filter((row) -> row.creditedInvoiceRowId() == null && row.consultationItemId() != null)
			.forEach((row) -> rows.merge(row.consultationItemId(), row.id(), Math::min));
		return items.stream().map((item) -> new View(item, rows.get(item.id()))).toList();
	}

	@Override
	long id(View view) {
		return view.item().id();
	}

	@Override
	List<Relation<View>> relations() {
		return List.of(
				new Relation<>("consultation", ConsultationResource.NAME, (v) -> List.of(v.item().consultationId())),
				new Relation<>("item", ItemResource.NAME, (v) -> List.of(v.item().itemId())),
				new Relation<>("patient", PatientResource.NAME, (v) -> optional(v.item().patientId())));
	}

	@Override
	void write(View view, CloudObject out) {
		ConsultationItem item = view.item();
		out.self(NAME, item.id())
			.link("consultation", ConsultationResource.NAME, item.consultationId())
			.link("patient", PatientResource.NAME, item.patientId())
			.link("item", ItemResource.NAME, item.itemId())
			.put("code", null)
			.put("name", item.name())
			.put("quantity", Decimals.trim(item.quantity(), 1))
			.put("price", item.unitPrice())
			.put("price_with_vat", null)
			.put("percentage_change", Decimals.trim(item.percentageChange(), 1))
			.put("supervising_veterinarian_name", "")
			.put("vat_percentage", null)
			.put("type_code", null)
			.link("invoicerow", InvoiceRowResource.NAME, view.invoiceRowId())
			.put("parent_linked_item", null)
			.put("linked_items", List.of())
			.dateTime("created", item.created())
			.dateTime("modified", item.modified())
			.dateTime("used", item.created())
			.put("usage_type", null)
			.put("unit", "")
			.put("instructions", "")
			.put("description", null)
			.put("template", null);
	}

	/**
	 * A consultation item with the invoice row it was billed on.
	 *
	 * @param item the item
	 * @param invoiceRowId the row, or null while it is not on an invoice
	 */
	record View(ConsultationItem item, @Nullable Long invoiceRowId) {
	}

}
