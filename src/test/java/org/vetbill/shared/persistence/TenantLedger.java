package org.vetbill.shared.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * The ledger of one organization as the backup tests compare it between the live database
 * and a restored one: its invoices with their totals and balances, its payments and its
 * prepayments, each in the order of their ids.
 */
final class TenantLedger {

	private TenantLedger() {
	}

	/**
	 * The organization's invoices, then payments, then prepayments.
	 * @param dsl the database to read
	 * @param organizationId the organization
	 * @return one list per record
	 */
	static List<Object> of(DSLContext dsl, long organizationId) {
		List<Object> ledger = new ArrayList<>();
		ledger.addAll(dsl
			.select(INVOICE.ID, INVOICE.STATUS, INVOICE.INVOICE_NUMBER, INVOICE.TOTAL_WITH_VAT, INVOICE.PAID_AMOUNT)
			.from(INVOICE)
			.where(INVOICE.ORGANIZATION_ID.eq(organizationId))
			.orderBy(INVOICE.ID)
			.fetch((r) -> List.of(r.value1(), r.value2(), String.valueOf(r.value3()), r.value4().stripTrailingZeros(),
					r.value5().stripTrailingZeros())));
		ledger.addAll(payments(dsl, organizationId));
		ledger.addAll(dsl.select(UNALLOCATED_PAYMENT.ID, UNALLOCATED_PAYMENT.PAID, UNALLOCATED_PAYMENT.UNUSED_AMOUNT)
			.from(UNALLOCATED_PAYMENT)
			.where(UNALLOCATED_PAYMENT.ORGANIZATION_ID.eq(organizationId))
			.orderBy(UNALLOCATED_PAYMENT.ID)
			.fetch((r) -> List.of(r.value1(), r.value2().stripTrailingZeros(), r.value3().stripTrailingZeros())));
		return ledger;
	}

	/**
	 * The organization's invoice payments: id, invoice and amount.
	 * @param dsl the database to read
	 * @param organizationId the organization
	 * @return one list per payment
	 */
	static List<List<Object>> payments(DSLContext dsl, long organizationId) {
		return dsl.select(INVOICE_PAYMENT.ID, INVOICE_PAYMENT.INVOICE_ID, INVOICE_PAYMENT.PAID)
			.from(INVOICE_PAYMENT)
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(organizationId))
			.orderBy(INVOICE_PAYMENT.ID)
			.fetch((r) -> List.<Object>of(r.value1(), r.value2(), r.value3().stripTrailingZeros()));
	}

	/**
	 * How many invoices the organization has and what its payments add up to.
	 * @param dsl the database to read
	 * @param organizationId the organization
	 * @return the count and the sum
	 */
	static List<Object> figures(DSLContext dsl, long organizationId) {
		int invoices = dsl.fetchCount(INVOICE, INVOICE.ORGANIZATION_ID.eq(organizationId));
		BigDecimal paid = dsl.select(DSL.coalesce(DSL.sum(INVOICE_PAYMENT.PAID), BigDecimal.ZERO))
			.from(INVOICE_PAYMENT)
			.where(INVOICE_PAYMENT.ORGANIZATION_ID.eq(organizationId))
			.fetchSingle(0, BigDecimal.class);
		return List.of(invoices, paid.stripTrailingZeros());
	}

	/**
	 * jOOQ over a database of a test's own, rendered as the application renders it.
	 * @param connection the database
	 * @param dialect its dialect
	 * @return the context
	 */
	static DSLContext dsl(SingleConnectionDataSource connection, SQLDialect dialect) {
		return DSL.using(connection, dialect,
				new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false));
	}

}
