package org.vetbill.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.payments.domain.Prepayment;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.Window;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * SQL for prepayments (unallocated payments) and their refunds. Every statement is scoped
 * to the caller's organization.
 */
@Repository
class PrepaymentStore {

	/**
	 * The fields prepayments are searched on: {@code id}, {@code clientId},
	 * {@code departmentId}, {@code refundsId}, {@code paymentType}, {@code paid},
	 * {@code unusedAmount}, {@code fullyUsed}, {@code cancelled}, {@code description},
	 * {@code created}, {@code modified}.
	 */
	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", UNALLOCATED_PAYMENT.ID)
		.id("clientId", UNALLOCATED_PAYMENT.CLIENT_ID)
		.id("departmentId", UNALLOCATED_PAYMENT.DEPARTMENT_ID)
		.id("refundsId", UNALLOCATED_PAYMENT.REFUNDS_ID)
		.integer("paymentType", UNALLOCATED_PAYMENT.PAYMENT_TYPE)
		.decimal("paid", UNALLOCATED_PAYMENT.PAID)
		.decimal("unusedAmount", UNALLOCATED_PAYMENT.UNUSED_AMOUNT)
		.bool("fullyUsed", DSL.field(UNALLOCATED_PAYMENT.UNUSED_AMOUNT.eq(BigDecimal.ZERO)))
		.bool("cancelled", UNALLOCATED_PAYMENT.CANCELLED)
		.text("description", UNALLOCATED_PAYMENT.DESCRIPTION)
		.dateTime("created", UNALLOCATED_PAYMENT.CREATED)
		.dateTime("modified", UNALLOCATED_PAYMENT.MODIFIED)
		.build();

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private final DSLContext dsl;

	private final JsonMapper json;

	PrepaymentStore(DSLContext dsl, JsonMapper json) {
		this.dsl = dsl;
		this.json = json;
	}

	/**
	 * A prepayment, or a refund of one, to record.
	 */
	record PrepaymentRecord(long departmentId, long clientId, PaymentType type, BigDecimal paid,
			@Nullable String description, @Nullable Long refundsId, @Nullable Long sourceInvoiceId,
			LocalDate paymentDate) {
	}

	/**
	 * A prepayment as stored, locked by the transaction that read it.
	 */
	record StoredPrepayment(long id, long departmentId, long clientId, BigDecimal paid, BigDecimal unusedAmount,
			@Nullable Long refundsId, boolean cancelled) {

		Prepayment domain(Currency currency) {
			return new Prepayment(this.id, this.clientId, Money.of(this.unusedAmount, currency), this.refundsId,
					this.cancelled);
		}

	}

	long insert(Caller caller, PrepaymentRecord prepayment, Instant now) {
		boolean refund = prepayment.refundsId() != null;
		return this.dsl.insertInto(UNALLOCATED_PAYMENT)
			.set(UNALLOCATED_PAYMENT.ORGANIZATION_ID, caller.organizationId())
			.set(UNALLOCATED_PAYMENT.DEPARTMENT_ID, prepayment.departmentId())
			.set(UNALLOCATED_PAYMENT.CLIENT_ID, prepayment.clientId())
			.set(UNALLOCATED_PAYMENT.PAYMENT_TYPE, (short) prepayment.type().code())
			.set(UNALLOCATED_PAYMENT.PAID, prepayment.paid())
			.set(UNALLOCATED_PAYMENT.UNUSED_AMOUNT, refund ? BigDecimal.ZERO : prepayment.paid())
			.set(UNALLOCATED_PAYMENT.DESCRIPTION, prepayment.description())
			.set(UNALLOCATED_PAYMENT.REFUNDS_ID, prepayment.refundsId())
			.set(UNALLOCATED_PAYMENT.SOURCE_INVOICE_ID, prepayment.sourceInvoiceId())
			.set(UNALLOCATED_PAYMENT.CANCELLED, false)
			.set(UNALLOCATED_PAYMENT.PAYMENT_DATE, prepayment.paymentDate())
			.set(UNALLOCATED_PAYMENT.CREATED, now)
			.set(UNALLOCATED_PAYMENT.MODIFIED, now)
			.returningResult(UNALLOCATED_PAYMENT.ID)
			.fetchSingle()
			.value1();
	}

	/**
	 * Reads a prepayment and locks it until the transaction ends: every change to its
	 * unused amount starts here.
	 */
	StoredPrepayment lock(Caller caller, long id) {
		return tryLock(caller, id).orElseThrow(() -> new NotFound("unallocated payment", id));
	}

	Optional<StoredPrepayment> tryLock(Caller caller, long id) {
		return this.dsl.selectFrom(UNALLOCATED_PAYMENT)
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(UNALLOCATED_PAYMENT.ID.eq(id))
			.forUpdate()
			.fetchOptional((r) -> new StoredPrepayment(r.getId(), r.getDepartmentId(), r.getClientId(), r.getPaid(),
					r.getUnusedAmount(), r.getRefundsId(), r.getCancelled()));
	}

