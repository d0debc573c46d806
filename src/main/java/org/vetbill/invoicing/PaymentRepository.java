package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.PaymentType;
import org.vetbill.invoicing.domain.Prepayment;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.db.tables.InvoicePayment;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;
import static org.vetbill.shared.db.Tables.INVOICE_WRITE_OFF;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * SQL for payments, prepayments, write-offs and credited rows. Every statement is scoped
 * to the caller's organization.
 */
@Repository
class PaymentRepository {

	/** The cancellation of a payment, joined to the payment it cancels. */
	private static final InvoicePayment CANCELLATION = INVOICE_PAYMENT.as("cancellation");

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private final DSLContext dsl;

	private final JsonMapper json;

	PaymentRepository(DSLContext dsl, JsonMapper json) {
		this.dsl = dsl;
		this.json = json;
	}

	/**
	 * A payment to record.
	 */
	record PaymentRecord(long invoiceId, PaymentType type, BigDecimal paid, Instant paymentDate, @Nullable String info,
			@Nullable Long cancelsPaymentId, @Nullable Long unallocatedPaymentId, @Nullable Long creditNoteId) {
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

	long insertPayment(Caller caller, PaymentRecord payment, Instant now) {
		return this.dsl.insertInto(INVOICE_PAYMENT)
			.set(INVOICE_PAYMENT.ORGANIZATION_ID, caller.organizationId())
			.set(INVOICE_PAYMENT.INVOICE_ID, payment.invoiceId())
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
	}

	/**
	 * Marks a payment modified, as its cancellation shows on it.
	 */
	void touchPayment(Caller caller, long id, Instant now) {
		this.dsl.update(INVOICE_PAYMENT)
			.set(INVOICE_PAYMENT.MODIFIED, now)
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_PAYMENT.ID.eq(id))
			.execute();
	}

	PaymentView payment(Caller caller, long id, Currency currency) {
		return paymentViews(caller, INVOICE_PAYMENT.ID.eq(id), currency).stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("invoice payment", id));
	}

	List<PaymentView> payments(Caller caller, Collection<Long> ids, Currency currency) {
		return paymentViews(caller, INVOICE_PAYMENT.ID.in(ids), currency);
	}

	Counted<PaymentView> paymentPage(Caller caller, Condition condition, OffsetPage page, Currency currency) {
		return ListQueries.page(this.dsl, paymentsWithInvoice(),
				INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()).and(condition),
				List.of(INVOICE_PAYMENT.ID.asc()), page, (r) -> paymentView(r, currency));
	}

	/**
	 * The ids of the payments of each invoice, in one query.
	 */
	Map<Long, List<Long>> paymentIds(Caller caller, Collection<Long> invoiceIds) {
		Map<Long, List<Long>> ids = new HashMap<>();
		this.dsl.select(INVOICE_PAYMENT.INVOICE_ID, INVOICE_PAYMENT.ID)
			.from(INVOICE_PAYMENT)
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_PAYMENT.INVOICE_ID.in(invoiceIds))
			.orderBy(INVOICE_PAYMENT.ID)
			.forEach((r) -> ids.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		return ids;
	}

	private List<PaymentView> paymentViews(Caller caller, Condition condition, Currency currency) {
		return this.dsl.select()
			.from(paymentsWithInvoice())
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(condition)
			.orderBy(INVOICE_PAYMENT.ID)
			.fetch((r) -> paymentView(r, currency));
	}

	private static Table<?> paymentsWithInvoice() {
		return INVOICE_PAYMENT.join(INVOICE)
			.on(INVOICE.ORGANIZATION_ID.eq(INVOICE_PAYMENT.ORGANIZATION_ID))
			.and(INVOICE.ID.eq(INVOICE_PAYMENT.INVOICE_ID))
			.leftJoin(CANCELLATION)
			.on(CANCELLATION.ORGANIZATION_ID.eq(INVOICE_PAYMENT.ORGANIZATION_ID))
			.and(CANCELLATION.CANCELS_PAYMENT_ID.eq(INVOICE_PAYMENT.ID));
	}

	private static PaymentView paymentView(Record r, Currency currency) {
		return new PaymentView(r.get(INVOICE_PAYMENT.ID), r.get(INVOICE_PAYMENT.INVOICE_ID),
				r.get(INVOICE.DEPARTMENT_ID), r.get(INVOICE_PAYMENT.PAYMENT_TYPE),
				Money.of(r.get(INVOICE_PAYMENT.PAID), currency).amount(), r.get(INVOICE_PAYMENT.PAYMENT_DATE),
				r.get(INVOICE_PAYMENT.INFO), r.get(INVOICE_PAYMENT.CANCELS_PAYMENT_ID), r.get(CANCELLATION.ID),
				r.get(INVOICE_PAYMENT.UNALLOCATED_PAYMENT_ID), r.get(INVOICE_PAYMENT.CREDIT_NOTE_ID),
				r.get(INVOICE_PAYMENT.CREATED), r.get(INVOICE_PAYMENT.MODIFIED));
	}

	long insertPrepayment(Caller caller, PrepaymentRecord prepayment, Instant now) {
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
	StoredPrepayment lockPrepayment(Caller caller, long id) {
		return tryLockPrepayment(caller, id).orElseThrow(() -> new NotFound("unallocated payment", id));
	}

	Optional<StoredPrepayment> tryLockPrepayment(Caller caller, long id) {
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

	void markPrepaymentCancelled(Caller caller, long id, Instant now) {
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
	 * Whether a prepayment was ever drawn on or refunded.
	 */
	boolean prepaymentTouched(Caller caller, long id) {
		return this.dsl.fetchExists(INVOICE_PAYMENT,
				INVOICE_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId())
					.and(INVOICE_PAYMENT.UNALLOCATED_PAYMENT_ID.eq(id)))
				|| this.dsl.fetchExists(UNALLOCATED_PAYMENT,
						UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId())
							.and(UNALLOCATED_PAYMENT.REFUNDS_ID.eq(id)));
	}

	PrepaymentView prepayment(Caller caller, long id, Currency currency) {
		return prepaymentViews(caller, UNALLOCATED_PAYMENT.ID.eq(id), currency).stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("unallocated payment", id));
	}

	List<PrepaymentView> prepayments(Caller caller, Collection<Long> ids, Currency currency) {
		return prepaymentViews(caller, UNALLOCATED_PAYMENT.ID.in(ids), currency);
	}

	Counted<PrepaymentView> prepaymentPage(Caller caller, Condition condition, OffsetPage page, Currency currency) {
		Counted<Record> records = ListQueries.page(this.dsl, UNALLOCATED_PAYMENT,
				UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(caller.organizationId()).and(condition),
				List.of(UNALLOCATED_PAYMENT.ID.asc()), page, (r) -> r);
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

	/**
	 * The rows among the given ones that a credit note already credits.
	 */
	Set<Long> creditedRows(Caller caller, Collection<Long> rowIds) {
		return Set.copyOf(this.dsl.select(INVOICE_ROW.CREDITED_INVOICE_ROW_ID)
			.from(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.CREDITED_INVOICE_ROW_ID.in(rowIds))
			.fetch(INVOICE_ROW.CREDITED_INVOICE_ROW_ID));
	}

}
