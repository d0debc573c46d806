package org.vetbill.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.vetbill.shared.db.tables.Invoice;
import org.vetbill.shared.db.tables.InvoicePayment;
import org.vetbill.shared.db.tables.InvoiceRow;
import org.vetbill.shared.db.tables.InvoiceWriteOff;
import org.vetbill.shared.db.tables.UnallocatedPayment;

import static org.assertj.core.api.Assertions.fail;
import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;
import static org.vetbill.shared.db.Tables.INVOICE_ROW;
import static org.vetbill.shared.db.Tables.INVOICE_WRITE_OFF;
import static org.vetbill.shared.db.Tables.UNALLOCATED_PAYMENT;

/**
 * The rules of the money ledger, checked over the whole database (every organization):
 * the cached balances agree with the payment records, no prepayment is overdrawn, no row
 * is credited beyond its quantity, no payment is cancelled twice, every credit note is
 * settled against its original, and no invoice is overpaid by what clients paid. Each
 * rule is one SQL statement, so it reads one consistent snapshot even while other
 * requests commit.
 */
public final class LedgerInvariants {

	private static final BigDecimal ZERO = BigDecimal.ZERO;

	private LedgerInvariants() {
	}

	/**
	 * Fails with every violation found, each naming the records involved.
	 * @param dsl the application's jOOQ context
	 */
	public static void assertHold(DSLContext dsl) {
		List<String> violations = violations(dsl);
		if (!violations.isEmpty()) {
			fail(violations.size() + " ledger invariant violation(s):\n  " + String.join("\n  ", violations));
		}
	}

	/**
	 * Every violation found.
	 * @param dsl the application's jOOQ context
	 * @return the violations, empty when the ledger is sound
	 */
	public static List<String> violations(DSLContext dsl) {
		List<String> violations = new ArrayList<>();
		paidAmountsMatchPayments(dsl, violations);
		writtenOffAmountsMatchWriteOffs(dsl, violations);
		unusedAmountsMatchUses(dsl, violations);
		cancelledPrepaymentsAreUntouched(dsl, violations);
		rowsAreCreditedAtMostOnce(dsl, violations);
		paymentsAreCancelledAtMostOnce(dsl, violations);
		creditNotesAreSettled(dsl, violations);
		invoicesAreNotOverpaidByClients(dsl, violations);
		return violations;
	}

	/** invoice.paid_amount is the sum of its payments. */
	private static void paidAmountsMatchPayments(DSLContext dsl, List<String> violations) {
		Invoice i = INVOICE.as("i");
		InvoicePayment p = INVOICE_PAYMENT.as("p");
		Field<BigDecimal> sum = DSL.field(DSL.select(DSL.coalesce(DSL.sum(p.PAID), ZERO))
			.from(p)
			.where(p.ORGANIZATION_ID.eq(i.ORGANIZATION_ID))
			.and(p.INVOICE_ID.eq(i.ID)));
		dsl.select(i.ORGANIZATION_ID, i.ID, i.PAID_AMOUNT, sum)
			.from(i)
			.where(i.PAID_AMOUNT.ne(sum))
			.forEach((r) -> violations.add("invoice " + r.value2() + " (organization " + r.value1() + "): paid_amount "
					+ r.value3() + " but its payments add up to " + r.value4()));
	}

	/** invoice.written_off_amount is the sum of its write-offs. */
	private static void writtenOffAmountsMatchWriteOffs(DSLContext dsl, List<String> violations) {
		Invoice i = INVOICE.as("i");
		InvoiceWriteOff w = INVOICE_WRITE_OFF.as("w");
		Field<BigDecimal> sum = DSL.field(DSL.select(DSL.coalesce(DSL.sum(w.AMOUNT), ZERO))
			.from(w)
			.where(w.ORGANIZATION_ID.eq(i.ORGANIZATION_ID))
			.and(w.INVOICE_ID.eq(i.ID)));
		dsl.select(i.ORGANIZATION_ID, i.ID, i.WRITTEN_OFF_AMOUNT, sum)
			.from(i)
			.where(i.WRITTEN_OFF_AMOUNT.ne(sum))
			.forEach((r) -> violations.add("invoice " + r.value2() + " (organization " + r.value1()
					+ "): written_off_amount " + r.value3() + " but its write-offs add up to " + r.value4()));
	}

