package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.shared.Caller;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.FilterValues;
import org.vetbill.shared.query.Search;
import org.vetbill.shared.query.Window;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;
import static org.vetbill.shared.db.Tables.INVOICE_TAG;

/**
 * Finds the invoices a {@link Search} asks for: its filters over the fields below, its
 * order, and its window. Every statement is scoped to the caller's organization.
 * <p>
 * Besides the columns, an invoice can be searched by {@value #TEXT} (its document number,
 * payer, or the clients and patients whose names contain the text), {@value #TAG} (a tag
 * it has; several must all be there), {@value #FOR_PATIENT} (the invoice's patient or a
 * patient of its rows), {@value #APPOINTMENT} (the consultation it refers to or was made
 * from) and {@value #STATE} (its {@link InvoiceState}).
 */
@Repository
class InvoiceSearchStore {

	static final String TEXT = "text";

	static final String TAG = "tag";

	static final String FOR_PATIENT = "forPatient";

	static final String APPOINTMENT = "appointment";

	static final String STATE = "state";

	/**
	 * Statuses of a numbered invoice that is still owed: finalized and invoicing. Written
	 * as constants, so that PostgreSQL can use the index of issued invoices
	 * ({@code invoice_client_due_idx}), whose predicate names them.
	 */
	static final Condition ISSUED = INVOICE.STATUS.in(DSL.inline((short) InvoiceStatus.FINALIZED.code()),
			DSL.inline((short) InvoiceStatus.INVOICING.code()));

	/** What an invoice still owes: negative when it is overpaid. */
	static final Field<BigDecimal> DUE_SUM = INVOICE.TOTAL_WITH_VAT.minus(INVOICE.PAID_AMOUNT)
		.minus(INVOICE.WRITTEN_OFF_AMOUNT);

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", INVOICE.ID)
		.integer("status", INVOICE.STATUS)
		.integer("invoiceNumber", INVOICE.INVOICE_NUMBER)
		.text("invoicePrefix", INVOICE.INVOICE_PREFIX)
		.text("referenceNumber", INVOICE.REFERENCE_NUMBER)
		.text("additionalReference", INVOICE.ADDITIONAL_REFERENCE)
		.date("invoiceDate", INVOICE.INVOICE_DATE)
		.date("invoiceDueDate", INVOICE.INVOICE_DUE_DATE)
		.dateTime("created", INVOICE.CREATED)
		.dateTime("modified", INVOICE.MODIFIED)
		.dateTime("datePaid", INVOICE.DATE_PAID)
		.id("clientId", INVOICE.CLIENT_ID)
		.id("departmentId", INVOICE.DEPARTMENT_ID)
		.id("consultationId", INVOICE.CONSULTATION_ID)
		.id("creditNoteOriginalInvoiceId", INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID)
		.bool("creditNote", INVOICE.CREDIT_NOTE)
		.bool("countersale", INVOICE.COUNTERSALE)
		.decimal("total", INVOICE.TOTAL)
		.decimal("totalVat", INVOICE.TOTAL_VAT)
		.decimal("totalWithVat", INVOICE.TOTAL_WITH_VAT)
		.decimal("paidAmount", INVOICE.PAID_AMOUNT)
		.decimal("dueSum", DUE_SUM)
		.decimal("discountAmount", INVOICE.DISCOUNT_AMOUNT)
		.text("payerName", INVOICE.PAYER_NAME)
		.text("payerOrganizationName", INVOICE.PAYER_ORGANIZATION_NAME)
		.text("payerVatNumber", INVOICE.PAYER_VAT_NUMBER)
		.text("payerRegisterNumber", INVOICE.PAYER_REGISTER_NUMBER)
		.text("payerCountryCode", INVOICE.PAYER_COUNTRY_CODE)
		.text("payerCity", INVOICE.PAYER_CITY)
		.text("payerZipCode", INVOICE.PAYER_ZIP_CODE)
		.text("remarks", INVOICE.REMARKS)
		.special(TAG, (criterion, zone) -> withTag(criterion.value()))
		.special(FOR_PATIENT, (criterion, zone) -> forPatients(List.of(FilterValues.id(criterion, criterion.value()))))
		.special(APPOINTMENT, (criterion, zone) -> {
			long id = FilterValues.id(criterion, criterion.value());
			return INVOICE.APPOINTMENT_ID.eq(id).or(INVOICE.CONSULTATION_ID.eq(id));
		})
		.special(STATE, (criterion, zone) -> inState(InvoiceState.valueOf(criterion.value())))
		.build();

	private final DSLContext dsl;

	InvoiceSearchStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The clients and patients whose names contain a searched text.
	 *
	 * @param clientIds the clients
	 * @param patientIds the patients
	 */
	record NameMatches(List<Long> clientIds, List<Long> patientIds) {

		static final NameMatches NONE = new NameMatches(List.of(), List.of());

	}

	/**
	 * The invoices found, as stored.
	 *
	 * @param invoices the invoices of the window, in the search's order
	 * @param count the size of the whole list, for an offset window
	 * @param more for a keyset window, whether more invoices follow
	 */
	record Matches(List<Record> invoices, @Nullable Long count, boolean more) {
	}

