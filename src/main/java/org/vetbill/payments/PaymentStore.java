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
import org.jooq.Table;
import org.jspecify.annotations.Nullable;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.db.tables.InvoicePayment;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.Window;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;
import static org.vetbill.shared.db.Tables.INVOICE_WRITE_OFF;

/**
 * SQL for the payments on invoices and the write-offs of their balances. Every statement
 * is scoped to the caller's organization.
 */
@Repository
class PaymentStore {

	/**
	 * The fields payments are searched on: {@code id}, {@code invoiceId},
	 * {@code departmentId}, {@code unallocatedPaymentId}, {@code cancelsPaymentId},
	 * {@code paymentType}, {@code paid}, {@code paymentDate}, {@code created},
	 * {@code modified}.
	 */
	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", INVOICE_PAYMENT.ID)
		.id("invoiceId", INVOICE_PAYMENT.INVOICE_ID)
		.id("departmentId", INVOICE_PAYMENT.DEPARTMENT_ID)
		.id("unallocatedPaymentId", INVOICE_PAYMENT.UNALLOCATED_PAYMENT_ID)
		.id("cancelsPaymentId", INVOICE_PAYMENT.CANCELS_PAYMENT_ID)
		.integer("paymentType", INVOICE_PAYMENT.PAYMENT_TYPE)
		.decimal("paid", INVOICE_PAYMENT.PAID)
		.dateTime("paymentDate", INVOICE_PAYMENT.PAYMENT_DATE)
		.dateTime("created", INVOICE_PAYMENT.CREATED)
		.dateTime("modified", INVOICE_PAYMENT.MODIFIED)
		.build();

	/** The cancellation of a payment, joined to the payment it cancels. */
	private static final InvoicePayment CANCELLATION = INVOICE_PAYMENT.as("cancellation");

	private final DSLContext dsl;

	PaymentStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A payment to record.
	 */
	record PaymentRecord(long invoiceId, long departmentId, PaymentType type, BigDecimal paid, Instant paymentDate,
			@Nullable String info, @Nullable Long cancelsPaymentId, @Nullable Long unallocatedPaymentId,
			@Nullable Long creditNoteId) {
	}

	/**
	 * Records a payment.
	 * @param caller the caller
	 * @param payment the payment, its amount at the currency's scale
	 * @param now the time
	 * @return the payment as recorded
	 */
	PaymentView insert(Caller caller, PaymentRecord payment, Instant now) {
		long id = this.dsl.insertInto(INVOICE_PAYMENT)
			.set(INVOICE_PAYMENT.ORGANIZATION_ID, caller.organizationId())
			.set(INVOICE_PAYMENT.INVOICE_ID, payment.invoiceId())
			.set(INVOICE_PAYMENT.DEPARTMENT_ID, payment.departmentId())
			.set(INVOICE_PAYMENT.PAYMENT_TYPE, (short) payment.type().code())
			.set(INVOICE_PAYMENT.PAID, payment.paid())
			.set(INVOICE_PAYMENT.PAYMENT_DATE, payment.paymentDate())
			.set(INVOICE_PAYMENT.INFO, payment.info())
			.set(INVOICE_PAYMENT.CANCELS_PAYMENT_ID, payment.cancelsPaymentId())
			.set(INVOICE_PAYMENT.UNALLOCATED_PAYMENT_ID, payment.unallocatedPaymentId())
			.set(INVOICE_PAYMENT.CREDIT_NOTE_ID, payment.creditNoteId())
			.set(INVOICE_PAYMENT.CREATED, now)
			.set(INVOICE_PAYMENT.MODIFIED, now)
			.returningResult(INVOICE_PAYMENT.ID)
			.fetchSingle()
			.value1();
		return new PaymentView(id, payment.invoiceId(), payment.departmentId(), payment.type().code(), payment.paid(),
				payment.paymentDate(), payment.info(), payment.cancelsPaymentId(), null, payment.unallocatedPaymentId(),
				payment.creditNoteId(), now, now);
	}

