package org.vetbill.api.cloud;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceRowView;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Window;
import org.vetbill.shared.query.Search;
import org.vetbill.shared.query.Found;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code invoicerow/}: a row with its GL account, reporting dimensions (the third always
 * present), {@code invoice_row_extra} always present, and with
 * {@code expose_invoicerow_vat_group} its VAT group's title, percentage and account.
 */
@Component
class InvoiceRowResource extends CloudResource<InvoiceRowView> {

	static final String NAME = "invoicerow";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "name", "quantity", "price", "price_with_vat", "percentage_change", "vat_percentage",
				"discount_amount", "sum", "sum_vat", "sum_total", "account_number", "reporting_dimension_1",
				"reporting_dimension_2", "reporting_dimension_3", "created", "modified")
		.relation("invoice", "invoiceId")
		.relation("item", "itemId")
		.relation("patient", "patientId")
		.relation("consultation_item", "consultationItemId")
		.relation("vat_group", "vatGroupId")
		.relation("credited_invoicerow", "creditedInvoiceRowId")
		.build();

	private final InvoiceQueries queries;

	InvoiceRowResource(InvoiceQueries queries) {
		super(NAME);
		this.queries = queries;
	}

	@Override
	Counted<InvoiceRowView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		Found<InvoiceRowView> found = this.queries.searchRows(caller,
				new Search(criteria, order, Window.Offset.of(page)));
		return new Counted<>(found.items(), found.total());
	}

	@Override
	List<InvoiceRowView> byIds(Caller caller, Collection<Long> ids) {
		return this.queries.getRows(caller, ids);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	long id(InvoiceRowView row) {
		return row.id();
	}

	@Override
	List<Relation<InvoiceRowView>> relations() {
		return List.of(new Relation<>("invoice", InvoiceResource.NAME, (r) -> List.of(r.invoiceId())),
				new Relation<>("consultation_item", ConsultationItemResource.NAME,
						(r) -> optional(r.consultationItemId())),
				new Relation<>("original_consultation", ConsultationResource.NAME, (r) -> optional(r.consultationId())),
				new Relation<>("item", ItemResource.NAME, (r) -> optional(r.itemId())),
				new Relation<>("patient", PatientResource.NAME, (r) -> optional(r.patientId())),
				new Relation<>("vat_group", VatGroupResource.NAME, (r) -> optional(r.vatGroupId())),
				new Relation<>("invoicerow_vat_group", VatGroupResource.INVOICEROW_VAT_GROUP,
						(r) -> optional(r.vatGroupId())));
	}

	@Override
	void write(InvoiceRowView row, CloudObject out) {
		Map<String, @Nullable Object> extra = new LinkedHashMap<>();
		extra.put("internal_account_number", row.internalAccountNumber());
		extra.put("internal_reporting_dimension_1", row.internalReportingDimension1());
		extra.put("internal_reporting_dimension_2", row.internalReportingDimension2());
		out.self(NAME, row.id())
			.link("invoice", InvoiceResource.NAME, row.invoiceId())
			.link("consultation_item", ConsultationItemResource.NAME, row.consultationItemId())
			.link("original_consultation", ConsultationResource.NAME, row.consultationId())
			.link("item", ItemResource.NAME, row.itemId())
			.put("name", row.name())
			.put("invoice_group", null)
			.put("quantity", row.quantity())
			.put("price", row.price())
			.put("price_with_vat", row.priceWithVat())
			.amount("sum", row.sum())
			.amount("sum_vat", row.sumVat())
			.amount("sum_total", row.sumTotal())
			.put("percentage_change", row.percentageChange())
			.amount("discount_amount", row.discountAmount())
			.put("vat_percentage", row.vatPercentage())
			.put("additional_tax_percentage", BigDecimal.ZERO.setScale(1))
			.put("calculated_price", row.price())
			.put("calculated_price_with_vat", row.priceWithVat())
			.put("invoicable_quantity", row.quantity())
			.link("vat_group", VatGroupResource.NAME, row.vatGroupId())
			.exposedOnly("invoicerow_vat_group", row.vatGroupId())
			.put("account_number", row.accountNumber())
			.put("reporting_dimension_1", row.reportingDimension1())
			.put("reporting_dimension_2", row.reportingDimension2())
			.put("reporting_dimension_3", row.reportingDimension3())
			.nested("invoice_row_extra", extra)
			.link("credited_invoicerow", NAME, row.creditedInvoiceRowId())
			.link("first_credited_invoicerow", NAME, row.creditedInvoiceRowId())
			.links("first_credit_invoicerows", NAME, row.creditRowIds())
			.link("patient", PatientResource.NAME, row.patientId())
			.put("parent_linked_item", null)
			.put("linked_items", List.of())
			.put("panel", null)
			.put("order_in_panel", row.position())
			.put("royalty_fee", null)
			.put("prescription", false)
			.dateTime("created", row.created())
			.dateTime("modified", row.modified())
			.dateTime("used", row.created());
	}

}
