package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.Finalization;
import org.vetbill.invoicing.domain.Invoice;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.invoicing.domain.InvoiceTotals;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Money;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;
import static org.vetbill.shared.db.Tables.INVOICE_TAG;

/**
 * SQL for invoice headers: creating, locking and changing them, tags included. Every
 * change to an invoice starts by locking its header here. Every statement is scoped to
 * the caller's organization.
 */
@Repository
class InvoiceStore {

	private final DSLContext dsl;

	InvoiceStore(DSLContext dsl) {
		this.dsl = dsl;
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

		LockedInvoice locked(Currency currency) {
			return new LockedInvoice(this.id, this.departmentId, this.clientId, this.invoiceDate, balance(currency),
					this.datePaid);
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
	 * What a whole invoice adds to its header: its patient and appointment, and the
	 * instants behind its dates.
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
			.fetchOptional(InvoiceStore::stored);
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
	 * Writes a whole invoice's references and marks it modified.
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
		List<String> current = this.dsl.select(INVOICE_TAG.TAG)
			.from(INVOICE_TAG)
			.where(INVOICE_TAG.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_TAG.INVOICE_ID.eq(id))
			.orderBy(INVOICE_TAG.TAG)
			.fetch(INVOICE_TAG.TAG);
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
		touch(caller, id, now);
		return true;
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

	void changeStatus(Caller caller, long id, InvoiceStatus status, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.STATUS, (short) status.code())
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
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

	/**
	 * Writes an invoice's balance after a payment: the paid amount, and the time it
	 * became settled (kept while it stays settled, cleared when it stops being so).
	 */
	void updateBalance(Caller caller, long id, InvoiceBalance balance, @Nullable Instant datePaid, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.PAID_AMOUNT, balance.paid().amount())
			.set(INVOICE.WRITTEN_OFF_AMOUNT, balance.writtenOff().amount())
			.set(INVOICE.DATE_PAID, datePaid)
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
	}

	/**
	 * Records that the remaining balance was written off; the totals, the payments and
	 * the date it was paid stay.
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

	Optional<Long> idOf(Caller caller, UUID uuid) {
		return this.dsl.select(INVOICE.ID)
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.UUID.eq(uuid))
			.fetchOptional(INVOICE.ID);
	}

	private void touch(Caller caller, long id, Instant now) {
		this.dsl.update(INVOICE)
			.set(INVOICE.MODIFIED, now)
			.set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.eq(id))
			.execute();
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

}