	/**
	 * Marks a payment modified, as its cancellation shows on it.
	 */
	void touch(Caller caller, long id, Instant now) {
		this.dsl.update(INVOICE_PAYMENT)
			.set(INVOICE_PAYMENT.MODIFIED, now)
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_PAYMENT.ID.eq(id))
			.execute();
	}

	/**
	 * Sets a payment's free text.
	 */
	void changeInfo(Caller caller, long id, @Nullable String info, Instant now) {
		this.dsl.update(INVOICE_PAYMENT)
			.set(INVOICE_PAYMENT.INFO, info)
			.set(INVOICE_PAYMENT.MODIFIED, now)
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_PAYMENT.ID.eq(id))
			.execute();
	}

	Optional<PaymentView> find(Caller caller, long id, Currency currency) {
		return views(caller, INVOICE_PAYMENT.ID.eq(id), currency).stream().findFirst();
	}

	List<PaymentView> byIds(Caller caller, Collection<Long> ids, Currency currency) {
		return views(caller, INVOICE_PAYMENT.ID.in(ids), currency);
	}

	/**
	 * The payments matching the criteria from an offset, in id order, and how many match.
	 */
	Counted<PaymentView> search(Caller caller, Criteria criteria, List<Sort> order, Window.Offset window, ZoneId zone,
			Currency currency) {
		return ListQueries.page(this.dsl, withCancellation(),
				INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				FILTERS.order(order, INVOICE_PAYMENT.ID), window, (r) -> view(r, currency));
	}

	/**
	 * The ids of the payments of each invoice, in one query.
	 */
	Map<Long, List<Long>> idsByInvoice(Caller caller, Collection<Long> invoiceIds) {
		Map<Long, List<Long>> ids = new HashMap<>();
		this.dsl.select(INVOICE_PAYMENT.INVOICE_ID, INVOICE_PAYMENT.ID)
			.from(INVOICE_PAYMENT)
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_PAYMENT.INVOICE_ID.in(invoiceIds))
			.orderBy(INVOICE_PAYMENT.ID)
			.forEach((r) -> ids.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		return ids;
	}

	/**
	 * Whether an invoice has any payment.
	 */
	boolean anyOn(Caller caller, long invoiceId) {
		return this.dsl.fetchExists(INVOICE_PAYMENT, INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId())
			.and(INVOICE_PAYMENT.INVOICE_ID.eq(invoiceId)));
	}

	/**
	 * Whether a prepayment was ever drawn on.
	 */
	boolean anyFrom(Caller caller, long prepaymentId) {
		return this.dsl.fetchExists(INVOICE_PAYMENT, INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId())
			.and(INVOICE_PAYMENT.UNALLOCATED_PAYMENT_ID.eq(prepaymentId)));
	}

	void insertWriteOff(Caller caller, long invoiceId, BigDecimal amount, LocalDate date, String reason, Instant now) {
		this.dsl.insertInto(INVOICE_WRITE_OFF)
			.set(INVOICE_WRITE_OFF.ORGANIZATION_ID, caller.organizationId())
			.set(INVOICE_WRITE_OFF.INVOICE_ID, invoiceId)
			.set(INVOICE_WRITE_OFF.AMOUNT, amount)
			.set(INVOICE_WRITE_OFF.WRITE_OFF_DATE, date)
			.set(INVOICE_WRITE_OFF.REASON, reason)
			.set(INVOICE_WRITE_OFF.ACTOR, caller.actor())
			.set(INVOICE_WRITE_OFF.CREATED, now)
			.execute();
	}

	private List<PaymentView> views(Caller caller, Condition condition, Currency currency) {
		return this.dsl.select()
			.from(withCancellation())
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(condition)
			.orderBy(INVOICE_PAYMENT.ID)
			.fetch((r) -> view(r, currency));
	}

	private static Table<?> withCancellation() {
		return INVOICE_PAYMENT.leftJoin(CANCELLATION)
			.on(CANCELLATION.ORGANIZATION_ID.eq(INVOICE_PAYMENT.ORGANIZATION_ID))
			.and(CANCELLATION.CANCELS_PAYMENT_ID.eq(INVOICE_PAYMENT.ID));
	}

	private static PaymentView view(Record r, Currency currency) {
		return new PaymentView(r.get(INVOICE_PAYMENT.ID), r.get(INVOICE_PAYMENT.INVOICE_ID),
				r.get(INVOICE_PAYMENT.DEPARTMENT_ID), r.get(INVOICE_PAYMENT.PAYMENT_TYPE),
				Money.of(r.get(INVOICE_PAYMENT.PAID), currency).amount(), r.get(INVOICE_PAYMENT.PAYMENT_DATE),
				r.get(INVOICE_PAYMENT.INFO), r.get(INVOICE_PAYMENT.CANCELS_PAYMENT_ID), r.get(CANCELLATION.ID),
				r.get(INVOICE_PAYMENT.UNALLOCATED_PAYMENT_ID), r.get(INVOICE_PAYMENT.CREDIT_NOTE_ID),
				r.get(INVOICE_PAYMENT.CREATED), r.get(INVOICE_PAYMENT.MODIFIED));
	}

}
