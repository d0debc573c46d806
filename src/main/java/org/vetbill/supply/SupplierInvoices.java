package org.vetbill.supply;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;
import org.vetbill.supply.domain.Address;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.Shipping;
import org.vetbill.supply.domain.SupplierInvoiceDetails;
import org.vetbill.supply.domain.SupplierInvoiceFigures;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.SUPPLIER_INVOICE;
import static org.vetbill.shared.db.Tables.SUPPLIER_INVOICE_LINE;

/**
 * Supplier invoices: recorded by the supplier (and served by the Connect API) or imported
 * from a supplier's Connect endpoint. Every change sets the invoice's modified time,
 * which Connect's {@code UpdatedAfter} follows, and brings the received quantities of the
 * invoice's order up to date.
 */
@Service
public class SupplierInvoices {

	/** An invoice recorded here by the supplier. */
	public static final String RECORDED = "RECORDED";

	/** An invoice imported from a Connect endpoint. */
	public static final String IMPORTED = "IMPORTED";

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Suppliers suppliers;

	private final SupplyOrders orders;

	SupplierInvoices(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Suppliers suppliers,
			SupplyOrders orders) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.suppliers = suppliers;
		this.orders = orders;
	}

	/**
	 * Records an invoice of the supplier: its account must be one of the supplier's, its
	 * order (if it names one) one of the supplier's orders, its figures must add up, and
	 * its number, if given, must be free.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the invoice
	 * @return the invoice as stored
	 */
	@Transactional
	public SupplierInvoice record(Caller caller, long supplierId, SupplierInvoiceDetails details) {
		SupplierInvoiceDetails invoice = checked(caller, supplierId, details);
		this.suppliers.lock(caller, supplierId);
		long number = (invoice.invoiceNumber() != null) ? invoice.invoiceNumber() : nextNumber(caller, supplierId);
		if (exists(caller, supplierId, number)) {
			throw new Conflict("duplicate_invoice_number",
					"the supplier already has an invoice " + number + "; replace it with PUT instead");
		}
		insert(caller, supplierId, number, invoice, RECORDED);
		SupplierInvoice created = get(caller, supplierId, number);
		this.audit.record(caller, "supplier_invoice.created", "supplier", supplierId, null, created);
		return created;
	}

	/**
	 * Records the invoices of a CSV file (see {@link SupplyCsv}), all or none.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param csv the file
	 * @return how many invoices and lines were recorded
	 * @throws InvalidInput naming the file line and column of each error
	 */
	@Transactional
	public CsvImport importCsv(Caller caller, long supplierId, Reader csv) {
		this.suppliers.get(caller, supplierId);
		return SupplyCsv.record(SupplyCsv.invoices(csv), "InvoiceNumber", (value) -> record(caller, supplierId, value));
	}

	/**
	 * Replaces a recorded invoice with a corrected one (same number).
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param invoiceNumber the invoice
	 * @param details the corrected invoice
	 * @return the invoice as stored
	 */
	@Transactional
	public SupplierInvoice replace(Caller caller, long supplierId, long invoiceNumber, SupplierInvoiceDetails details) {
		if (details.invoiceNumber() != null && details.invoiceNumber() != invoiceNumber) {
			throw InvalidInput.field("invoice_number", "is " + details.invoiceNumber() + " but the invoice replaced is "
					+ invoiceNumber + "; an invoice keeps its number");
		}
		SupplierInvoiceDetails invoice = checked(caller, supplierId, details);
		this.suppliers.lock(caller, supplierId);
		SupplierInvoice before = get(caller, supplierId, invoiceNumber);
		if (!RECORDED.equals(before.origin())) {
			throw new Conflict("imported_invoice",
					"invoice " + invoiceNumber + " was imported from the supplier's Connect API and changes there");
		}
		update(caller, supplierId, invoiceNumber, invoice, before);
		SupplierInvoice after = get(caller, supplierId, invoiceNumber);
		this.audit.record(caller, "supplier_invoice.updated", "supplier", supplierId, before, after);
		return after;
	}

	/** What importing one invoice did. */
	public enum Saved {

		/** It was new. */
		IMPORTED,

		/** It was known and has changed. */
		UPDATED,

		/** It was known and is the same. */
		UNCHANGED

	}

	/**
	 * Stores an invoice imported from the supplier's Connect endpoint, once per invoice
	 * number: a known invoice is updated when it has changed and left alone otherwise.
	 * The supplier's figures are kept as sent.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the invoice, with its number
	 * @return what happened
	 */
	@Transactional
	public Saved saveImported(Caller caller, long supplierId, SupplierInvoiceDetails details) {
		this.validator.validate(details);
		if (details.invoiceNumber() == null) {
			throw InvalidInput.field("invoice_number", "is required");
		}
		SupplierInvoiceDetails invoice = normalized(details, SupplierInvoiceFigures.asSent(details));
		this.suppliers.lock(caller, supplierId);
		Optional<SupplierInvoice> known = find(caller, supplierId, details.invoiceNumber());
		if (known.isEmpty()) {
			insert(caller, supplierId, details.invoiceNumber(), invoice, IMPORTED);
			this.audit.record(caller, "supplier_invoice.imported", "supplier", supplierId, null,
					get(caller, supplierId, details.invoiceNumber()));
			return Saved.IMPORTED;
		}
		if (known.get().details().equals(invoice)) {
			return Saved.UNCHANGED;
		}
		update(caller, supplierId, details.invoiceNumber(), invoice, known.get());
		this.audit.record(caller, "supplier_invoice.reimported", "supplier", supplierId, known.get(),
				get(caller, supplierId, details.invoiceNumber()));
		return Saved.UPDATED;
	}

	@Transactional(readOnly = true)
	public SupplierInvoice get(Caller caller, long supplierId, long invoiceNumber) {
		return find(caller, supplierId, invoiceNumber)
			.orElseThrow(() -> new NotFound("supplier_invoice", invoiceNumber));
	}

	/**
	 * The supplier's invoices in number order, filtered.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param filter which invoices
	 * @return their summaries
	 */
	@Transactional(readOnly = true)
	public List<InvoiceSummary> list(Caller caller, long supplierId, InvoiceFilter filter) {
		this.suppliers.get(caller, supplierId);
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
			.fetch((r) -> new InvoiceSummary(r.value1(), r.value2(), r.value3(), r.value4(), money(r.value5()),
					r.value6()));
	}

	/**
	 * Which invoices a list shows.
	 *
	 * @param dateFrom invoices dated on or after
	 * @param dateTo invoices dated on or before
	 * @param updatedAfter invoices changed after
	 * @param accountCodes invoices of these accounts only (null: all)
	 */
	public record InvoiceFilter(@Nullable LocalDate dateFrom, @Nullable LocalDate dateTo,
			@Nullable Instant updatedAfter, @Nullable Collection<String> accountCodes) {

		public static InvoiceFilter all() {
			return new InvoiceFilter(null, null, null, null);
		}

	}

	/**
	 * The invoice lines of the supplier's invoices for an order.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param orderNumber the order (Connect's OrderId)
	 * @return the lines
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
			.fetch(SupplierInvoices::line);
	}

	private SupplierInvoiceDetails checked(Caller caller, long supplierId, SupplierInvoiceDetails details) {
		this.validator.validate(details);
		SupplierInvoiceFigures figures = SupplierInvoiceFigures.of(details);
		this.suppliers.get(caller, supplierId);
		List<FieldError> errors = new ArrayList<>();
		if (!this.suppliers.hasAccount(caller, supplierId, details.accountCode())) {
			errors.add(new FieldError("account_code",
					"the supplier has no account " + details.accountCode() + "; record it first"));
		}
		if (details.orderId() != null && !this.orders.exists(caller, supplierId, details.orderId())) {
			errors.add(new FieldError("order_id", "the supplier has no electronic order " + details.orderId()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return normalized(details, figures);
	}

	private long nextNumber(Caller caller, long supplierId) {
		Long last = this.dsl.select(DSL.max(SUPPLIER_INVOICE.INVOICE_NUMBER))
			.from(SUPPLIER_INVOICE)
			.where(SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
			.fetchOne(0, Long.class);
		return (last != null) ? last + 1 : 1;
	}

	private void insert(Caller caller, long supplierId, long number, SupplierInvoiceDetails invoice, String origin) {
		Instant now = Timestamps.now(this.clock);
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
		if (invoice.orderId() != null) {
			this.orders.refreshReceipts(caller, supplierId, invoice.orderId());
		}
	}

	private void update(Caller caller, long supplierId, long number, SupplierInvoiceDetails invoice,
			SupplierInvoice before) {
		long id = this.dsl.update(SUPPLIER_INVOICE)
			.set(values(invoice, Timestamps.now(this.clock)))
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
		if (before.orderId() != null) {
			this.orders.refreshReceipts(caller, supplierId, before.orderId());
		}
		if (invoice.orderId() != null && !invoice.orderId().equals(before.orderId())) {
			this.orders.refreshReceipts(caller, supplierId, invoice.orderId());
		}
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

	private boolean exists(Caller caller, long supplierId, long invoiceNumber) {
		return this.dsl.fetchExists(SUPPLIER_INVOICE,
				SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId())
					.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
					.and(SUPPLIER_INVOICE.INVOICE_NUMBER.eq(invoiceNumber)));
	}

	private Optional<SupplierInvoice> find(Caller caller, long supplierId, long invoiceNumber) {
		Optional<Record> invoice = this.dsl.selectFrom(SUPPLIER_INVOICE)
			.where(SUPPLIER_INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLIER_INVOICE.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLIER_INVOICE.INVOICE_NUMBER.eq(invoiceNumber))
			.fetchOptional()
			.map(Record.class::cast);
		return invoice.map((r) -> map(r,
				this.dsl.selectFrom(SUPPLIER_INVOICE_LINE)
					.where(SUPPLIER_INVOICE_LINE.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(SUPPLIER_INVOICE_LINE.INVOICE_ID.eq(r.get(SUPPLIER_INVOICE.ID)))
					.orderBy(SUPPLIER_INVOICE_LINE.LINE_NUMBER)
					.fetch(SupplierInvoices::line)));
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
				money(r.get(SUPPLIER_INVOICE.FREIGHT)), money(r.get(SUPPLIER_INVOICE.TAX)),
				money(r.get(SUPPLIER_INVOICE.TOTAL)), lines, r.get(SUPPLIER_INVOICE.ORIGIN),
				r.get(SUPPLIER_INVOICE.CREATED), r.get(SUPPLIER_INVOICE.MODIFIED));
	}

	private static InvoiceLineDetails line(Record r) {
		return new InvoiceLineDetails(r.get(SUPPLIER_INVOICE_LINE.PRODUCT_CODE),
				r.get(SUPPLIER_INVOICE_LINE.DESCRIPTION), r.get(SUPPLIER_INVOICE_LINE.QUANTITY_ORDERED),
				r.get(SUPPLIER_INVOICE_LINE.QUANTITY_SHIPPED), r.get(SUPPLIER_INVOICE_LINE.PURCHASE_ORDER_NUMBER),
				Decimals.trim(r.get(SUPPLIER_INVOICE_LINE.PRICE), 2), price(r.get(SUPPLIER_INVOICE_LINE.LIST_PRICE)),
				price(r.get(SUPPLIER_INVOICE_LINE.RRP)), money(r.get(SUPPLIER_INVOICE_LINE.TAX)),
				r.get(SUPPLIER_INVOICE_LINE.BATCH), r.get(SUPPLIER_INVOICE_LINE.EXPIRY),
				r.get(SUPPLIER_INVOICE_LINE.MISCELLANEOUS_ITEM));
	}

	/**
	 * The invoice as it will read back: amounts in cents, unit prices with at least two
	 * decimals and no trailing zeros beyond, and the figures given.
	 */
	private static SupplierInvoiceDetails normalized(SupplierInvoiceDetails invoice, SupplierInvoiceFigures figures) {
		List<InvoiceLineDetails> lines = invoice.lines()
			.stream()
			.map((line) -> new InvoiceLineDetails(line.productCode(), line.description(), line.quantityOrdered(),
					line.quantityShipped(), line.purchaseOrderNumber(), Decimals.trim(line.price(), 2),
					price(line.listPrice()), price(line.rrp()), money(line.tax()), line.batch(), line.expiry(),
					line.miscellaneousItem()))
			.toList();
		Shipping shipping = invoice.shipping();
		if (shipping != null && shipping.address() != null && shipping.address().blank()) {
			shipping = new Shipping(shipping.name(), null, shipping.carrier(), shipping.trackingId());
		}
		if (shipping != null && shipping.name() == null && shipping.address() == null && shipping.carrier() == null
				&& shipping.trackingId() == null) {
			shipping = null;
		}
		return new SupplierInvoiceDetails(invoice.invoiceNumber(), invoice.orderId(), invoice.purchaseOrderNumber(),
				invoice.accountCode(), invoice.date(), invoice.notes(), shipping, invoice.paymentDue(),
				figures.freight(), figures.tax(), figures.total(), lines);
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	private static @Nullable BigDecimal price(@Nullable BigDecimal value) {
		return (value != null) ? Decimals.trim(value, 2) : null;
	}

}
