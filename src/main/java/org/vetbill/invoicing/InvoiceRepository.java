package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.invoicing.domain.Finalization;
import org.vetbill.invoicing.domain.Invoice;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.invoicing.domain.InvoiceTotals;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.invoicing.domain.RowFigures;
import org.vetbill.invoicing.domain.RowInput;
import org.vetbill.invoicing.domain.RowPricing;
import org.vetbill.shared.Caller;
import org.vetbill.shared.db.tables.records.InvoiceRecord;
import org.vetbill.shared.db.tables.records.InvoiceRowRecord;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_NUMBER_COUNTER;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;
import static org.vetbill.shared.db.Tables.INVOICE_TAG;

/**
 * SQL for invoices, their rows and the number counters. Every statement is scoped to the
 * caller's organization.
 */
@Repository
class InvoiceRepository {

	/** Statuses of a numbered invoice that is still owed: finalized and invoicing. */
	private static final List<Short> ISSUED_STATUSES = List.of((short) InvoiceStatus.FINALIZED.code(),
			(short) InvoiceStatus.INVOICING.code());

	/** What an invoice still owes: negative when it is overpaid. */
	static final Field<BigDecimal> DUE_SUM = INVOICE.TOTAL_WITH_VAT.minus(INVOICE.PAID_AMOUNT)
		.minus(INVOICE.WRITTEN_OFF_AMOUNT);

	private final DSLContext dsl;

	private final PaymentRepository payments;

	InvoiceRepository(DSLContext dsl, PaymentRepository payments) {
		this.dsl = dsl;
		this.payments = payments;
	}

	/**
	 * An invoice's header as stored.
	 */
	record StoredInvoice(long id, long departmentId, @Nullable Long clientId, @Nullable Long consultationId,
			InvoiceStatus status, boolean creditNote, boolean pricesIncludeVat, @Nullable LocalDate invoiceDate,
			@Nullable LocalDate invoiceDueDate, BigDecimal discountAmount, @Nullable BigDecimal discountPercent,
			BigDecimal paidAmount, @Nullable String remarks, @Nullable String additionalReference, int version,
			BigDecimal totalWithVat, BigDecimal writtenOffAmount, @Nullable Instant datePaid,
			@Nullable Long creditNoteOriginalInvoiceId) {

		Invoice domain(Currency currency) {
			Money paid = Money.of(this.paidAmount, currency);
			return domain(currency, !paid.isZero());
		}

		/**
		 * The invoice for its lifecycle rules, knowing whether any payment was ever
		 * recorded on it (a payment and its cancellation leave the paid amount at zero).
		 */
		Invoice domain(Currency currency, boolean hasPayments) {
			return new Invoice(this.id, this.departmentId, this.status, this.creditNote, this.invoiceDate,
					this.invoiceDueDate, Money.of(this.paidAmount, currency), hasPayments);
		}

		InvoiceBalance balance(Currency currency) {
			return new InvoiceBalance(this.id, this.status, this.creditNote, Money.of(this.totalWithVat, currency),
					Money.of(this.paidAmount, currency), Money.of(this.writtenOffAmount, currency));
		}

	}

	/**
	 * A row as stored: what its figures are computed from, and the figures.
	 */
	record StoredRow(long id, UUID uuid, int position, @Nullable Long itemId, @Nullable Long patientId, String name,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal percentageChange, @Nullable Long vatGroupId,
			BigDecimal vatPercentage, RowFigures figures) {

		RowInput input() {
			return new RowInput(this.unitPrice, this.quantity, this.percentageChange, this.vatPercentage);
		}

	}

	/**
	 * A new row.
	 */
	record NewRow(@Nullable Long itemId, @Nullable Long consultationItemId, @Nullable Long patientId, String name,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal percentageChange, @Nullable Long vatGroupId,
			BigDecimal vatPercentage) {

		boolean sameCharge(StoredRow row) {
			return Objects.equals(this.itemId, row.itemId()) && Objects.equals(this.patientId, row.patientId())
					&& this.name.equals(row.name()) && this.quantity.compareTo(row.quantity()) == 0
					&& this.unitPrice.compareTo(row.unitPrice()) == 0
					&& this.percentageChange.compareTo(row.percentageChange()) == 0
					&& Objects.equals(this.vatGroupId, row.vatGroupId())
					&& this.vatPercentage.compareTo(row.vatPercentage()) == 0;
		}

	}

	/**
	 * A new invoice's header.
	 */
	record NewInvoice(long departmentId, @Nullable Long clientId, @Nullable Long consultationId,
			boolean pricesIncludeVat, @Nullable LocalDate invoiceDate, @Nullable LocalDate invoiceDueDate,
			@Nullable String remarks, @Nullable String additionalReference, BigDecimal discountAmount,
			@Nullable BigDecimal discountPercent, InvoiceReferences references) {
	}

	/**
	 * What the Clinic API adds to an invoice's header: its patient and appointment, and
	 * the instants behind its dates.
	 */
	record InvoiceReferences(@Nullable Long patientId, @Nullable Long appointmentId, @Nullable Instant issueTime,
			@Nullable Instant dueTime) {

		static final InvoiceReferences NONE = new InvoiceReferences(null, null, null, null);

	}

