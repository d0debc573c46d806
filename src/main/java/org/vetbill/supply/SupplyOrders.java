package org.vetbill.supply;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
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
import org.vetbill.supply.domain.OrderDetails;
import org.vetbill.supply.domain.OrderLineDetails;
import org.vetbill.supply.domain.Receipts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.SUPPLY_ORDER;
import static org.vetbill.shared.db.Tables.SUPPLY_ORDER_LINE;

/**
 * Electronic orders placed with a supplier, and what the supplier's invoices have shipped
 * for their lines.
 */
@Service
public class SupplyOrders {

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Suppliers suppliers;

	private final ObjectProvider<SupplierInvoices> invoices;

	SupplyOrders(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Suppliers suppliers,
			ObjectProvider<SupplierInvoices> invoices) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.suppliers = suppliers;
		this.invoices = invoices;
	}

	/**
	 * Records an order. Each line names a product code or a description; the account must
	 * be one of the supplier's, and the order id, if given, must be free. Invoices the
	 * supplier sent for the order before it was recorded count as received at once.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the order
	 * @return the order as stored
	 */
	@Transactional
	public SupplyOrder record(Caller caller, long supplierId, OrderDetails details) {
		this.validator.validate(details, () -> lineErrors(details));
		this.suppliers.lock(caller, supplierId);
		if (!this.suppliers.hasAccount(caller, supplierId, details.accountCode())) {
			throw InvalidInput.field("account_code",
					"the supplier has no account " + details.accountCode() + "; record it first");
		}
		long number = (details.orderId() != null) ? details.orderId() : nextNumber(caller, supplierId);
		if (exists(caller, supplierId, number)) {
			throw new Conflict("duplicate_order_id", "the supplier already has an electronic order " + number);
		}
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(SUPPLY_ORDER)
			.set(SUPPLY_ORDER.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLY_ORDER.SUPPLIER_ID, supplierId)
			.set(SUPPLY_ORDER.ORDER_NUMBER, number)
			.set(SUPPLY_ORDER.PURCHASE_ORDER_NUMBER, details.purchaseOrderNumber())
			.set(SUPPLY_ORDER.ACCOUNT_CODE, details.accountCode())
			.set(SUPPLY_ORDER.CREATED, now)
			.set(SUPPLY_ORDER.MODIFIED, now)
			.returningResult(SUPPLY_ORDER.ID)
			.fetchSingle()
			.value1();
		var insert = this.dsl.insertInto(SUPPLY_ORDER_LINE, SUPPLY_ORDER_LINE.ORGANIZATION_ID,
				SUPPLY_ORDER_LINE.ORDER_ID, SUPPLY_ORDER_LINE.LINE_NUMBER, SUPPLY_ORDER_LINE.PRODUCT_CODE,
				SUPPLY_ORDER_LINE.DESCRIPTION, SUPPLY_ORDER_LINE.QUANTITY, SUPPLY_ORDER_LINE.PRICE,
				SUPPLY_ORDER_LINE.QUANTITY_RECEIVED);
		for (int i = 0; i < details.lines().size(); i++) {
			OrderLineDetails line = details.lines().get(i);
			insert = insert.values(caller.organizationId(), id, i + 1, blankToNull(line.productCode()),
					blankToNull(line.description()), line.quantity(), line.price(), 0);
		}
		insert.execute();
		refreshReceipts(caller, supplierId, number);
		SupplyOrder created = get(caller, supplierId, number);
		this.audit.record(caller, "supply_order.created", "supplier", supplierId, null, created);
		return created;
	}

	/**
	 * Records the orders of a CSV file (see {@link SupplyCsv}), all or none.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param csv the file
	 * @return how many orders and lines were recorded
	 * @throws InvalidInput naming the file line and column of each error
	 */
	@Transactional
	public CsvImport importCsv(Caller caller, long supplierId, Reader csv) {
		this.suppliers.get(caller, supplierId);
		return SupplyCsv.record(SupplyCsv.orders(csv), "OrderId", (value) -> record(caller, supplierId, value));
	}

	@Transactional(readOnly = true)
	public SupplyOrder get(Caller caller, long supplierId, long orderId) {
		return find(caller, supplierId, orderId).orElseThrow(() -> new NotFound("supply_order", orderId));
	}

	@Transactional(readOnly = true)
	public List<SupplyOrder> list(Caller caller, long supplierId) {
		this.suppliers.get(caller, supplierId);
		List<Record> orders = this.dsl.selectFrom(SUPPLY_ORDER)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
			.orderBy(SUPPLY_ORDER.ORDER_NUMBER)
			.fetch()
			.map(Record.class::cast);
		Map<Long, List<SupplyOrder.Line>> lines = lines(caller,
				orders.stream().map((r) -> r.get(SUPPLY_ORDER.ID)).toList());
		return orders.stream().map((r) -> map(r, lines.getOrDefault(r.get(SUPPLY_ORDER.ID), List.of()))).toList();
	}

	/**
	 * Whether the supplier has an electronic order with this id.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param orderId the order (Connect's OrderId)
	 * @return true when it has
	 */
	boolean exists(Caller caller, long supplierId, long orderId) {
		return this.dsl.fetchExists(SUPPLY_ORDER,
				SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId())
					.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
					.and(SUPPLY_ORDER.ORDER_NUMBER.eq(orderId)));
	}

	private Optional<SupplyOrder> find(Caller caller, long supplierId, long orderId) {
		return this.dsl.selectFrom(SUPPLY_ORDER)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ORDER.ORDER_NUMBER.eq(orderId))
			.fetchOptional()
			.map((r) -> map(r, lines(caller, List.of(r.getId())).getOrDefault(r.getId(), List.of())));
	}

	/**
	 * Sets the received quantities of an order's lines from every invoice the supplier
	 * sent for it (see {@link Receipts}). Nothing happens when the order is not recorded
	 * here.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param orderId the order (Connect's OrderId)
	 */
	void refreshReceipts(Caller caller, long supplierId, long orderId) {
		Long id = this.dsl.select(SUPPLY_ORDER.ID)
			.from(SUPPLY_ORDER)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ORDER.ORDER_NUMBER.eq(orderId))
			.forUpdate()
			.fetchOne(SUPPLY_ORDER.ID);
		if (id == null) {
			return;
		}
		List<SupplyOrder.Line> lines = lines(caller, List.of(id)).getOrDefault(id, List.of());
		int[] received = Receipts.received(lines.stream()
			.map((line) -> new OrderLineDetails(line.productCode(), line.description(), line.quantity(), line.price()))
			.toList(), this.invoices.getObject().linesOfOrder(caller, supplierId, orderId));
		boolean changed = false;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).quantityReceived() != received[i]) {
				this.dsl.update(SUPPLY_ORDER_LINE)
					.set(SUPPLY_ORDER_LINE.QUANTITY_RECEIVED, received[i])
					.where(SUPPLY_ORDER_LINE.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(SUPPLY_ORDER_LINE.ORDER_ID.eq(id))
					.and(SUPPLY_ORDER_LINE.LINE_NUMBER.eq(lines.get(i).lineNumber()))
					.execute();
				changed = true;
			}
		}
		if (changed) {
			this.dsl.update(SUPPLY_ORDER)
				.set(SUPPLY_ORDER.MODIFIED, Timestamps.now(this.clock))
				.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
				.and(SUPPLY_ORDER.ID.eq(id))
				.execute();
		}
	}

	private static List<FieldError> lineErrors(OrderDetails details) {
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < details.lines().size(); i++) {
			if (details.lines().get(i).matchKey() == null) {
				errors.add(new FieldError("lines[" + i + "]", "names neither a product_code nor a description"));
			}
		}
		return errors;
	}

	private long nextNumber(Caller caller, long supplierId) {
		Long last = this.dsl.select(DSL.max(SUPPLY_ORDER.ORDER_NUMBER))
			.from(SUPPLY_ORDER)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
			.fetchOne(0, Long.class);
		return (last != null) ? last + 1 : 1;
	}

	private Map<Long, List<SupplyOrder.Line>> lines(Caller caller, List<Long> orderIds) {
		return this.dsl.selectFrom(SUPPLY_ORDER_LINE)
			.where(SUPPLY_ORDER_LINE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER_LINE.ORDER_ID.in(orderIds))
			.orderBy(SUPPLY_ORDER_LINE.ORDER_ID, SUPPLY_ORDER_LINE.LINE_NUMBER)
			.stream()
			.collect(Collectors.groupingBy((r) -> r.getOrderId(),
					Collectors.mapping((r) -> new SupplyOrder.Line(r.getLineNumber(), r.getProductCode(),
							r.getDescription(), r.getQuantity(),
							(r.getPrice() != null) ? Decimals.trim(r.getPrice(), 2) : null, r.getQuantityReceived()),
							Collectors.toList())));
	}

	private static SupplyOrder map(Record r, List<SupplyOrder.Line> lines) {
		return new SupplyOrder(r.get(SUPPLY_ORDER.ORDER_NUMBER), r.get(SUPPLY_ORDER.PURCHASE_ORDER_NUMBER),
				r.get(SUPPLY_ORDER.ACCOUNT_CODE), SupplyOrder.status(lines), lines, r.get(SUPPLY_ORDER.CREATED),
				r.get(SUPPLY_ORDER.MODIFIED));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
