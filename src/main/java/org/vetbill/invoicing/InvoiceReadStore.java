package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.query.Found;
import org.vetbill.shared.query.Search;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_TAG;

/**
 * Reads invoices as the APIs show them, with their rows, credit notes, payments, tags and
 * the client's due sum: a page or a batch costs a fixed number of queries whatever its
 * size.
 */
@Repository
class InvoiceReadStore {

	private final DSLContext dsl;

	private final RowReadStore rows;

	private final InvoiceSearchStore search;

	private final InvoicePayments payments;

	/**
	 * The payments are read through {@link InvoicePayments}, resolved when first used:
	 * their module reads invoices through this store in turn.
	 */
	InvoiceReadStore(DSLContext dsl, RowReadStore rows, InvoiceSearchStore search, @Lazy InvoicePayments payments) {
		this.dsl = dsl;
		this.rows = rows;
		this.search = search;
		this.payments = payments;
	}

	/**
	 * The invoices a search asks for.
	 * @param caller the caller
	 * @param search the filters, order and window
	 * @param zone the organization's time zone
	 * @param currency the organization's currency
	 * @param names the clients and patients found by name for each text searched
	 * @return the invoices, with their count for an offset window or where to read on for
	 * a keyset window
	 */
	Found<InvoiceView> search(Caller caller, Search search, ZoneId zone, Currency currency,
			Map<String, InvoiceSearchStore.NameMatches> names) {
		InvoiceSearchStore.Matches matches = this.search.find(caller, search, zone, names);
		List<InvoiceView> found = views(caller, matches.invoices(), currency);
		return new Found<>(found, matches.count(), matches.more() ? found.get(found.size() - 1).id() : null);
	}

	Optional<InvoiceView> view(Caller caller, long id, Currency currency) {
		return views(caller, List.of(id), currency).stream().findFirst();
	}

	/**
	 * The invoices with the given ids, in id order.
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
	 * The invoices made from consultations.
	 * @param caller the caller
	 * @param consultationIds the consultations
	 * @return the invoice id by consultation id, for the consultations that have one
	 */
	Map<Long, Long> ofConsultations(Caller caller, Collection<Long> consultationIds) {
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
	 * Invoices with everything their views show, in the order given: rows, credit notes,
	 * payments, tags, the client's due sum, the consultations of the invoices credit
	 * notes credit. Seven queries at most whatever the number of invoices.
	 */
	private List<InvoiceView> views(Caller caller, List<? extends Record> invoices, Currency currency) {
		if (invoices.isEmpty()) {
			return List.of();
		}
		List<Long> ids = invoices.stream().map((r) -> r.get(INVOICE.ID)).toList();
		Map<Long, List<InvoiceRowView>> rows = new HashMap<>();
		this.rows.ofInvoices(caller, ids, currency)
			.forEach((row) -> rows.computeIfAbsent(row.invoiceId(), (k) -> new ArrayList<>()).add(row));
		Map<Long, List<Long>> creditNotes = new HashMap<>();
		this.dsl.select(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID, INVOICE.ID)
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID.in(ids))
			.orderBy(INVOICE.ID)
			.forEach((r) -> creditNotes.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		Map<Long, List<Long>> payments = this.payments.idsByInvoice(caller, ids);
		Map<Long, BigDecimal> clientDueSums = clientDueSums(caller,
				invoices.stream().map((r) -> r.get(INVOICE.CLIENT_ID)).filter(Objects::nonNull).distinct().toList());
		Map<Long, List<String>> tags = tags(caller, ids);
		Map<Long, Long> creditedConsultations = consultations(caller,
				invoices.stream()
					.map((r) -> r.get(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID))
					.filter(Objects::nonNull)
					.distinct()
					.toList());
		return invoices.stream().map((r) -> {
			long id = r.get(INVOICE.ID);
			Long clientId = r.get(INVOICE.CLIENT_ID);
			Long original = r.get(INVOICE.CREDIT_NOTE_ORIGINAL_INVOICE_ID);
			Long originalConsultation = (r.get(INVOICE.CONSULTATION_ID) != null) ? r.get(INVOICE.CONSULTATION_ID)
					: (original != null) ? creditedConsultations.get(original) : null;
			return view(r, originalConsultation, rows.getOrDefault(id, List.of()),
					creditNotes.getOrDefault(id, List.of()), payments.getOrDefault(id, List.of()),
					tags.getOrDefault(id, List.of()),
					(clientId != null) ? clientDueSums.getOrDefault(clientId, BigDecimal.ZERO) : null, currency);
		}).toList();
	}

	/**
	 * The consultations the given invoices were made from, for those made from one.
	 */
	private Map<Long, Long> consultations(Caller caller, List<Long> invoiceIds) {
		if (invoiceIds.isEmpty()) {
			return Map.of();
		}
		return this.dsl.select(INVOICE.ID, INVOICE.CONSULTATION_ID)
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.ID.in(invoiceIds))
			.and(INVOICE.CONSULTATION_ID.isNotNull())
			.fetchMap(INVOICE.ID, INVOICE.CONSULTATION_ID);
	}

	/**
	 * What each client owes over all its issued invoices.
	 */
	private Map<Long, BigDecimal> clientDueSums(Caller caller, List<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return Map.of();
		}
		return this.dsl.select(INVOICE.CLIENT_ID, DSL.sum(InvoiceSearchStore.DUE_SUM))
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE.CLIENT_ID.in(clientIds))
			.and(InvoiceSearchStore.ISSUED)
			.groupBy(INVOICE.CLIENT_ID)
			.fetchMap(Record2::value1, Record2::value2);
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

	private static InvoiceView view(Record r, @Nullable Long originalConsultation, List<InvoiceRowView> rows,
			List<Long> creditNotes, List<Long> payments, List<String> tags, @Nullable BigDecimal clientDueSum,
			Currency currency) {
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
				r.get(INVOICE.CLIENT_ID), r.get(INVOICE.CONSULTATION_ID), originalConsultation, r.get(INVOICE.STATUS),
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
