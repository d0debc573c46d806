package org.vetbill.invoicing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.vetbill.invoicing.domain.RowFigures;
import org.vetbill.invoicing.domain.RowPricing;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Found;
import org.vetbill.shared.query.Search;
import org.vetbill.shared.query.Window;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;

/**
 * Reads invoice rows as the APIs show them, each with the credit-note rows that credit
 * it: a page or a batch costs a fixed number of queries whatever its size.
 */
@Repository
class RowReadStore {

	/** The fields rows can be searched on. */
	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", INVOICE_ROW.ID)
		.id("invoiceId", INVOICE_ROW.INVOICE_ID)
		.id("itemId", INVOICE_ROW.ITEM_ID)
		.id("patientId", INVOICE_ROW.PATIENT_ID)
		.id("consultationItemId", INVOICE_ROW.CONSULTATION_ITEM_ID)
		.id("vatGroupId", INVOICE_ROW.VAT_GROUP_ID)
		.id("creditedInvoiceRowId", INVOICE_ROW.CREDITED_INVOICE_ROW_ID)
		.text("name", INVOICE_ROW.NAME)
		.decimal("quantity", INVOICE_ROW.QUANTITY)
		.decimal("price", INVOICE_ROW.PRICE)
		.decimal("priceWithVat", INVOICE_ROW.PRICE_WITH_VAT)
		.decimal("percentageChange", INVOICE_ROW.PERCENTAGE_CHANGE)
		.decimal("vatPercentage", INVOICE_ROW.VAT_PERCENTAGE)
		.decimal("discountAmount", INVOICE_ROW.DISCOUNT_AMOUNT)
		.decimal("sum", INVOICE_ROW.SUM_NET)
		.decimal("sumVat", INVOICE_ROW.SUM_VAT)
		.decimal("sumTotal", INVOICE_ROW.SUM_TOTAL)
		.text("accountNumber", INVOICE_ROW.ACCOUNT_NUMBER)
		.text("reportingDimension1", INVOICE_ROW.REPORTING_DIMENSION_1)
		.text("reportingDimension2", INVOICE_ROW.REPORTING_DIMENSION_2)
		.text("reportingDimension3", INVOICE_ROW.REPORTING_DIMENSION_3)
		.dateTime("created", INVOICE_ROW.CREATED)
		.dateTime("modified", INVOICE_ROW.MODIFIED)
		.build();

	/** A row's columns and the one of its invoice a row's view shows. */
	private static final List<Field<?>> ROW_FIELDS = Stream
		.concat(Arrays.stream(INVOICE_ROW.fields()), Stream.of(INVOICE.CONSULTATION_ID))
		.toList();

	private final DSLContext dsl;

	RowReadStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The rows a search asks for, in its order, and how many match, in three queries.
	 * @param caller the caller
	 * @param search the search: filters and an offset window
	 * @param zone the organization's time zone
	 * @param currency the organization's currency
	 * @return the rows and their count
	 */
	Found<InvoiceRowView> search(Caller caller, Search search, ZoneId zone, Currency currency) {
		if (!(search.window() instanceof Window.Offset window)) {
			throw new IllegalArgumentException("rows are read by offset");
		}
		Condition condition = INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId())
			.and(FILTERS.condition(search.criteria(), zone));
		Counted<InvoiceRowView> page = ListQueries
			.page(this.dsl, rowsWithInvoice(), ROW_FIELDS, condition, FILTERS.order(search.order(), INVOICE_ROW.ID),
					window, (r) -> rowView(r, currency))
			.mapItems((rows) -> withCredits(caller, rows));
		return new Found<>(page.items(), page.count(), null);
	}

	/**
	 * The rows with the given ids, in one query (two when some are credited).
	 */
	List<InvoiceRowView> byIds(Caller caller, Collection<Long> ids, Currency currency) {
		return rowViews(caller, INVOICE_ROW.ID.in(ids), currency);
	}

	/**
	 * The rows of the given invoices, in invoice and position order.
	 */
	List<InvoiceRowView> ofInvoices(Caller caller, Collection<Long> invoiceIds, Currency currency) {
		return rowViews(caller, INVOICE_ROW.INVOICE_ID.in(invoiceIds), currency);
	}

	private List<InvoiceRowView> rowViews(Caller caller, Condition condition, Currency currency) {
		return withCredits(caller,
				this.dsl.select(ROW_FIELDS)
					.from(rowsWithInvoice())
					.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(condition)
					.orderBy(INVOICE_ROW.INVOICE_ID, INVOICE_ROW.POSITION, INVOICE_ROW.ID)
					.fetch((r) -> rowView(r, currency)));
	}

	/**
	 * Rows with the credit-note rows that credit them, in one more query.
	 */
	private List<InvoiceRowView> withCredits(Caller caller, List<InvoiceRowView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Long>> credits = new HashMap<>();
		this.dsl.select(INVOICE_ROW.CREDITED_INVOICE_ROW_ID, INVOICE_ROW.ID)
			.from(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.CREDITED_INVOICE_ROW_ID.in(rows.stream().map(InvoiceRowView::id).toList()))
			.orderBy(INVOICE_ROW.ID)
			.forEach((r) -> credits.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		if (credits.isEmpty()) {
			return rows;
		}
		return rows.stream().map((row) -> row.withCreditRowIds(credits.getOrDefault(row.id(), List.of()))).toList();
	}

	private static Table<?> rowsWithInvoice() {
		return INVOICE_ROW.join(INVOICE)
			.on(INVOICE.ORGANIZATION_ID.eq(INVOICE_ROW.ORGANIZATION_ID))
			.and(INVOICE.ID.eq(INVOICE_ROW.INVOICE_ID));
	}

	/**
	 * A row read with its invoice: a row charged in a consultation (it has a consultation
	 * item) belongs to the invoice's consultation.
	 */
	private static InvoiceRowView rowView(Record r, Currency currency) {
		RowFigures figures = InvoiceRowStore.figures(r, currency);
		Long consultationId = (r.get(INVOICE_ROW.CONSULTATION_ITEM_ID) != null) ? r.get(INVOICE.CONSULTATION_ID) : null;
		return new InvoiceRowView(r.get(INVOICE_ROW.ID), r.get(INVOICE_ROW.UUID), r.get(INVOICE_ROW.INVOICE_ID),
				consultationId, r.get(INVOICE_ROW.POSITION), r.get(INVOICE_ROW.ITEM_ID),
				r.get(INVOICE_ROW.CONSULTATION_ITEM_ID), r.get(INVOICE_ROW.PATIENT_ID), r.get(INVOICE_ROW.NAME),
				Decimals.trim(r.get(INVOICE_ROW.QUANTITY), 1),
				RowPricing.unitPrice(r.get(INVOICE_ROW.UNIT_PRICE), currency), figures.price(), figures.priceWithVat(),
				Decimals.trim(r.get(INVOICE_ROW.PERCENTAGE_CHANGE), 1), r.get(INVOICE_ROW.VAT_GROUP_ID),
				Decimals.trim(r.get(INVOICE_ROW.VAT_PERCENTAGE), 1), figures.discountAmount().amount(),
				figures.sum().amount(), figures.sumVat().amount(), figures.sumTotal().amount(),
				r.get(INVOICE_ROW.ACCOUNT_NUMBER), r.get(INVOICE_ROW.INTERNAL_ACCOUNT_NUMBER),
				r.get(INVOICE_ROW.REPORTING_DIMENSION_1), r.get(INVOICE_ROW.REPORTING_DIMENSION_2),
				r.get(INVOICE_ROW.REPORTING_DIMENSION_3), r.get(INVOICE_ROW.INTERNAL_REPORTING_DIMENSION_1),
				r.get(INVOICE_ROW.INTERNAL_REPORTING_DIMENSION_2), r.get(INVOICE_ROW.CREDITED_INVOICE_ROW_ID),
				List.of(), r.get(INVOICE_ROW.CREATED), r.get(INVOICE_ROW.MODIFIED));
	}

}