	/**
	 * A live prepayment's unused amount is what it was paid less its net uses on invoices
	 * less its refunds, between zero and what was paid.
	 */
	private static void unusedAmountsMatchUses(DSLContext dsl, List<String> violations) {
		UnallocatedPayment u = UNALLOCATED_PAYMENT.as("u");
		UnallocatedPayment r = UNALLOCATED_PAYMENT.as("r");
		InvoicePayment p = INVOICE_PAYMENT.as("p");
		Field<BigDecimal> used = DSL.field(DSL.select(DSL.coalesce(DSL.sum(p.PAID), ZERO))
			.from(p)
			.where(p.ORGANIZATION_ID.eq(u.ORGANIZATION_ID))
			.and(p.UNALLOCATED_PAYMENT_ID.eq(u.ID)));
		Field<BigDecimal> refunded = DSL.field(DSL.select(DSL.coalesce(DSL.sum(r.PAID), ZERO))
			.from(r)
			.where(r.ORGANIZATION_ID.eq(u.ORGANIZATION_ID))
			.and(r.REFUNDS_ID.eq(u.ID)));
		dsl.select(u.ORGANIZATION_ID, u.ID, u.PAID, u.UNUSED_AMOUNT, used, refunded)
			.from(u)
			.where(u.REFUNDS_ID.isNull())
			.and(u.CANCELLED.isFalse())
			.and(u.UNUSED_AMOUNT.ne(u.PAID.minus(used).plus(refunded))
				.or(u.UNUSED_AMOUNT.lt(ZERO))
				.or(u.UNUSED_AMOUNT.gt(u.PAID)))
			.forEach((x) -> violations
				.add("unallocated payment " + x.value2() + " (organization " + x.value1() + "): paid " + x.value3()
						+ ", used " + x.value5() + ", refunds " + x.value6() + ", so unused should be "
						+ x.value3().subtract(x.value5()).add(x.value6()) + ", but it is " + x.value4()));
		dsl.select(u.ORGANIZATION_ID, u.ID, u.PAID, u.UNUSED_AMOUNT, p.ID)
			.from(u)
			.leftJoin(p)
			.on(p.ORGANIZATION_ID.eq(u.ORGANIZATION_ID))
			.and(p.UNALLOCATED_PAYMENT_ID.eq(u.ID))
			.where(u.REFUNDS_ID.isNotNull())
			.and(u.UNUSED_AMOUNT.ne(ZERO).or(u.PAID.ge(ZERO)).or(p.ID.isNotNull()))
			.forEach((x) -> violations
				.add("refund " + x.value2() + " (organization " + x.value1() + "): paid " + x.value3() + ", unused "
						+ x.value4() + (x.value5() != null ? ", used by payment " + x.value5() : "")
						+ "; a refund is negative, has nothing unused and is never applied"));
		dsl.select(r.ORGANIZATION_ID, r.ID, r.REFUNDS_ID, u.REFUNDS_ID, u.CANCELLED)
			.from(r)
			.join(u)
			.on(u.ORGANIZATION_ID.eq(r.ORGANIZATION_ID))
			.and(u.ID.eq(r.REFUNDS_ID))
			.where(u.REFUNDS_ID.isNotNull().or(r.CLIENT_ID.ne(u.CLIENT_ID)))
			.forEach((x) -> violations.add("refund " + x.value2() + " (organization " + x.value1() + ") refunds "
					+ x.value3() + ", which is a refund itself or of another client"));
	}

	/** A cancelled prepayment has nothing unused and was never used nor refunded. */
	private static void cancelledPrepaymentsAreUntouched(DSLContext dsl, List<String> violations) {
		UnallocatedPayment u = UNALLOCATED_PAYMENT.as("u");
		UnallocatedPayment r = UNALLOCATED_PAYMENT.as("r");
		InvoicePayment p = INVOICE_PAYMENT.as("p");
		dsl.select(u.ORGANIZATION_ID, u.ID, u.UNUSED_AMOUNT)
			.from(u)
			.where(u.CANCELLED.isTrue())
			.and(u.UNUSED_AMOUNT.ne(ZERO)
				.or(DSL.exists(DSL.selectOne()
					.from(p)
					.where(p.ORGANIZATION_ID.eq(u.ORGANIZATION_ID))
					.and(p.UNALLOCATED_PAYMENT_ID.eq(u.ID))))
				.or(DSL.exists(DSL.selectOne()
					.from(r)
					.where(r.ORGANIZATION_ID.eq(u.ORGANIZATION_ID))
					.and(r.REFUNDS_ID.eq(u.ID)))))
			.forEach((x) -> violations.add("cancelled unallocated payment " + x.value2() + " (organization "
					+ x.value1() + "): unused " + x.value3() + ", or it was used or refunded"));
	}

