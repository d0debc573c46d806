package org.vetbill.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.invoicing.domain.RowFigures;
import org.vetbill.invoicing.domain.RowInput;
import org.vetbill.invoicing.domain.RowPricing;
import org.vetbill.shared.Caller;
import org.vetbill.shared.money.Money;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE_ROW;

/**
 * SQL for the rows of invoices being built: what each row was charged as, and its
 * figures. Callers hold the invoice's lock. Every statement is scoped to the caller's
 * organization.
 */
@Repository
class InvoiceRowStore {

	private final DSLContext dsl;

	InvoiceRowStore(DSLContext dsl) {
		this.dsl = dsl;
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

		NewRow forConsultationItem(long consultationItemId) {
			return new NewRow(this.itemId, consultationItemId, this.patientId, this.name, this.quantity, this.unitPrice,
					this.percentageChange, this.vatGroupId, this.vatPercentage);
		}

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
	List<Long> insert(Caller caller, long invoiceId, int firstPosition, List<NewRow> rows, Instant now) {
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

	int update(Caller caller, long invoiceId, long rowId, NewRow row, Instant now) {
		return this.dsl.update(INVOICE_ROW)
			.set(chargeValues(row))
			.set(INVOICE_ROW.MODIFIED, now)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(invoiceId))
			.and(INVOICE_ROW.ID.eq(rowId))
			.execute();
	}

	void move(Caller caller, long invoiceId, long rowId, int position, Instant now) {
		this.dsl.update(INVOICE_ROW)
			.set(INVOICE_ROW.POSITION, position)
			.set(INVOICE_ROW.MODIFIED, now)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(invoiceId))
			.and(INVOICE_ROW.ID.eq(rowId))
			.execute();
	}

	int delete(Caller caller, long invoiceId, long rowId) {
		return this.dsl.deleteFrom(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.INVOICE_ID.eq(invoiceId))
			.and(INVOICE_ROW.ID.eq(rowId))
			.execute();
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

	/**
	 * The rows among the given ones that a credit note already credits.
	 */
	Set<Long> credited(Caller caller, Collection<Long> rowIds) {
		return Set.copyOf(this.dsl.select(INVOICE_ROW.CREDITED_INVOICE_ROW_ID)
			.from(INVOICE_ROW)
			.where(INVOICE_ROW.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_ROW.CREDITED_INVOICE_ROW_ID.in(rowIds))
			.fetch(INVOICE_ROW.CREDITED_INVOICE_ROW_ID));
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

	private static StoredRow storedRow(Record r, Currency currency) {
		return new StoredRow(r.get(INVOICE_ROW.ID), r.get(INVOICE_ROW.UUID), r.get(INVOICE_ROW.POSITION),
				r.get(INVOICE_ROW.ITEM_ID), r.get(INVOICE_ROW.PATIENT_ID), r.get(INVOICE_ROW.NAME),
				r.get(INVOICE_ROW.QUANTITY), r.get(INVOICE_ROW.UNIT_PRICE), r.get(INVOICE_ROW.PERCENTAGE_CHANGE),
				r.get(INVOICE_ROW.VAT_GROUP_ID), r.get(INVOICE_ROW.VAT_PERCENTAGE), figures(r, currency));
	}

	/**
	 * A row's figures as stored.
	 */
	static RowFigures figures(Record r, Currency currency) {
		return new RowFigures(RowPricing.unitPrice(r.get(INVOICE_ROW.PRICE), currency),
				RowPricing.unitPrice(r.get(INVOICE_ROW.PRICE_WITH_VAT), currency),
				Money.of(r.get(INVOICE_ROW.DISCOUNT_AMOUNT), currency), Money.of(r.get(INVOICE_ROW.SUM_NET), currency),
				Money.of(r.get(INVOICE_ROW.SUM_VAT), currency), Money.of(r.get(INVOICE_ROW.SUM_TOTAL), currency));
	}

}