	long insert(Caller caller, NewInvoice invoice, Instant now) {
		return this.dsl.insertInto(INVOICE)
			.set(INVOICE.ORGANIZATION_ID, caller.organizationId())
			.set(INVOICE.UUID, UUID.randomUUID())
			.set(INVOICE.DEPARTMENT_ID, invoice.departmentId())
			.set(INVOICE.CLIENT_ID, invoice.clientId())
			.set(INVOICE.CONSULTATION_ID, invoice.consultationId())
			.set(INVOICE.STATUS, (short) InvoiceStatus.DRAFT.code())
			.set(INVOICE.COUNTERSALE, invoice.consultationId() == null)
			.set(INVOICE.CREDIT_NOTE, false)
			.set(INVOICE.PRICES_INCLUDE_VAT, invoice.pricesIncludeVat())
			.set(INVOICE.INVOICE_PREFIX, "")
			.set(INVOICE.INVOICE_DATE, invoice.invoiceDate())
			.set(INVOICE.INVOICE_DUE_DATE, invoice.invoiceDueDate())
			.set(INVOICE.REMARKS, invoice.remarks())
			.set(INVOICE.ADDITIONAL_REFERENCE, invoice.additionalReference())
			.set(INVOICE.DISCOUNT_AMOUNT, invoice.discountAmount())
			.set(INVOICE.DISCOUNT_PERCENT, invoice.discountPercent())
			.set(INVOICE.PATIENT_ID, invoice.references().patientId())
			.set(INVOICE.APPOINTMENT_ID, invoice.references().appointmentId())
			.set(INVOICE.ISSUE_TIME, invoice.references().issueTime())
			.set(INVOICE.DUE_TIME, invoice.references().dueTime())
			.set(INVOICE.TOTAL, BigDecimal.ZERO)
			.set(INVOICE.TOTAL_VAT, BigDecimal.ZERO)
			.set(INVOICE.TOTAL_WITH_VAT, BigDecimal.ZERO)
			.set(INVOICE.PAID_AMOUNT, BigDecimal.ZERO)
			.set(INVOICE.CREATED, now)
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, 0)
			.returningResult(INVOICE.ID)
			.fetchSingle()
			.value1();
	}

	/**
	 * Reads an invoice and locks it until the transaction ends: every change to an
	 * invoice starts here, so changes to one invoice never interleave.
	 * @param caller the caller
	 * @param id the invoice
	 * @return the invoice
	 */
	StoredInvoice lock(Caller caller, long id) {
		return tryLock(caller, id).orElseThrow(() -> new NotFound("invoice", id));
	}

	Optional<StoredInvoice> tryLock(Caller caller, long id) {
		return this.dsl.selectFrom(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.forUpdate()
			.fetchOptional(InvoiceRepository::stored);
	}

	List<StoredRow> rows(Caller caller, long invoiceId, Currency currency) {
		return this.dsl.selectFrom(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(invoiceId))
			.orderBy(INVOICE_ROW.POSITION, INVOICE_ROW.ID)
			.fetch((r) -> storedRow(r, currency));
	}

	/**
	 * Inserts rows with zero figures; {@link #updateFigures} sets them.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param firstPosition the position of the first row
	 * @param rows the rows
	 * @param now the time
	 * @return the new rows' ids
	 */
	List<Long> insertRows(Caller caller, long invoiceId, int firstPosition, List<NewRow> rows, Instant now) {
		List<Long> ids = new ArrayList<>(rows.size());
		int position = firstPosition;
		for (NewRow row : rows) {
			ids.add(this.dsl.insertInto(INVOICE_ROW)
				.set(INVOICE_ROW.ORGANIZATION_ID, caller.organizationId())
				.set(INVOICE_ROW.UUID, UUID.randomUUID())
				.set(INVOICE_ROW.INVOICE_ID, invoiceId)
				.set(INVOICE_ROW.POSITION, position++)
				.set(INVOICE_ROW.CONSULTATION_ITEM_ID, row.consultationItemId())
				.set(chargeValues(row))
				.set(INVOICE_ROW.PRICE, BigDecimal.ZERO)
				.set(INVOICE_ROW.PRICE_WITH_VAT, BigDecimal.ZERO)
				.set(INVOICE_ROW.DISCOUNT_AMOUNT, BigDecimal.ZERO)
				.set(INVOICE_ROW.SUM_NET, BigDecimal.ZERO)
				.set(INVOICE_ROW.SUM_VAT, BigDecimal.ZERO)
				.set(INVOICE_ROW.SUM_TOTAL, BigDecimal.ZERO)
				.set(INVOICE_ROW.CREATED, now)
				.set(INVOICE_ROW.MODIFIED, now)
				.returningResult(INVOICE_ROW.ID)
				.fetchSingle()
				.value1());
		}
		return ids;
	}

	int updateRow(Caller caller, long invoiceId, long rowId, NewRow row, Instant now) {
		return this.dsl.update(INVOICE_ROW)
			.set(chargeValues(row))
			.set(INVOICE_ROW.MODIFIED, now)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(invoiceId))
			.and(INVOICE_ROW.ID.eq(rowId))
			.execute();
	}

	void moveRow(Caller caller, long invoiceId, long rowId, int position, Instant now) {
		this.dsl.update(INVOICE_ROW)
			.set(INVOICE_ROW.POSITION, position)
			.set(INVOICE_ROW.MODIFIED, now)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(invoiceId))
			.and(INVOICE_ROW.ID.eq(rowId))
			.execute();
	}

	int deleteRow(Caller caller, long invoiceId, long rowId) {
		return this.dsl.deleteFrom(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(invoiceId))
			.and(INVOICE_ROW.ID.eq(rowId))
			.execute();
	}

	/**
	 * What a row was charged as: the columns its figures are computed from.
	 */
	private static Map<Field<?>, @Nullable Object> chargeValues(NewRow row) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(INVOICE_ROW.ITEM_ID, row.itemId());
		values.put(INVOICE_ROW.PATIENT_ID, row.patientId());
		values.put(INVOICE_ROW.NAME, row.name());
		values.put(INVOICE_ROW.QUANTITY, row.quantity());
		values.put(INVOICE_ROW.UNIT_PRICE, row.unitPrice());
		values.put(INVOICE_ROW.PERCENTAGE_CHANGE, row.percentageChange());
		values.put(INVOICE_ROW.VAT_GROUP_ID, row.vatGroupId());
		values.put(INVOICE_ROW.VAT_PERCENTAGE, row.vatPercentage());
		return values;
	}

	/**
	 * Writes recomputed figures of the rows whose figures changed, in one batch.
	 * @param caller the caller
	 * @param rows the rows as stored
	 * @param figures their new figures, in the same order
	 * @param now the time, for the changed rows' {@code modified}
	 */
	void updateFigures(Caller caller, List<StoredRow> rows, List<RowFigures> figures, Instant now) {
		List<Query> updates = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			RowFigures next = figures.get(i);
			if (next.equals(rows.get(i).figures())) {
				continue;
			}
			updates.add(this.dsl.update(INVOICE_ROW)
				.set(INVOICE_ROW.PRICE, next.price())
				.set(INVOICE_ROW.PRICE_WITH_VAT, next.priceWithVat())
				.set(INVOICE_ROW.DISCOUNT_AMOUNT, next.discountAmount().amount())
				.set(INVOICE_ROW.SUM_NET, next.sum().amount())
				.set(INVOICE_ROW.SUM_VAT, next.sumVat().amount())
				.set(INVOICE_ROW.SUM_TOTAL, next.sumTotal().amount())
				.set(INVOICE_ROW.MODIFIED, now)
				.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
				.and(INVOICE_ROW.ID.eq(rows.get(i).id())));
		}
		if (!updates.isEmpty()) {
			this.dsl.batch(updates).execute();
		}
	}

	/**
	 * Writes a draft's header fields and totals, and marks the invoice modified.
	 */
	void updateDraft(Caller caller, long id, @Nullable Long clientId, InvoiceStatus status,
			@Nullable LocalDate invoiceDate, @Nullable LocalDate invoiceDueDate, @Nullable String remarks,
			@Nullable String additionalReference, Money discountAmount, @Nullable BigDecimal discountPercent,
			InvoiceTotals totals, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.CLIENT_ID, clientId)
			.set(INVOICE.STATUS, (short) status.code())
			.set(INVOICE.INVOICE_DATE, invoiceDate)
			.set(INVOICE.INVOICE_DUE_DATE, invoiceDueDate)
			.set(INVOICE.REMARKS, remarks)
			.set(INVOICE.ADDITIONAL_REFERENCE, additionalReference)
			.set(INVOICE.DISCOUNT_AMOUNT, discountAmount.amount())
			.set(INVOICE.DISCOUNT_PERCENT, discountPercent)
			.set(INVOICE.TOTAL, totals.total().amount())
			.set(INVOICE.TOTAL_VAT, totals.totalVat().amount())
			.set(INVOICE.TOTAL_WITH_VAT, totals.totalWithVat().amount())
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	/**
	 * Writes the Clinic API's references of an invoice and marks it modified.
	 */
	void updateReferences(Caller caller, long id, InvoiceReferences references, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.PATIENT_ID, references.patientId())
			.set(INVOICE.APPOINTMENT_ID, references.appointmentId())
			.set(INVOICE.ISSUE_TIME, references.issueTime())
			.set(INVOICE.DUE_TIME, references.dueTime())
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	/**
	 * Replaces an invoice's tags and marks it modified when they changed.
	 * @return whether they changed
	 */
	boolean replaceTags(Caller caller, long id, Collection<String> tags, Instant now) {
		List<String> current = tags(caller, List.of(id)).getOrDefault(id, List.of());
		List<String> next = tags.stream().distinct().sorted().toList();
		if (current.equals(next)) {
			return false;
		}
		this.dsl.deleteFrom(INVOICE_TAG)
			.where(INVOICE_TAG.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_TAG.INVOICE_ID.eq(id))
			.execute();
		if (!next.isEmpty()) {
			this.dsl
				.batch(next.stream()
					.map((tag) -> this.dsl.insertInto(INVOICE_TAG)
						.set(INVOICE_TAG.ORGANIZATION_ID, caller.organizationId())
						.set(INVOICE_TAG.INVOICE_ID, id)
						.set(INVOICE_TAG.TAG, tag))
					.toList())
				.execute();
		}
		this.dsl.update(INVOICE)
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
		return true;
	}

	private Map<Long, List<String>> tags(Caller caller, Collection<Long> ids) {
		Map<Long, List<String>> tags = new HashMap<>();
		this.dsl.select(INVOICE_TAG.INVOICE_ID, INVOICE_TAG.TAG)
			.from(INVOICE_TAG)
			.where(INVOICE_TAG.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_TAG.INVOICE_ID.in(ids))
			.orderBy(INVOICE_TAG.INVOICE_ID, INVOICE_TAG.TAG)
			.forEach((r) -> tags.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		return tags;
	}

	/**
	 * Deletes a draft and its rows and tags.
	 */
	void deleteDraft(Caller caller, long id) {
		this.dsl.deleteFrom(INVOICE_TAG)
			.where(INVOICE_TAG.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_TAG.INVOICE_ID.eq(id))
			.execute();
		this.dsl.deleteFrom(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(id))
			.execute();
		this.dsl.deleteFrom(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	/**
	 * Takes the next number of a department's gapless sequence. The counter row stays
	 * locked until the transaction ends, so concurrent finalizations in a department
	 * queue up here, and a rolled-back finalization gives its number back.
	 * @param caller the caller
	 * @param departmentId the department
	 * @return the number
	 */
	long nextNumber(Caller caller, long departmentId) {
		return this.dsl.update(INVOICE_NUMBER_COUNTER)
			.set(INVOICE_NUMBER_COUNTER.LAST_NUMBER, INVOICE_NUMBER_COUNTER.LAST_NUMBER.plus(1))
			.where(INVOICE_NUMBER_COUNTER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_NUMBER_COUNTER.DEPARTMENT_ID.eq(departmentId))
			.returningResult(INVOICE_NUMBER_COUNTER.LAST_NUMBER)
			.fetchOptional(INVOICE_NUMBER_COUNTER.LAST_NUMBER)
			.orElseThrow(() -> new IllegalStateException("no invoice number counter for department " + departmentId));
	}

	/**
	 * Creates a department's number counter, starting before 1.
	 * @param organizationId the organization
	 * @param departmentId the new department
	 */
	void createCounter(long organizationId, long departmentId) {
		this.dsl.insertInto(INVOICE_NUMBER_COUNTER)
			.set(INVOICE_NUMBER_COUNTER.ORGANIZATION_ID, organizationId)
			.set(INVOICE_NUMBER_COUNTER.DEPARTMENT_ID, departmentId)
			.set(INVOICE_NUMBER_COUNTER.LAST_NUMBER, 0L)
			.execute();
	}

	void finalize(Caller caller, long id, Finalization.Result result, Instant now) {
		Payer payer = result.payer();
		this.dsl.update(INVOICE)
			.set(INVOICE.STATUS, (short) result.status().code())
			.set(INVOICE.INVOICE_NUMBER, result.invoiceNumber())
			.set(INVOICE.INVOICE_PREFIX, result.invoicePrefix())
			.set(INVOICE.REFERENCE_NUMBER, result.referenceNumber())
			.set(INVOICE.INVOICE_DATE, result.invoiceDate())
			.set(INVOICE.INVOICE_DUE_DATE, result.invoiceDueDate())
			.set(INVOICE.PAYER_NAME, payer.name())
			.set(INVOICE.PAYER_ORGANIZATION_NAME, payer.organizationName())
			.set(INVOICE.PAYER_VAT_NUMBER, payer.vatNumber())
			.set(INVOICE.PAYER_REGISTER_NUMBER, payer.registerNumber())
			.set(INVOICE.PAYER_COUNTRY_CODE, payer.countryCode())
			.set(INVOICE.PAYER_STREET_ADDRESS, payer.streetAddress())
			.set(INVOICE.PAYER_STREET_ADDRESS_2, payer.streetAddress2())
			.set(INVOICE.PAYER_ZIP_CODE, payer.zipCode())
			.set(INVOICE.PAYER_CITY, payer.city())
			.set(INVOICE.PAYER_STATE, payer.state())
			.set(INVOICE.FINALIZED_TIME, now)
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	/**
	 * Writes the accounts and reporting dimensions of each row's item onto the row, in
	 * one batch.
	 * @param caller the caller
	 * @param accounts the accounts, by row id
	 * @param now the time
	 */
	void copyAccounts(Caller caller, Map<Long, ItemDetails> accounts, Instant now) {
		List<Query> updates = new ArrayList<>();
		accounts.forEach((rowId,
				item) -> updates.add(this.dsl.update(INVOICE_ROW)
					.set(INVOICE_ROW.ACCOUNT_NUMBER, item.accountNumber())
					.set(INVOICE_ROW.INTERNAL_ACCOUNT_NUMBER, item.internalAccountNumber())
					.set(INVOICE_ROW.REPORTING_DIMENSION_1, item.reportingDimension1())
					.set(INVOICE_ROW.REPORTING_DIMENSION_2, item.reportingDimension2())
					.set(INVOICE_ROW.REPORTING_DIMENSION_3, item.reportingDimension3())
					.set(INVOICE_ROW.INTERNAL_REPORTING_DIMENSION_1, item.internalReportingDimension1())
					.set(INVOICE_ROW.INTERNAL_REPORTING_DIMENSION_2, item.internalReportingDimension2())
					.set(INVOICE_ROW.MODIFIED, now)
					.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(INVOICE_ROW.ID.eq(rowId))));
		if (!updates.isEmpty()) {
			this.dsl.batch(updates).execute();
		}
	}

	void changeStatus(Caller caller, long id, InvoiceStatus status, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.STATUS, (short) status.code())
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	/**
	 * Writes an invoice's balance after a payment: the paid amount, and the time it
	 * became settled (kept while it stays settled, cleared when it stops being so).
	 */
	void updateBalance(Caller caller, StoredInvoice invoice, InvoiceBalance balance, Instant paymentDate, Instant now) {
		Instant datePaid = !balance.settled() ? null : (invoice.datePaid() != null) ? invoice.datePaid() : paymentDate;
		this.dsl.update(INVOICE)
			.set(INVOICE.PAID_AMOUNT, balance.paid().amount())
			.set(INVOICE.WRITTEN_OFF_AMOUNT, balance.writtenOff().amount())
			.set(INVOICE.DATE_PAID, datePaid)
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(invoice.id()))
			.execute();
	}

	/**
	 * Records that the remaining balance was written off; the totals and payments stay.
	 */
	void writeOff(Caller caller, long id, BigDecimal amount, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.WRITTEN_OFF_AMOUNT, INVOICE.WRITTEN_OFF_AMOUNT.plus(amount))
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	/**
	 * Inserts a finalized credit note for rows of an original invoice. Its header copies
	 * the original's client, department and payer snapshot; its rows are the original's
	 * rows with quantity and every amount negated, each pointing at the row it credits,
	 * so the credit is exactly what the original charged. Totals are the exact sums of
	 * the rows.
	 * @param caller the caller
	 * @param originalId the original invoice
	 * @param rowIds the rows to credit
	 * @param numbering the credit note's number, prefix, reference and date
	 * @param now the time
	 * @return the credit note's id
	 */
	long insertCreditNote(Caller caller, long originalId, List<Long> rowIds, Finalization.Result numbering,
			Instant now) {
		InvoiceRecord note = this.dsl.selectFrom(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(originalId))
			.fetchSingle()
			.copy();
		List<InvoiceRowRecord> rows = this.dsl.selectFrom(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.ID.in(rowIds))
			.orderBy(INVOICE_ROW.POSITION, INVOICE_ROW.ID)
			.fetch();
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal totalVat = BigDecimal.ZERO;
		BigDecimal totalWithVat = BigDecimal.ZERO;
		for (InvoiceRowRecord row : rows) {
			total = total.subtract(row.getSumNet());
			totalVat = totalVat.subtract(row.getSumVat());
			totalWithVat = totalWithVat.subtract(row.getSumTotal());
		}
		note.setOrganizationId(caller.organizationId());
		note.setUuid(UUID.randomUUID());
		note.setConsultationId(null);
		note.setCreditNote(true);
		note.setCreditNoteOriginalInvoiceId(originalId);
		note.setStatus((short) numbering.status().code());
		note.setInvoiceNumber(numbering.invoiceNumber());
		note.setInvoicePrefix(numbering.invoicePrefix());
		note.setReferenceNumber(numbering.referenceNumber());
		note.setInvoiceDate(numbering.invoiceDate());
		note.setInvoiceDueDate(numbering.invoiceDueDate());
		note.setIssueTime(null);
		note.setDueTime(null);
		note.setDiscountAmount(BigDecimal.ZERO);
		note.setDiscountPercent(null);
		note.setTotal(total);
		note.setTotalVat(totalVat);
		note.setTotalWithVat(totalWithVat);
		note.setPaidAmount(BigDecimal.ZERO);
		note.setWrittenOffAmount(BigDecimal.ZERO);
		note.setDatePaid(null);
		note.setFinalizedTime(now);
		note.setVoidedTime(null);
		note.setVoidReason(null);
		note.setCreated(now);
		note.setModified(now);
		note.setVersion(0);
		note.store();
		long noteId = note.getId();
		for (InvoiceRowRecord row : rows) {
			InvoiceRowRecord credit = row.copy();
			credit.setOrganizationId(caller.organizationId());
			credit.setUuid(UUID.randomUUID());
			credit.setInvoiceId(noteId);
			credit.setCreditedInvoiceRowId(row.getId());
			credit.setQuantity(row.getQuantity().negate());
			credit.setDiscountAmount(row.getDiscountAmount().negate());
			credit.setSumNet(row.getSumNet().negate());
			credit.setSumVat(row.getSumVat().negate());
			credit.setSumTotal(row.getSumTotal().negate());
			credit.setCreated(now);
			credit.setModified(now);
			credit.store();
		}
		return noteId;
	}

	boolean hasPayments(Caller caller, long id) {
		return !this.payments.paymentIds(caller, List.of(id)).isEmpty();
	}

	void markVoided(Caller caller, long id, @Nullable String reason, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.STATUS, (short) InvoiceStatus.VOIDED.code())
			.set(INVOICE.VOIDED_TIME, now)
			.set(INVOICE.VOID_REASON, reason)
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	Optional<Long> idOf(Caller caller, UUID uuid) {
		return this.dsl.select(INVOICE.ID)
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.UUID.eq(uuid))
			.fetchOptional(INVOICE.ID);
	}

	Optional<InvoiceView> view(Caller caller, long id, Currency currency) {
		return views(caller, List.of(id), currency).stream().findFirst();
	}

	/**
	 * The invoices with the given ids, with their rows and relations, in a fixed number
	 * of queries whatever their number.
	 * @param caller the caller
	 * @param ids the ids
	 * @param currency the organization's currency
	 * @return the invoices found, in id order
	 */
	List<InvoiceView> views(Caller caller, Collection<Long> ids, Currency currency) {
		return views(caller,
				this.dsl.selectFrom(INVOICE)
					.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(INVOICE.ID.in(ids))
					.orderBy(INVOICE.ID)
					.fetch(),
				currency);
	}

	/**
	 * The invoice rows with the given ids, in one query.
	 * @param caller the caller
	 * @param ids the ids
	 * @param currency the organization's currency
	 * @return the rows found
	 */
	List<InvoiceRowView> rowViews(Caller caller, Collection<Long> ids, Currency currency) {
		return rowViews(caller, INVOICE_ROW.ID.in(ids), currency);
	}

	private List<InvoiceRowView> rowViews(Caller caller, Condition condition, Currency currency) {
		return withCredits(caller,
				this.dsl.select()
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

	/**
	 * One page of invoices with their rows and relations, in a fixed number of queries
	 * whatever the page size.
	 * @param caller the caller
	 * @param condition the filter
	 * @param afterId keyset: only ids above this
	 * @param limit at most this many (one more is fetched to tell whether a next page
	 * exists)
	 * @param currency the organization's currency
	 * @return the invoices
	 */
	List<InvoiceView> list(Caller caller, Condition condition, long afterId, int limit, Currency currency) {
		return views(caller,
				this.dsl.selectFrom(INVOICE)
					.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
					.and(INVOICE.ID.gt(afterId))
					.and(condition)
					.orderBy(INVOICE.ID)
					.limit(limit + 1)
					.fetch(),
				currency);
	}

	/**
	 * A numbered page of invoices with their rows and relations, and the size of the
	 * whole list, in a fixed number of queries whatever the page size.
	 * @param caller the caller
	 * @param condition the filter
	 * @param page the page
	 * @param currency the organization's currency
	 * @return the page
	 */
	Counted<InvoiceView> page(Caller caller, Condition condition, OffsetPage page, Currency currency) {
		Counted<Record> records = ListQueries.page(this.dsl, INVOICE,
				INVOICE.ORGANIZATION_ID.eq(caller.organizationId()).and(condition), List.of(INVOICE.ID.asc()), page,
				(r) -> r);
		return new Counted<>(views(caller, records.items(), currency), records.count());
	}

	/**
	 * A slice of invoices at any offset in a given order, with their rows and relations,
	 * and the size of the whole list.
	 */
	Counted<InvoiceView> slice(Caller caller, Condition condition, SortField<?> order, SortField<?> tieBreak,
			long offset, int limit, Currency currency) {
		Condition where = INVOICE.ORGANIZATION_ID.eq(caller.organizationId()).and(condition);
		int count = this.dsl.fetchCount(INVOICE, where);
		if (limit == 0 || offset >= count) {
			return new Counted<>(List.of(), count);
		}
		List<Long> ids = this.dsl.select(INVOICE.ID)
			.from(INVOICE)
			.where(where)
			.orderBy(order, tieBreak)
			.offset(offset)
			.limit(limit)
			.fetch(INVOICE.ID);
		Map<Long, InvoiceView> byId = new HashMap<>();
		views(caller, ids, currency).forEach((invoice) -> byId.put(invoice.id(), invoice));
		return new Counted<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), count);
	}

	/**
	 * Invoices for any of some patients: named as the invoice's patient or on a row.
	 */
	static Condition forPatients(Collection<Long> patientIds) {
		return INVOICE.PATIENT_ID.in(patientIds)
			.or(DSL.exists(DSL.selectOne()
				.from(INVOICE_ROW)
				.where(INVOICE_ROW.ORGANIZATION_ID.eq(INVOICE.ORGANIZATION_ID))
				.and(INVOICE_ROW.INVOICE_ID.eq(INVOICE.ID))
				.and(INVOICE_ROW.PATIENT_ID.in(patientIds))));
	}

	/**
	 * Invoices that have every one of some tags.
	 */
	static Condition withTags(Collection<String> tags) {
		Condition condition = DSL.noCondition();
		for (String tag : new java.util.LinkedHashSet<>(tags)) {
			condition = condition.and(DSL.exists(DSL.selectOne()
				.from(INVOICE_TAG)
				.where(INVOICE_TAG.ORGANIZATION_ID.eq(INVOICE.ORGANIZATION_ID))
				.and(INVOICE_TAG.INVOICE_ID.eq(INVOICE.ID))
				.and(INVOICE_TAG.TAG.eq(tag))));
		}
		return condition;
	}

	/**
	 * Invoices in a Clinic API state: the same rule as {@link InvoiceState#of}, in SQL.
	 */
	static Condition inState(InvoiceState state) {
		Condition issued = INVOICE.STATUS.in(ISSUED_STATUSES);
		Condition notWrittenOff = INVOICE.WRITTEN_OFF_AMOUNT.eq(BigDecimal.ZERO);
		Condition settled = INVOICE.TOTAL_WITH_VAT.ge(BigDecimal.ZERO)
			.and(DUE_SUM.le(BigDecimal.ZERO))
			.or(INVOICE.TOTAL_WITH_VAT.lt(BigDecimal.ZERO).and(DUE_SUM.ge(BigDecimal.ZERO)));
		Condition somethingPaid = INVOICE.PAID_AMOUNT.ne(BigDecimal.ZERO);
		return switch (state) {
			case DRAFT -> INVOICE.STATUS.in((short) InvoiceStatus.DRAFT.code(), (short) InvoiceStatus.SENT.code(),
					(short) InvoiceStatus.OPEN.code());
			case VOID -> INVOICE.STATUS.eq((short) InvoiceStatus.VOIDED.code());
			case WRITTEN_OFF -> issued.and(INVOICE.WRITTEN_OFF_AMOUNT.ne(BigDecimal.ZERO));
			case ISSUED -> issued.and(notWrittenOff).and(INVOICE.PAID_AMOUNT.eq(BigDecimal.ZERO));
			case PAID -> issued.and(notWrittenOff).and(somethingPaid).and(settled);
			case PARTIALY_PAID -> issued.and(notWrittenOff).and(somethingPaid).and(DSL.not(settled));
		};
	}

	/**
	 * A numbered page of invoice rows and the size of the whole list, in two queries.
	 * @param caller the caller
	 * @param condition the filter
	 * @param page the page
	 * @param currency the organization's currency
	 * @return the page
	 */
	Counted<InvoiceRowView> rowPage(Caller caller, Condition condition, OffsetPage page, Currency currency) {
		return ListQueries
			.page(this.dsl, rowsWithInvoice(), INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()).and(condition),
					List.of(INVOICE_ROW.ID.asc()), page, (r) -> rowView(r, currency))
			.mapItems((rows) -> withCredits(caller, rows));
	}

	private static Table<?> rowsWithInvoice() {
		return INVOICE_ROW.join(INVOICE)
			.on(INVOICE.ORGANIZATION_ID.eq(INVOICE_ROW.ORGANIZATION_ID))
			.and(INVOICE.ID.eq(INVOICE_ROW.INVOICE_ID));
	}

	/**
	 * The invoices made from consultations.
	 * @param caller the caller
	 * @param consultationIds the consultations
	 * @return the invoice id by consultation id, for the consultations that have one
	 */
	Map<Long, Long> invoicesOfConsultations(Caller caller, Collection<Long> consultationIds) {
		if (consultationIds.isEmpty()) {
			return Map.of();
		}
		return this.dsl.select(INVOICE.CONSULTATION_ID, INVOICE.ID)
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.CONSULTATION_ID.in(consultationIds))
			.fetchMap(INVOICE.CONSULTATION_ID, INVOICE.ID);
	}

	/**
	 * Invoices with everything their views show: rows, credit notes, the client's due
	 * sum. Three queries whatever the number of invoices.
	 */
	private List<InvoiceView> views(Caller caller, List<? extends Record> invoices, Currency currency) {
		if (invoices.isEmpty()) {
			return List.of();
		}
		List<Long> ids = invoices.stream().map((r) -> r.get(INVOICE.ID)).toList();
		Map<Long, List<InvoiceRowView>> rows = new HashMap<>();
		rowViews(caller, INVOICE_ROW.INVOICE_ID.in(ids), currency)
			.forEach((row) -> rows.computeIfAbsent(row.invoiceId(), (k) -> new ArrayList<>()).add(row));
		Map<Long, List<Long>> creditNotes = new HashMap<>();
		this.dsl.select(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID, INVOICE.ID)
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID.in(ids))
			.orderBy(INVOICE.ID)
			.forEach((r) -> creditNotes.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		Map<Long, List<Long>> payments = this.payments.paymentIds(caller, ids);
		Map<Long, BigDecimal> clientDueSums = clientDueSums(caller,
				invoices.stream().map((r) -> r.get(INVOICE.CLIENT_ID)).filter(Objects::nonNull).distinct().toList());
		Map<Long, List<String>> tags = tags(caller, ids);
		return invoices.stream().map((r) -> {
			long id = r.get(INVOICE.ID);
			Long clientId = r.get(INVOICE.CLIENT_ID);
			return view(r, rows.getOrDefault(id, List.of()), creditNotes.getOrDefault(id, List.of()),
					payments.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()),
					(clientId != null) ? clientDueSums.getOrDefault(clientId, BigDecimal.ZERO) : null, currency);
		}).toList();
	}

	/**
	 * What each client owes over all its issued invoices.
	 */
	private Map<Long, BigDecimal> clientDueSums(Caller caller, List<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return Map.of();
		}
		return this.dsl.select(INVOICE.CLIENT_ID, DSL.sum(DUE_SUM))
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.CLIENT_ID.in(clientIds))
			.and(INVOICE.STATUS.in(ISSUED_STATUSES))
			.groupBy(INVOICE.CLIENT_ID)
			.fetchMap(Record2::value1, Record2::value2);
	}

	private static StoredInvoice stored(Record r) {
		return new StoredInvoice(r.get(INVOICE.ID), r.get(INVOICE.DEPARTMENT_ID), r.get(INVOICE.CLIENT_ID),
				r.get(INVOICE.CONSULTATION_ID), InvoiceStatus.of(r.get(INVOICE.STATUS)), r.get(INVOICE.CREDIT_NOTE),
				r.get(INVOICE.PRICES_INCLUDE_VAT), r.get(INVOICE.INVOICE_DATE), r.get(INVOICE.INVOICE_DUE_DATE),
				r.get(INVOICE.DISCOUNT_AMOUNT), r.get(INVOICE.DISCOUNT_PERCENT), r.get(INVOICE.PAID_AMOUNT),
				r.get(INVOICE.REMARKS), r.get(INVOICE.ADDITIONAL_REFERENCE), r.get(INVOICE.VERSION),
				r.get(INVOICE.TOTAL_WITH_VAT), r.get(INVOICE.WRITTEN_OFF_AMOUNT), r.get(INVOICE.DATE_PAID),
				r.get(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID));
	}

	private static StoredRow storedRow(Record r, Currency currency) {
		return new StoredRow(r.get(INVOICE_ROW.ID), r.get(INVOICE_ROW.UUID), r.get(INVOICE_ROW.POSITION),
				r.get(INVOICE_ROW.ITEM_ID), r.get(INVOICE_ROW.PATIENT_ID), r.get(INVOICE_ROW.NAME),
				r.get(INVOICE_ROW.QUANTITY), r.get(INVOICE_ROW.UNIT_PRICE), r.get(INVOICE_ROW.PERCENTAGE_CHANGE),
				r.get(INVOICE_ROW.VAT_GROUP_ID), r.get(INVOICE_ROW.VAT_PERCENTAGE), figures(r, currency));
	}

	private static RowFigures figures(Record r, Currency currency) {
		return new RowFigures(RowPricing.unitPrice(r.get(INVOICE_ROW.PRICE), currency),
				RowPricing.unitPrice(r.get(INVOICE_ROW.PRICE_WITH_VAT), currency),
				Money.of(r.get(INVOICE_ROW.DISCOUNT_AMOUNT), currency), Money.of(r.get(INVOICE_ROW.SUM_NET), currency),
				Money.of(r.get(INVOICE_ROW.SUM_VAT), currency), Money.of(r.get(INVOICE_ROW.SUM_TOTAL), currency));
	}

	/**
	 * A row read with its invoice: a row charged in a consultation (it has a consultation
	 * item) belongs to the invoice's consultation.
	 */
	private static InvoiceRowView rowView(Record r, Currency currency) {
		RowFigures figures = figures(r, currency);
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

	private static InvoiceView view(Record r, List<InvoiceRowView> rows, List<Long> creditNotes, List<Long> payments,
			List<String> tags, @Nullable BigDecimal clientDueSum, Currency currency) {
		Money total = Money.of(r.get(INVOICE.TOTAL_WITH_VAT), currency);
		Money paid = Money.of(r.get(INVOICE.PAID_AMOUNT), currency);
		Money writtenOff = Money.of(r.get(INVOICE.WRITTEN_OFF_AMOUNT), currency);
		Money due = total.minus(paid).minus(writtenOff);
		Long number = r.get(INVOICE.INVOICE_NUMBER);
		String prefix = r.get(INVOICE.INVOICE_PREFIX);
		String documentNumber = (number == null) ? String.valueOf(r.get(INVOICE.ID))
				: prefix.isEmpty() ? String.valueOf(number) : prefix + "-" + number;
		BigDecimal discountPercent = r.get(INVOICE.DISCOUNT_PERCENT);
		List<Long> patients = rows.stream().map(InvoiceRowView::patientId).filter(Objects::nonNull).distinct().toList();
		return new InvoiceView(r.get(INVOICE.ID), r.get(INVOICE.UUID), documentNumber, r.get(INVOICE.DEPARTMENT_ID),
				r.get(INVOICE.CLIENT_ID), r.get(INVOICE.CONSULTATION_ID), r.get(INVOICE.STATUS),
				r.get(INVOICE.COUNTERSALE), r.get(INVOICE.CREDIT_NOTE), r.get(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID),
				number, prefix, r.get(INVOICE.REFERENCE_NUMBER), r.get(INVOICE.ADDITIONAL_REFERENCE),
				r.get(INVOICE.INVOICE_DATE), r.get(INVOICE.INVOICE_DUE_DATE),
				new Payer(r.get(INVOICE.PAYER_NAME), r.get(INVOICE.PAYER_ORGANIZATION_NAME),
						r.get(INVOICE.PAYER_VAT_NUMBER), r.get(INVOICE.PAYER_REGISTER_NUMBER),
						r.get(INVOICE.PAYER_COUNTRY_CODE), r.get(INVOICE.PAYER_STREET_ADDRESS),
						r.get(INVOICE.PAYER_STREET_ADDRESS_2), r.get(INVOICE.PAYER_ZIP_CODE), r.get(INVOICE.PAYER_CITY),
						r.get(INVOICE.PAYER_STATE)),
				currency.getCurrencyCode(), r.get(INVOICE.PRICES_INCLUDE_VAT),
				Money.of(r.get(INVOICE.DISCOUNT_AMOUNT), currency).amount(),
				(discountPercent == null) ? null : Decimals.trim(discountPercent, 1),
				Money.of(r.get(INVOICE.TOTAL), currency).amount(),
				Money.of(r.get(INVOICE.TOTAL_VAT), currency).amount(), total.amount(), paid.amount(), due.amount(),
				writtenOff.amount(), r.get(INVOICE.DATE_PAID), r.get(INVOICE.REMARKS), patients, rows, creditNotes,
				payments, (clientDueSum != null) ? Money.of(clientDueSum, currency).amount() : due.amount(),
				r.get(INVOICE.FINALIZED_TIME), r.get(INVOICE.VOIDED_TIME), r.get(INVOICE.VOID_REASON),
				r.get(INVOICE.PATIENT_ID), r.get(INVOICE.APPOINTMENT_ID), r.get(INVOICE.ISSUE_TIME),
				r.get(INVOICE.DUE_TIME), tags, r.get(INVOICE.CREATED), r.get(INVOICE.MODIFIED), r.get(INVOICE.VERSION));
	}

}