	/**
	 * The credit note rows of a row credit at most its quantity, with the opposite sign,
	 * and only a row of the credit note's original.
	 */
	private static void rowsAreCreditedAtMostOnce(DSLContext dsl, List<String> violations) {
		InvoiceRow row = INVOICE_ROW.as("credited_row");
		InvoiceRow credit = INVOICE_ROW.as("credit_row");
		Invoice note = INVOICE.as("note");
		Field<BigDecimal> credited = DSL.field(DSL.select(DSL.coalesce(DSL.sum(credit.QUANTITY.neg()), ZERO))
			.from(credit)
			.where(credit.ORGANIZATION_ID.eq(row.ORGANIZATION_ID))
			.and(credit.CREDITED_INVOICE_ROW_ID.eq(row.ID)));
		dsl.select(row.ORGANIZATION_ID, row.ID, row.QUANTITY, credited)
			.from(row)
			.where(row.CREDITED_INVOICE_ROW_ID.isNull())
			.and(credited.gt(row.QUANTITY))
			.forEach((x) -> violations.add("invoice row " + x.value2() + " (organization " + x.value1() + "): quantity "
					+ x.value3() + " but credited " + x.value4()));
		dsl.select(credit.ORGANIZATION_ID, credit.ID, credit.QUANTITY, row.ID, row.INVOICE_ID,
				note.CREDIT_NOTE_ORIGINAL_INVOICE_ID, note.CREDIT_NOTE)
			.from(credit)
			.join(row)
			.on(row.ORGANIZATION_ID.eq(credit.ORGANIZATION_ID))
			.and(row.ID.eq(credit.CREDITED_INVOICE_ROW_ID))
			.join(note)
			.on(note.ORGANIZATION_ID.eq(credit.ORGANIZATION_ID))
			.and(note.ID.eq(credit.INVOICE_ID))
			.where(note.CREDIT_NOTE.isFalse()
				.or(note.CREDIT_NOTE_ORIGINAL_INVOICE_ID.ne(row.INVOICE_ID))
				.or(credit.QUANTITY.ne(row.QUANTITY.neg())))
			.forEach((x) -> violations.add("credit row " + x.value2() + " (organization " + x.value1() + ", quantity "
					+ x.value3() + ") credits row " + x.value4() + " of invoice " + x.value5()
					+ " from an invoice crediting " + x.value6() + " (credit note " + x.value7() + ")"));
	}

	/**
	 * A payment is cancelled at most once, by the opposite amount on the same invoice,
	 * and a cancellation is never cancelled.
	 */
	private static void paymentsAreCancelledAtMostOnce(DSLContext dsl, List<String> violations) {
		InvoicePayment original = INVOICE_PAYMENT.as("original");
		InvoicePayment cancellation = INVOICE_PAYMENT.as("cancellation");
		dsl.select(cancellation.ORGANIZATION_ID, cancellation.CANCELS_PAYMENT_ID, DSL.count())
			.from(cancellation)
			.where(cancellation.CANCELS_PAYMENT_ID.isNotNull())
			.groupBy(cancellation.ORGANIZATION_ID, cancellation.CANCELS_PAYMENT_ID)
			.having(DSL.count().gt(1))
			.forEach((x) -> violations.add("payment " + x.value2() + " (organization " + x.value1() + ") is cancelled "
					+ x.value3() + " times"));
		dsl.select(cancellation.ORGANIZATION_ID, cancellation.ID, cancellation.PAID, original.ID, original.PAID,
				original.CANCELS_PAYMENT_ID)
			.from(cancellation)
			.join(original)
			.on(original.ORGANIZATION_ID.eq(cancellation.ORGANIZATION_ID))
			.and(original.ID.eq(cancellation.CANCELS_PAYMENT_ID))
			.where(original.CANCELS_PAYMENT_ID.isNotNull()
				.or(cancellation.PAID.ne(original.PAID.neg()))
				.or(cancellation.INVOICE_ID.ne(original.INVOICE_ID))
				.or(cancellation.PAYMENT_TYPE.ne(original.PAYMENT_TYPE)))
			.forEach((x) -> violations.add("cancellation " + x.value2() + " (organization " + x.value1() + ", paid "
					+ x.value3() + ") of payment " + x.value4() + " (paid " + x.value5() + ", itself cancelling "
					+ x.value6() + ") does not reverse it exactly once"));
	}

