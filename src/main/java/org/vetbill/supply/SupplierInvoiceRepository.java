package org.vetbill.supply;

import java.time.Instant;
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
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Decimals;
import org.vetbill.supply.SupplierInvoices.InvoiceFilter;
import org.vetbill.supply.domain.Address;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.Shipping;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.SUPPLIER_INVOICE;
import static org.vetbill.shared.db.Tables.SUPPLIER_INVOICE_LINE;

/**
 * SQL for supplier invoices and their lines. Every statement is scoped to the caller's
 * organization; invoices are found by their supplier and number.
 */
@Repository
class SupplierInvoiceRepository {

	private final DSLContext dsl;

	SupplierInvoiceRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The number after the supplier's highest invoice number.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @return the number, 1 for the first invoice
	 */
	long nextNumber(Caller caller, long supplierId) {
		Long last = this.dsl.select(DSL.max(SUPPLIER_INVOICE.INVOICE_NUMBER))
			.from(SUPPLIER_INVOICE)
			.where(SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
			.fetchOne(0, Long.class);
		return (last != null) ? last + 1 : 1;
	}

	boolean exists(Caller caller, long supplierId, long number) {
		return this.dsl.fetchExists(SUPPLIER_INVOICE,
				SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId())
					.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
					.and(SUPPLIER_INVOICE.INVOICE_NUMBER.eq(number)));
	}

	/**
	 * Records an invoice and its lines.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param number the invoice's number
	 * @param invoice the invoice
	 * @param origin {@code RECORDED} or {@code IMPORTED}
	 * @param now the time
	 */
	void insert(Caller caller, long supplierId, long number, SupplierInvoiceDetails invoice, String origin,
			Instant now) {
		long id = this.dsl.insertInto(SUPPLIER_INVOICE)
			.set(SUPPLIER_INVOICE.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLIER_INVOICE.SUPPLIER_ID, supplierId)
			.set(SUPPLIER_INVOICE.INVOICE_NUMBER, number)
			.set(SUPPLIER_INVOICE.ORIGIN, origin)
			.set(SUPPLIER_INVOICE.CREATED, now)
			.set(SUPPLIER_INVOICE.VERSION, 0)
			.set(values(invoice, now))
			.returningResult(SUPPLIER_INVOICE.ID)
			.fetchSingle()
			.value1();
		insertLines(caller, id, invoice.lines());
	}

	/**
	 * Replaces an invoice and its lines, keeping its number and origin.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param number the invoice's number
	 * @param invoice the invoice
	 * @param now the time
	 */
	void update(Caller caller, long supplierId, long number, SupplierInvoiceDetails invoice, Instant now) {
		long id = this.dsl.update(SUPPLIER_INVOICE)
			.set(values(invoice, now))
			.set(SUPPLIER_INVOICE.VERSION, SUPPLIER_INVOICE.VERSION.plus(1))
			.where(SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLIER_INVOICE.INVOICE_NUMBER.eq(number))
			.returningResult(SUPPLIER_INVOICE.ID)
			.fetchSingle()
			.value1();
		this.dsl.deleteFrom(SUPPLIER_INVOICE_LINE)
			.where(SUPPLIER_INVOICE_LINE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER_INVOICE_LINE.INVOICE_ID.eq(id))
			.execute();
		insertLines(caller, id, invoice.lines());
	}