	void changeUnusedAmount(Caller caller, long id, BigDecimal change, Instant now) {
		this.dsl.update(UNALLOCATED_PAYMENT)
			.set(UNALLOCATED_PAYMENT.UNUSED_AMOUNT, UNALLOCATED_PAYMENT.UNUSED_AMOUNT.plus(change))
			.set(UNALLOCATED_PAYMENT.MODIFIED, now)
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(UNALLOCATED_PAYMENT.ID.eq(id))
			.execute();
	}

	void markCancelled(Caller caller, long id, Instant now) {
		this.dsl.update(UNALLOCATED_PAYMENT)
			.set(UNALLOCATED_PAYMENT.CANCELLED, true)
			.set(UNALLOCATED_PAYMENT.UNUSED_AMOUNT, BigDecimal.ZERO)
			.set(UNALLOCATED_PAYMENT.MODIFIED, now)
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(UNALLOCATED_PAYMENT.ID.eq(id))
			.execute();
	}

	void setExternalInfo(Caller caller, long id, @Nullable String externalId, Map<String, Object> metadata,
			Instant now) {
		this.dsl.update(UNALLOCATED_PAYMENT)
			.set(UNALLOCATED_PAYMENT.EXTERNAL_ID, externalId)
			.set(UNALLOCATED_PAYMENT.EXTERNAL_METADATA,
					metadata.isEmpty() ? null : this.json.writeValueAsString(metadata))
			.set(UNALLOCATED_PAYMENT.MODIFIED, now)
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(UNALLOCATED_PAYMENT.ID.eq(id))
			.execute();
	}

	/**
	 * Whether a prepayment was ever refunded.
	 */
	boolean refunded(Caller caller, long id) {
		return this.dsl.fetchExists(UNALLOCATED_PAYMENT, UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId())
			.and(UNALLOCATED_PAYMENT.REFUNDS_ID.eq(id)));
	}

	PrepaymentView get(Caller caller, long id, Currency currency) {
		return prepaymentViews(caller, UNALLOCATED_PAYMENT.ID.eq(id), currency).stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("unallocated payment", id));
	}

	List<PrepaymentView> byIds(Caller caller, Collection<Long> ids, Currency currency) {
		return prepaymentViews(caller, UNALLOCATED_PAYMENT.ID.in(ids), currency);
	}

	/**
	 * The prepayments matching the criteria from an offset, in id order, and how many
	 * match.
	 */
	Counted<PrepaymentView> search(Caller caller, Criteria criteria, List<Sort> order, Window.Offset window,
			ZoneId zone, Currency currency) {
		Counted<Record> records = ListQueries.page(this.dsl, UNALLOCATED_PAYMENT,
				UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				FILTERS.order(order, UNALLOCATED_PAYMENT.ID), window, (r) -> r);
		return new Counted<>(withRefunds(caller, records.items(), currency), records.count());
	}

	private List<PrepaymentView> prepaymentViews(Caller caller, Condition condition, Currency currency) {
		return withRefunds(caller,
				this.dsl.selectFrom(UNALLOCATED_PAYMENT)
					.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(condition)
					.orderBy(UNALLOCATED_PAYMENT.ID)
					.fetch(),
				currency);
	}

	/**
	 * Prepayments with the ids of their refunds: one more query whatever their number.
	 */
	private List<PrepaymentView> withRefunds(Caller caller, List<? extends Record> records, Currency currency) {
		if (records.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> refunds = new HashMap<>();
		this.dsl.select(UNALLOCATED_PAYMENT.REFUNDS_ID, UNALLOCATED_PAYMENT.ID)
			.from(UNALLOCATED_PAYMENT)
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(UNALLOCATED_PAYMENT.REFUNDS_ID.in(records.stream().map((r) -> r.get(UNALLOCATED_PAYMENT.ID)).toList()))
			.orderBy(UNALLOCATED_PAYMENT.ID)
			.forEach((r) -> refunds.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		return records.stream().map((r) -> {
			BigDecimal unused = Money.of(r.get(UNALLOCATED_PAYMENT.UNUSED_AMOUNT), currency).amount();
			String metadata = r.get(UNALLOCATED_PAYMENT.EXTERNAL_METADATA);
			long id = r.get(UNALLOCATED_PAYMENT.ID);
			return new PrepaymentView(id, r.get(UNALLOCATED_PAYMENT.DEPARTMENT_ID),
					r.get(UNALLOCATED_PAYMENT.CLIENT_ID), r.get(UNALLOCATED_PAYMENT.PAYMENT_TYPE),
					Money.of(r.get(UNALLOCATED_PAYMENT.PAID), currency).amount(), unused, unused.signum() == 0,
					r.get(UNALLOCATED_PAYMENT.DESCRIPTION), r.get(UNALLOCATED_PAYMENT.REFUNDS_ID),
					refunds.getOrDefault(id, List.of()), r.get(UNALLOCATED_PAYMENT.SOURCE_INVOICE_ID),
					r.get(UNALLOCATED_PAYMENT.CANCELLED), r.get(UNALLOCATED_PAYMENT.PAYMENT_DATE),
					r.get(UNALLOCATED_PAYMENT.EXTERNAL_ID),
					(metadata == null) ? Map.of() : this.json.readValue(metadata, METADATA),
					r.get(UNALLOCATED_PAYMENT.CREATED), r.get(UNALLOCATED_PAYMENT.MODIFIED));
		}).toList();
	}

}
