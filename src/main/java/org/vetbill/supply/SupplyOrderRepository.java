package org.vetbill.supply;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.supply.domain.OrderDetails;
import org.vetbill.supply.domain.OrderLineDetails;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.SUPPLY_ORDER;
import static org.vetbill.shared.db.Tables.SUPPLY_ORDER_LINE;

/**
 * SQL for electronic orders and their lines. Every statement is scoped to the caller's
 * organization; orders are found by their supplier and number (the order id).
 */
@Repository
class SupplyOrderRepository {

	private final DSLContext dsl;

	SupplyOrderRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The number after the supplier's highest order number.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @return the number, 1 for the first order
	 */
	long nextNumber(Caller caller, long supplierId) {
		Long last = this.dsl.select(DSL.max(SUPPLY_ORDER.ORDER_NUMBER))
			.from(SUPPLY_ORDER)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
			.fetchOne(0, Long.class);
		return (last != null) ? last + 1 : 1;
	}

	/**
	 * Whether the supplier has an electronic order with this number.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param number the order's id
	 * @return true when it has
	 */
	boolean exists(Caller caller, long supplierId, long number) {
		return this.dsl.fetchExists(SUPPLY_ORDER,
				SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId())
					.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
					.and(SUPPLY_ORDER.ORDER_NUMBER.eq(number)));
	}

	/**
	 * Records an order and its lines, none of them received yet.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param number the order's number
	 * @param order the order
	 * @param now the time
	 */
	void insert(Caller caller, long supplierId, long number, OrderDetails order, Instant now) {
		long id = this.dsl.insertInto(SUPPLY_ORDER)
			.set(SUPPLY_ORDER.ORGANIZATION_ID, caller.organizationId())
			.set(SUPPLY_ORDER.SUPPLIER_ID, supplierId)
			.set(SUPPLY_ORDER.ORDER_NUMBER, number)
			.set(SUPPLY_ORDER.PURCHASE_ORDER_NUMBER, order.purchaseOrderNumber())
			.set(SUPPLY_ORDER.ACCOUNT_CODE, order.accountCode())
			.set(SUPPLY_ORDER.CREATED, now)
			.set(SUPPLY_ORDER.MODIFIED, now)
			.returningResult(SUPPLY_ORDER.ID)
			.fetchSingle()
			.value1();
		var insert = this.dsl.insertInto(SUPPLY_ORDER_LINE, SUPPLY_ORDER_LINE.ORGANIZATION_ID,
				SUPPLY_ORDER_LINE.ORDER_ID, SUPPLY_ORDER_LINE.LINE_NUMBER, SUPPLY_ORDER_LINE.PRODUCT_CODE,
				SUPPLY_ORDER_LINE.DESCRIPTION, SUPPLY_ORDER_LINE.QUANTITY, SUPPLY_ORDER_LINE.PRICE,
				SUPPLY_ORDER_LINE.QUANTITY_RECEIVED);
		for (int i = 0; i < order.lines().size(); i++) {
			OrderLineDetails line = order.lines().get(i);
			insert = insert.values(caller.organizationId(), id, i + 1, blankToNull(line.productCode()),
					blankToNull(line.description()), line.quantity(), line.price(), 0);
		}
		insert.execute();
	}

	Optional<SupplyOrder> find(Caller caller, long supplierId, long number) {
		return this.dsl.selectFrom(SUPPLY_ORDER)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ORDER.ORDER_NUMBER.eq(number))
			.fetchOptional()
			.map((r) -> map(r, lines(caller, List.of(r.getId())).getOrDefault(r.getId(), List.of())));
	}

	List<SupplyOrder> list(Caller caller, long supplierId) {
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
	 * Locks an order's row until the transaction ends.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param number the supplier's order id
	 * @return the order's id, or null when the supplier has no such order
	 */
	@Nullable Long lock(Caller caller, long supplierId, long number) {
		return this.dsl.select(SUPPLY_ORDER.ID)
			.from(SUPPLY_ORDER)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.SUPPLIER_ID.eq(supplierId))
			.and(SUPPLY_ORDER.ORDER_NUMBER.eq(number))
			.forUpdate()
			.fetchOne(SUPPLY_ORDER.ID);
	}

	/**
	 * The lines of an order, in their order.
	 * @param caller the caller
	 * @param orderId the order's id
	 * @return the lines
	 */
	List<SupplyOrder.Line> lines(Caller caller, long orderId) {
		return lines(caller, List.of(orderId)).getOrDefault(orderId, List.of());
	}

	void setReceived(Caller caller, long orderId, int lineNumber, int quantityReceived) {
		this.dsl.update(SUPPLY_ORDER_LINE)
			.set(SUPPLY_ORDER_LINE.QUANTITY_RECEIVED, quantityReceived)
			.where(SUPPLY_ORDER_LINE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER_LINE.ORDER_ID.eq(orderId))
			.and(SUPPLY_ORDER_LINE.LINE_NUMBER.eq(lineNumber))
			.execute();
	}

	/**
	 * Sets an order's modified time, as what its lines received has changed.
	 * @param caller the caller
	 * @param orderId the order's id
	 * @param now the time
	 */
	void touch(Caller caller, long orderId, Instant now) {
		this.dsl.update(SUPPLY_ORDER)
			.set(SUPPLY_ORDER.MODIFIED, now)
			.where(SUPPLY_ORDER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER.ID.eq(orderId))
			.execute();
	}

	private Map<Long, List<SupplyOrder.Line>> lines(Caller caller, List<Long> orderIds) {
		return this.dsl.selectFrom(SUPPLY_ORDER_LINE)
			.where(SUPPLY_ORDER_LINE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(SUPPLY_ORDER_LINE.ORDER_ID.in(orderIds))
			.orderBy(SUPPLY_ORDER_LINE.ORDER_ID, SUPPLY_ORDER_LINE.LINE_NUMBER)
			.stream()
			.collect(Collectors.groupingBy((r) -> r.getOrderId(),
					Collectors.mapping(
							(r) -> new SupplyOrder.Line(r.getLineNumber(), r.getProductCode(), r.getDescription(),
									r.getQuantity(), StoredAmounts.price(r.getPrice()), r.getQuantityReceived()),
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