	Optional<SupplierInvoice> find(Caller caller, long supplierId, long number) {
		Optional<Record> invoice = this.dsl.selectFrom(SUPPLIER_INVOICE)
			.where(SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLIER_INVOICE.INVOICE_NUMBER.eq(number))
			.fetchOptional()
			.map(Record.class::cast);
		return invoice.map((r) -> map(r,
				this.dsl.selectFrom(SUPPLIER_INVOICE_LINE)
					.where(SUPPLIER_INVOICE_LINE.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(SUPPLIER_INVOICE_LINE.INVOICE_ID.eq(r.get(SUPPLIER_INVOICE.ID)))
					.orderBy(SUPPLIER_INVOICE_LINE.LINE_NUMBER)
					.fetch(SupplierInvoiceRepository::line)));
	}

	/**
	 * The supplier's invoices in number order, filtered.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param filter which invoices
	 * @return their summaries
	 */
	List<InvoiceSummary> list(Caller caller, long supplierId, InvoiceFilter filter) {
		Condition condition = SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId())
			.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId));
		if (filter.accountCodes() != null) {
			condition = condition.and(SUPPLIER_INVOICE.ACCOUNT_CODE.in(filter.accountCodes()));
		}
		if (filter.dateFrom() != null) {
			condition = condition.and(SUPPLIER_INVOICE.INVOICE_DATE.ge(filter.dateFrom()));
		}
		if (filter.dateTo() != null) {
			condition = condition.and(SUPPLIER_INVOICE.INVOICE_DATE.le(filter.dateTo()));
		}
		if (filter.updatedAfter() != null) {
			condition = condition.and(SUPPLIER_INVOICE.MODIFIED.gt(filter.updatedAfter()));
		}
		return this.dsl
			.select(SUPPLIER_INVOICE.INVOICE_NUMBER, SUPPLIER_INVOICE.ORDER_NUMBER, SUPPLIER_INVOICE.INVOICE_DATE,
					SUPPLIER_INVOICE.PURCHASE_ORDER_NUMBER, SUPPLIER_INVOICE.TOTAL, SUPPLIER_INVOICE.ACCOUNT_CODE)
			.from(SUPPLIER_INVOICE)
			.where(condition)
			.orderBy(SUPPLIER_INVOICE.INVOICE_NUMBER)
			.fetch((r) -> new InvoiceSummary(r.value1(), r.value2(), r.value3(), r.value4(),
					StoredAmounts.money(r.value5()), r.value6()));
	}

	/**
	 * The invoice lines of the supplier's invoices for an order.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param orderNumber the order's id
	 * @return the lines, by invoice number and line number
	 */
	List<InvoiceLineDetails> linesOfOrder(Caller caller, long supplierId, long orderNumber) {
		return this.dsl.select(SUPPLIER_INVOICE_LINE.fields())
			.from(SUPPLIER_INVOICE_LINE)
			.join(SUPPLIER_INVOICE)
			.on(SUPPLIER_INVOICE.ORGANIZATION_ID.eq(SUPPLIER_INVOICE_LINE.ORGANIZATION_ID))
			.and(SUPPLIER_INVOICE.ID.eq(SUPPLIER_INVOICE_LINE.INVOICE_ID))
			.where(SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLIER_INVOICE.ORDER_NUMBER.eq(orderNumber))
			.orderBy(SUPPLIER_INVOICE.INVOICE_NUMBER, SUPPLIER_INVOICE_LINE.LINE_NUMBER)
			.fetch(SupplierInvoiceRepository::line);
	}

	private static Map<Field<?>, @Nullable Object> values(SupplierInvoiceDetails invoice, Instant now) {
		Shipping shipping = invoice.shipping();
		Address address = (shipping != null) ? shipping.address() : null;
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(SUPPLIER_INVOICE.ORDER_NUMBER, invoice.orderId());
		values.put(SUPPLIER_INVOICE.PURCHASE_ORDER_NUMBER, invoice.purchaseOrderNumber());
		values.put(SUPPLIER_INVOICE.ACCOUNT_CODE, invoice.accountCode());
		values.put(SUPPLIER_INVOICE.INVOICE_DATE, invoice.date());
		values.put(SUPPLIER_INVOICE.NOTES, invoice.notes());
		values.put(SUPPLIER_INVOICE.SHIP_NAME, (shipping != null) ? shipping.name() : null);
		values.put(SUPPLIER_INVOICE.SHIP_ADDRESS_LINE1, (address != null) ? address.addressLine1() : null);
		values.put(SUPPLIER_INVOICE.SHIP_ADDRESS_LINE2, (address != null) ? address.addressLine2() : null);
		values.put(SUPPLIER_INVOICE.SHIP_SUBURB, (address != null) ? address.suburb() : null);
		values.put(SUPPLIER_INVOICE.SHIP_STATE, (address != null) ? address.state() : null);
		values.put(SUPPLIER_INVOICE.SHIP_POSTCODE, (address != null) ? address.postcode() : null);
		values.put(SUPPLIER_INVOICE.SHIP_COUNTRY, (address != null) ? address.country() : null);
		values.put(SUPPLIER_INVOICE.CARRIER, (shipping != null) ? shipping.carrier() : null);
		values.put(SUPPLIER_INVOICE.TRACKING_ID, (shipping != null) ? shipping.trackingId() : null);
		values.put(SUPPLIER_INVOICE.PAYMENT_DUE, invoice.paymentDue());
		values.put(SUPPLIER_INVOICE.FREIGHT, invoice.freight());
		values.put(SUPPLIER_INVOICE.TAX, invoice.tax());
		values.put(SUPPLIER_INVOICE.TOTAL, invoice.total());
		values.put(SUPPLIER_INVOICE.MODIFIED, now);
		return values;
	}

	private void insertLines(Caller caller, long invoiceId, List<InvoiceLineDetails> lines) {
		var insert = this.dsl.insertInto(SUPPLIER_INVOICE_LINE, SUPPLIER_INVOICE_LINE.ORGANIZATION_ID,
				SUPPLIER_INVOICE_LINE.INVOICE_ID, SUPPLIER_INVOICE_LINE.LINE_NUMBER, SUPPLIER_INVOICE_LINE.PRODUCT_CODE,
				SUPPLIER_INVOICE_LINE.DESCRIPTION, SUPPLIER_INVOICE_LINE.QUANTITY_ORDERED,
				SUPPLIER_INVOICE_LINE.QUANTITY_SHIPPED, SUPPLIER_INVOICE_LINE.PURCHASE_ORDER_NUMBER,
				SUPPLIER_INVOICE_LINE.PRICE, SUPPLIER_INVOICE_LINE.LIST_PRICE, SUPPLIER_INVOICE_LINE.RRP,
				SUPPLIER_INVOICE_LINE.TAX, SUPPLIER_INVOICE_LINE.BATCH, SUPPLIER_INVOICE_LINE.EXPIRY,
				SUPPLIER_INVOICE_LINE.MISCELLANEOUS_ITEM);
		for (int i = 0; i < lines.size(); i++) {
			InvoiceLineDetails line = lines.get(i);
			insert = insert.values(caller.organizationId(), invoiceId, i + 1, line.productCode(), line.description(),
					line.quantityOrdered(), line.quantityShipped(), line.purchaseOrderNumber(), line.price(),
					line.listPrice(), line.rrp(), line.tax(), line.batch(), line.expiry(), line.miscellaneousItem());
		}
		insert.execute();
	}

	private static SupplierInvoice map(Record r, List<InvoiceLineDetails> lines) {
		Address address = new Address(r.get(SUPPLIER_INVOICE.SHIP_ADDRESS_LINE1),
				r.get(SUPPLIER_INVOICE.SHIP_ADDRESS_LINE2), r.get(SUPPLIER_INVOICE.SHIP_SUBURB),
				r.get(SUPPLIER_INVOICE.SHIP_STATE), r.get(SUPPLIER_INVOICE.SHIP_POSTCODE),
				r.get(SUPPLIER_INVOICE.SHIP_COUNTRY));
		Shipping shipping = new Shipping(r.get(SUPPLIER_INVOICE.SHIP_NAME), address.blank() ? null : address,
				r.get(SUPPLIER_INVOICE.CARRIER), r.get(SUPPLIER_INVOICE.TRACKING_ID));
		boolean noShipping = shipping.name() == null && shipping.address() == null && shipping.carrier() == null
				&& shipping.trackingId() == null;
		return new SupplierInvoice(r.get(SUPPLIER_INVOICE.SUPPLIER_ID), r.get(SUPPLIER_INVOICE.INVOICE_NUMBER),
				r.get(SUPPLIER_INVOICE.ORDER_NUMBER), r.get(SUPPLIER_INVOICE.PURCHASE_ORDER_NUMBER),
				r.get(SUPPLIER_INVOICE.ACCOUNT_CODE), r.get(SUPPLIER_INVOICE.INVOICE_DATE),
				r.get(SUPPLIER_INVOICE.NOTES), noShipping ? null : shipping, r.get(SUPPLIER_INVOICE.PAYMENT_DUE),
				StoredAmounts.money(r.get(SUPPLIER_INVOICE.FREIGHT)), StoredAmounts.money(r.get(SUPPLIER_INVOICE.TAX)),
				StoredAmounts.money(r.get(SUPPLIER_INVOICE.TOTAL)), lines, r.get(SUPPLIER_INVOICE.ORIGIN),
				r.get(SUPPLIER_INVOICE.CREATED), r.get(SUPPLIER_INVOICE.MODIFIED));
	}

	private static InvoiceLineDetails line(Record r) {
		return new InvoiceLineDetails(r.get(SUPPLIER_INVOICE_LINE.PRODUCT_CODE),
				r.get(SUPPLIER_INVOICE_LINE.DESCRIPTION), r.get(SUPPLIER_INVOICE_LINE.QUANTITY_ORDERED),
				r.get(SUPPLIER_INVOICE_LINE.QUANTITY_SHIPPED), r.get(SUPPLIER_INVOICE_LINE.PURCHASE_ORDER_NUMBER),
				Decimals.trim(r.get(SUPPLIER_INVOICE_LINE.PRICE), 2),
				StoredAmounts.price(r.get(SUPPLIER_INVOICE_LINE.LIST_PRICE)),
				StoredAmounts.price(r.get(SUPPLIER_INVOICE_LINE.RRP)),
				StoredAmounts.money(r.get(SUPPLIER_INVOICE_LINE.TAX)), r.get(SUPPLIER_INVOICE_LINE.BATCH),
				r.get(SUPPLIER_INVOICE_LINE.EXPIRY), r.get(SUPPLIER_INVOICE_LINE.MISCELLANEOUS_ITEM));
	}

}