	Matches find(Caller caller, Search search, ZoneId zone, Map<String, NameMatches> names) {
		Condition where = INVOICE.ORGANIZATION_ID.eq(caller.organizationId())
			.and(FILTERS.condition(search.criteria(), zone, Map.of(TEXT,
					(criterion, z) -> text(criterion, names.getOrDefault(criterion.value(), NameMatches.NONE)))));
		return switch (search.window()) {
			case Window.Keyset keyset -> {
				if (!search.order().isEmpty()) {
					throw new IllegalArgumentException("a keyset window is read in id order");
				}
				List<Record> fetched = List.copyOf(this.dsl.selectFrom(INVOICE)
					.where(where)
					.and(INVOICE.ID.gt(keyset.after()))
					.orderBy(INVOICE.ID)
					.limit(keyset.limit() + 1)
					.fetch());
				boolean more = fetched.size() > keyset.limit();
				yield new Matches(more ? fetched.subList(0, keyset.limit()) : fetched, null, more);
			}
			case Window.Offset offset -> {
				Counted<Record> page = ListQueries.page(this.dsl, INVOICE, where,
						FILTERS.order(search.order(), INVOICE.ID), offset, (r) -> r);
				yield new Matches(page.items(), page.count(), false);
			}
		};
	}

	/**
	 * Invoices whose document number, id (a draft's) or payer contains a text, or whose
	 * client or patients were found by it.
	 */
	private static Condition text(Criterion criterion, NameMatches names) {
		String search = criterion.value().trim();
		if (search.isEmpty()) {
			return DSL.noCondition();
		}
		Field<String> number = INVOICE.INVOICE_NUMBER.cast(String.class);
		Condition text = number.contains(search)
			.or(DSL.concat(INVOICE.INVOICE_PREFIX, DSL.inline("-"), number).containsIgnoreCase(search))
			.or(INVOICE.INVOICE_NUMBER.isNull().and(INVOICE.ID.cast(String.class).eq(search)))
			.or(INVOICE.PAYER_NAME.containsIgnoreCase(search))
			.or(INVOICE.PAYER_ORGANIZATION_NAME.containsIgnoreCase(search));
		if (!names.clientIds().isEmpty()) {
			text = text.or(INVOICE.CLIENT_ID.in(names.clientIds()));
		}
		if (!names.patientIds().isEmpty()) {
			text = text.or(forPatients(names.patientIds()));
		}
		return text;
	}

	/**
	 * Invoices for any of some patients: named as the invoice's patient or on a row.
	 */
	private static Condition forPatients(Collection<Long> patientIds) {
		return INVOICE.PATIENT_ID.in(patientIds)
			.or(DSL.exists(DSL.selectOne()
				.from(INVOICE_ROW)
				.where(INVOICE_ROW.ORGANIZATION_ID.eq(INVOICE.ORGANIZATION_ID))
				.and(INVOICE_ROW.INVOICE_ID.eq(INVOICE.ID))
				.and(INVOICE_ROW.PATIENT_ID.in(patientIds))));
	}

	private static Condition withTag(String tag) {
		return DSL.exists(DSL.selectOne()
			.from(INVOICE_TAG)
			.where(INVOICE_TAG.ORGANIZATION_ID.eq(INVOICE.ORGANIZATION_ID))
			.and(INVOICE_TAG.INVOICE_ID.eq(INVOICE.ID))
			.and(INVOICE_TAG.TAG.eq(tag)));
	}

	/**
	 * Invoices in a state: the same rule as {@link InvoiceState#of}, in SQL.
	 */
	private static Condition inState(InvoiceState state) {
		Condition notWrittenOff = INVOICE.WRITTEN_OFF_AMOUNT.eq(BigDecimal.ZERO);
		Condition settled = INVOICE.TOTAL_WITH_VAT.ge(BigDecimal.ZERO)
			.and(DUE_SUM.le(BigDecimal.ZERO))
			.or(INVOICE.TOTAL_WITH_VAT.lt(BigDecimal.ZERO).and(DUE_SUM.ge(BigDecimal.ZERO)));
		Condition somethingPaid = INVOICE.PAID_AMOUNT.ne(BigDecimal.ZERO);
		return switch (state) {
			case DRAFT -> INVOICE.STATUS.in((short) InvoiceStatus.DRAFT.code(), (short) InvoiceStatus.SENT.code(),
					(short) InvoiceStatus.OPEN.code());
			case VOID -> INVOICE.STATUS.eq((short) InvoiceStatus.VOIDED.code());
			case WRITTEN_OFF -> ISSUED.and(INVOICE.WRITTEN_OFF_AMOUNT.ne(BigDecimal.ZERO));
			case ISSUED -> ISSUED.and(notWrittenOff).and(INVOICE.PAID_AMOUNT.eq(BigDecimal.ZERO));
			case PAID -> ISSUED.and(notWrittenOff).and(somethingPaid).and(settled);
			case PARTIALY_PAID -> ISSUED.and(notWrittenOff).and(somethingPaid).and(DSL.not(settled));
		};
	}

}
