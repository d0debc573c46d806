package org.vetbill.invoicing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The rules of payments on an invoice: what is due, when it is settled, what a client may
 * pay, and what an overpayment is.
 */
class InvoiceBalanceTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static Money eur(String amount) {
		return Money.of(amount, EUR);
	}

	private static InvoiceBalance balance(InvoiceStatus status, String total, String paid, String writtenOff) {
		return new InvoiceBalance(12, status, false, eur(total), eur(paid), eur(writtenOff));
	}

	private static InvoiceBalance finalized(String total, String paid) {
		return balance(InvoiceStatus.FINALIZED, total, paid, "0");
	}

	@Test
	void dueIsTotalLessPaidLessWrittenOff() {
		assertThat(balance(InvoiceStatus.FINALIZED, "124.00", "24.00", "0").due()).isEqualTo(eur("100.00"));
		assertThat(balance(InvoiceStatus.FINALIZED, "124.00", "24.00", "100.00").due()).isEqualTo(eur("0.00"));
		assertThat(finalized("124.00", "130.00").due()).isEqualTo(eur("-6.00"));
	}

	@Test
	void anInvoiceIsSettledWhenNothingIsDueOrItIsOverpaid() {
		assertThat(finalized("124.00", "0").settled()).isFalse();
		assertThat(finalized("124.00", "123.99").settled()).isFalse();
		assertThat(finalized("124.00", "124.00").settled()).isTrue();
		assertThat(finalized("124.00", "130.00").settled()).isTrue();
	}

	@Test
	void aCreditNoteIsSettledByItsNegativeSettlement() {
		InvoiceBalance note = new InvoiceBalance(13, InvoiceStatus.FINALIZED, true, eur("-124.00"), eur("0"), eur("0"));
		assertThat(note.settled()).isFalse();
		assertThat(note.pay(eur("-124.00")).settled()).isTrue();
		assertThat(note.pay(eur("-124.00")).due()).isEqualTo(eur("0.00"));
	}

	@Test
	void paymentsAreAcceptedOnlyOnFinalizedInvoices() {
		assertThatNoException().isThrownBy(() -> finalized("10", "0").requirePayable("invoice"));
		for (InvoiceStatus status : new InvoiceStatus[] { InvoiceStatus.DRAFT, InvoiceStatus.SENT, InvoiceStatus.OPEN,
				InvoiceStatus.INVOICING, InvoiceStatus.VOIDED }) {
			assertThatExceptionOfType(RuleViolation.class)
				.isThrownBy(() -> balance(status, "10", "0", "0").requirePayable("invoice"))
				.satisfies((error) -> assertThat(error.code()).isEqualTo("invoice_not_payable"))
				.satisfies((error) -> assertThat(error.field()).isEqualTo("invoice"))
				.satisfies((error) -> assertThat(error.facts()).containsEntry("statusCode", status.code()));
		}
	}

	@Test
	void aPaymentIsPositiveAndNeverMoreThanIsDue() {
		InvoiceBalance balance = finalized("124.00", "100.00");
		assertThatNoException().isThrownBy(() -> balance.checkPayment(eur("24.00"), "paid"));
		assertThatNoException().isThrownBy(() -> balance.checkPayment(eur("0.01"), "paid"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> balance.checkPayment(eur("24.01"), "paid"))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("overpayment"))
			.satisfies((error) -> assertThat(error.field()).isEqualTo("paid"))
			.satisfies((error) -> assertThat(error.facts()).containsEntry("amount", new BigDecimal("24.01"))
				.containsEntry("due", new BigDecimal("24.00")));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> balance.checkPayment(eur("0"), "paid"))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("payment_not_positive"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> balance.checkPayment(eur("-5"), "paid"))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("payment_not_positive"));
	}

	@Test
	void nothingCanBePaidOnAnOverpaidOrWrittenOffInvoice() {
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> finalized("124.00", "130.00").checkPayment(eur("1"), "paid"))
			.satisfies((error) -> assertThat(error.facts()).containsEntry("due", new BigDecimal("0.00")));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(
					() -> balance(InvoiceStatus.FINALIZED, "124.00", "24.00", "100.00").checkPayment(eur("1"), "paid"))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("overpayment"));
	}

	@Test
	void aWriteOffTakesWhatAnIssuedInvoiceStillOwes() {
		assertThat(finalized("124.00", "24.00").writeOff()).isEqualTo(eur("100.00"));
		assertThat(balance(InvoiceStatus.INVOICING, "124.00", "0", "0").writeOff()).isEqualTo(eur("124.00"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> finalized("124.00", "124.00").writeOff())
			.satisfies((error) -> assertThat(error.code()).isEqualTo("nothing_due"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> balance(InvoiceStatus.DRAFT, "124.00", "0", "0").writeOff())
			.satisfies((error) -> assertThat(error.code()).isEqualTo("invoice_not_writable_off"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(
				() -> new InvoiceBalance(13, InvoiceStatus.FINALIZED, true, eur("-10"), eur("0"), eur("0")).writeOff())
			.satisfies((error) -> assertThat(error.code()).isEqualTo("invoice_not_writable_off"));
	}

	@Test
	void anOverpaymentIsWhatWasPaidBeyondTheTotal() {
		assertThat(finalized("124.00", "130.50").overpayment()).isEqualTo(eur("6.50"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> finalized("124.00", "124.00").overpayment())
			.satisfies((error) -> assertThat(error.code()).isEqualTo("no_overpayment"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> finalized("124.00", "20.00").overpayment());
	}

	@Test
	void onlyAClientPaymentTypeOtherThanPrepaymentIsRecordable() {
		assertThat(PaymentType.PREPAYMENT.recordable()).isFalse();
		assertThat(PaymentType.CARD.recordable()).isTrue();
		assertThat(PaymentType.CREDIT_INVOICE.recordable()).isTrue();
		assertThat(PaymentType.ofCode(13)).isNull();
		assertThat(PaymentType.ofCode(15)).isEqualTo(PaymentType.INSURANCE_CLAIM);
		assertThat(PaymentType.RECORDABLE_CODES).isEqualTo("0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 15");
	}

	@Test
	void onlyAFinalizedInvoiceThatIsNoCreditNoteCanBeCredited() {
		LocalDate date = LocalDate.parse("2026-11-21");
		Money zero = eur("0");
		assertThatNoException().isThrownBy(
				() -> new Invoice(1, 1, InvoiceStatus.FINALIZED, false, date, date, zero, false).requireCreditable());
		assertThatNoException().isThrownBy(
				() -> new Invoice(1, 1, InvoiceStatus.INVOICING, false, date, date, zero, false).requireCreditable());
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(
					() -> new Invoice(1, 1, InvoiceStatus.FINALIZED, true, date, date, zero, false).requireCreditable())
			.satisfies((error) -> assertThat(error.code()).isEqualTo("credit_note_not_creditable"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(
					() -> new Invoice(1, 1, InvoiceStatus.DRAFT, false, null, null, zero, false).requireCreditable())
			.satisfies((error) -> assertThat(error.code()).isEqualTo("invoice_not_finalized"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(
					() -> new Invoice(1, 1, InvoiceStatus.VOIDED, false, date, date, zero, false).requireCreditable())
			.satisfies((error) -> assertThat(error.code()).isEqualTo("invoice_voided"));
	}

}