	/**
	 * A credit note is settled by a type-12 payment of minus its total on its original
	 * and one of its total on itself, so it owes nothing.
	 */
	private static void creditNotesAreSettled(DSLContext dsl, List<String> violations) {
		Invoice note = INVOICE.as("note");
		InvoicePayment p = INVOICE_PAYMENT.as("p");
		Field<BigDecimal> onOriginal = DSL.field(DSL.select(DSL.coalesce(DSL.sum(p.PAID), ZERO))
			.from(p)
			.where(p.ORGANIZATION_ID.eq(note.ORGANIZATION_ID))
			.and(p.INVOICE_ID.eq(note.CREDIT_NOTE_ORIGINAL_INVOICE_ID))
			.and(p.CREDIT_NOTE_ID.eq(note.ID))
			.and(p.PAYMENT_TYPE.eq((short) 12)));
		Field<BigDecimal> onNote = DSL.field(DSL.select(DSL.coalesce(DSL.sum(p.PAID), ZERO))
			.from(p)
			.where(p.ORGANIZATION_ID.eq(note.ORGANIZATION_ID))
			.and(p.INVOICE_ID.eq(note.ID))
			.and(p.CREDIT_NOTE_ID.eq(note.ID))
			.and(p.PAYMENT_TYPE.eq((short) 12)));
		dsl.select(note.ORGANIZATION_ID, note.ID, note.CREDIT_NOTE_ORIGINAL_INVOICE_ID, note.TOTAL_WITH_VAT, onOriginal,
				onNote)
			.from(note)
			.where(note.CREDIT_NOTE.isTrue())
			.and(note.CREDIT_NOTE_ORIGINAL_INVOICE_ID.isNull()
				.or(note.TOTAL_WITH_VAT.ge(ZERO))
				.or(onOriginal.ne(note.TOTAL_WITH_VAT.neg()))
				.or(onNote.ne(note.TOTAL_WITH_VAT)))
			.forEach((x) -> violations.add("credit note " + x.value2() + " (organization " + x.value1() + ") of "
					+ x.value3() + ": total_with_vat " + x.value4() + ", settled " + x.value5()
					+ " on the original and " + x.value6() + " on itself"));
	}

	/**
	 * What clients paid on an invoice (everything but credit-note settlements), plus what
	 * was written off, never exceeds its total: an overpayment only ever comes from a
	 * credit note.
	 */
	private static void invoicesAreNotOverpaidByClients(DSLContext dsl, List<String> violations) {
		Invoice i = INVOICE.as("i");
		InvoicePayment p = INVOICE_PAYMENT.as("p");
		Field<BigDecimal> byClients = DSL.field(DSL.select(DSL.coalesce(DSL.sum(p.PAID), ZERO))
			.from(p)
			.where(p.ORGANIZATION_ID.eq(i.ORGANIZATION_ID))
			.and(p.INVOICE_ID.eq(i.ID))
			.and(p.CREDIT_NOTE_ID.isNull()));
		dsl.select(i.ORGANIZATION_ID, i.ID, i.TOTAL_WITH_VAT, byClients)
			.from(i)
			.where(i.CREDIT_NOTE.isFalse())
			.and(byClients.plus(i.WRITTEN_OFF_AMOUNT).gt(i.TOTAL_WITH_VAT))
			.forEach((x) -> violations.add("invoice " + x.value2() + " (organization " + x.value1() + "): clients paid "
					+ x.value4() + " (plus what was written off) on a total of " + x.value3()));
	}

}
