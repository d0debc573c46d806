package org.vetbill.payments.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vetbill.invoicing.domain.CreditedRows;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.invoicing.domain.InvoiceStatus;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The rules of prepayments (refunds, use on invoices, cancellation), of payment
 * cancellations, and of which rows a credit note credits.
 */
class PrepaymentAndCancellationTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static Money eur(String amount) {
		return Money.of(amount, EUR);
	}

	private static final Prepayment DEPOSIT = new Prepayment(50, 7, eur("300.00"), null, false);

	private static InvoiceBalance due(String amount) {
		return new InvoiceBalance(12, InvoiceStatus.FINALIZED, false, eur(amount), eur("0"), eur("0"));
	}

	@Test
	void aRefundIsNegativeToTheSameClientAndNeverMoreThanIsUnused() {
		assertThatNoException().isThrownBy(() -> DEPOSIT.checkRefund(7, eur("-300.00")));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> DEPOSIT.checkRefund(7, eur("-300.01")))
			.satisfies((error) -> assertThat(error.field()).isEqualTo("paid"))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("refund_exceeds_unused"))
			.satisfies((error) -> assertThat(error.facts()).containsEntry("refund", new BigDecimal("300.01"))
				.containsEntry("unused", new BigDecimal("300.00"))
				.containsEntry("prepayment", 50L));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> DEPOSIT.checkRefund(7, eur("10")))
			.satisfies((error) -> assertThat(error.errors().get(0).field()).isEqualTo("paid"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> DEPOSIT.checkRefund(8, eur("-10")))
			.satisfies((error) -> assertThat(error.errors().get(0).field()).isEqualTo("clientId"));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new Prepayment(51, 7, eur("0"), 50L, false).checkRefund(7, eur("-1")))
			.satisfies((error) -> assertThat(error.errors().get(0).field()).isEqualTo("refundsId"));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new Prepayment(52, 7, eur("0"), null, true).checkRefund(7, eur("-1")));
	}

	@Test
	void aPrepaymentPaysAsMuchAsBothAllowOrWhatIsAskedWithinTheirLimits() {
		assertThat(DEPOSIT.toApply(7L, null, due("120.00"))).isEqualTo(eur("120.00"));
		assertThat(DEPOSIT.toApply(7L, null, due("500.00"))).isEqualTo(eur("300.00"));
		assertThat(DEPOSIT.toApply(7L, eur("20.00"), due("500.00"))).isEqualTo(eur("20.00"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> DEPOSIT.toApply(7L, eur("301"), due("500")))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("prepayment_insufficient"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> DEPOSIT.toApply(7L, eur("130"), due("120")))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("overpayment"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> DEPOSIT.toApply(8L, null, due("120")));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> DEPOSIT.toApply(null, null, due("120")));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> DEPOSIT.toApply(7L, null,
					new InvoiceBalance(12, InvoiceStatus.DRAFT, false, eur("10"), eur("0"), eur("0"))))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("invoice_not_payable"));
	}

	@Test
	void onlyAnUntouchedPrepaymentThatIsNoRefundCanBeCancelled() {
		assertThatNoException().isThrownBy(() -> DEPOSIT.requireCancellable(false));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> DEPOSIT.requireCancellable(true))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("prepayment_in_use"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> new Prepayment(51, 7, eur("0"), 50L, false).requireCancellable(false))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("refund_not_cancellable"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> new Prepayment(52, 7, eur("0"), null, true).requireCancellable(false))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("prepayment_cancelled"));
	}

	@Test
	void aPaymentIsCancelledOnceAndNeitherCancellationsNorSettlementsNorMovesAreCancelled() {
		assertThatNoException().isThrownBy(
				() -> new RecordedPayment(1, PaymentType.CARD, null, null, null, null, null).requireCancellable());
		assertThatNoException().isThrownBy(
				() -> new RecordedPayment(1, PaymentType.PREPAYMENT, null, null, null, 50L, null).requireCancellable());
		assertThatNoException()
			.isThrownBy(() -> new RecordedPayment(1, PaymentType.CREDIT_INVOICE, null, null, null, null, null)
				.requireCancellable());
		assertThat(code(new RecordedPayment(1, PaymentType.CARD, null, null, 2L, null, null)))
			.isEqualTo("payment_already_cancelled");
		assertThat(code(new RecordedPayment(2, PaymentType.CARD, null, 1L, null, null, null)))
			.isEqualTo("cancellation_not_cancellable");
		assertThat(code(new RecordedPayment(3, PaymentType.CREDIT_INVOICE, null, null, null, null, 9L)))
			.isEqualTo("credit_settlement_not_cancellable");
		assertThat(code(new RecordedPayment(4, PaymentType.PREPAYMENT, "moved", null, null, null, null)))
			.isEqualTo("overpayment_move_not_cancellable");
	}

	private static String code(RecordedPayment payment) {
		try {
			payment.requireCancellable();
		}
		catch (RuleViolation ex) {
			return ex.code();
		}
		return "cancellable";
	}

	@Test
	void aCreditNoteCreditsEachRowOfItsInvoiceOnce() {
		assertThat(CreditedRows.full(12, List.of(1L, 2L, 3L), Set.of(2L))).containsExactly(1L, 3L);
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> CreditedRows.full(12, List.of(1L, 2L), Set.of(1L, 2L)))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("already_credited"));
		assertThat(CreditedRows.partial(12, List.of(1L, 2L, 3L), Set.of(), List.of(3L, 1L))).containsExactly(3L, 1L);
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> CreditedRows.partial(12, List.of(1L, 2L, 3L), Set.of(2L), List.of(2L, 9L, 1L, 1L)))
			.satisfies((error) -> assertThat(error.errors())
				.extracting((e) -> e.field() + ": " + e.code() + " " + e.facts())
				.containsExactly("rowIds[0]: row_already_credited {row=2}",
						"rowIds[1]: row_not_of_invoice {row=9, invoice=12}", "rowIds[3]: row_named_twice {row=1}"));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> CreditedRows.partial(12, List.of(1L), Set.of(), List.of()));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> CreditedRows.partial(12, List.of(1L), Set.of(), Arrays.asList(1L, null)))
			.satisfies((error) -> assertThat(error.errors()).extracting((e) -> e.field() + ": " + e.code())
				.containsExactly("rowIds[1]: row_id_missing"));
	}

}
