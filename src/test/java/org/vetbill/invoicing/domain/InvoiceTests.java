package org.vetbill.invoicing.domain;

import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.PeriodLock;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.money.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class InvoiceTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

	private final AtomicLong sequence = new AtomicLong(41);

	private static Invoice invoice(InvoiceStatus status, @Nullable LocalDate date, @Nullable LocalDate due,
			String paid) {
		return new Invoice(12, 7, status, false, date, due, Money.of(paid, EUR), !paid.equals("0"));
	}

	private static Invoice draft() {
		return invoice(InvoiceStatus.DRAFT, null, null, "0");
	}

	private static ClientDetails client(@Nullable Integer terms) {
		return new ClientDetails(2, "Anna", "Virtanen", "Acme GmbH", "DE123456789", "HRB 1", "Street 1", "Floor 2",
				"01067", "Dresden", "Saxony", "DE", "anna@example.com", terms, null, false);
	}

	private Finalization.Terms terms(@Nullable LocalDate requested, @Nullable ClientDetails client, PeriodLock lock,
			int rows) {
		return new Finalization.Terms(requested, InvoiceStatus.FINALIZED, TODAY, lock, client, 14, "INV",
				ReferenceNumberFormat.FINNISH, rows);
	}

	@Test
	void finalizingTakesTheNextNumberAndSnapshotsThePayer() {
		Finalization.Result result = draft().finalize(terms(null, client(30), PeriodLock.NONE, 2),
				this.sequence::incrementAndGet);
		assertThat(result.status()).isEqualTo(InvoiceStatus.FINALIZED);
		assertThat(result.invoiceNumber()).isEqualTo(42);
		assertThat(result.invoicePrefix()).isEqualTo("INV");
		assertThat(result.referenceNumber()).isEqualTo(ReferenceNumbers.finnish("7000000042"));
		assertThat(result.invoiceDate()).isEqualTo(TODAY);
		assertThat(result.invoiceDueDate()).isEqualTo(TODAY.plusDays(30));
		assertThat(result.payer()).isEqualTo(new Payer("Anna Virtanen", "Acme GmbH", "DE123456789", "HRB 1", "DE",
				"Street 1", "Floor 2", "01067", "Dresden", "Saxony"));
	}

	@Test
	void theDueDateFollowsTheOrganizationsTermsWhenTheClientHasNone() {
		Finalization.Result result = draft().finalize(terms(null, client(null), PeriodLock.NONE, 1),
				this.sequence::incrementAndGet);
		assertThat(result.invoiceDueDate()).isEqualTo(TODAY.plusDays(14));
	}

	@Test
	void aCountersaleWithoutClientHasNoPayer() {
		Finalization.Result result = draft().finalize(terms(null, null, PeriodLock.NONE, 1),
				this.sequence::incrementAndGet);
		assertThat(result.payer()).isEqualTo(Payer.NONE);
		assertThat(result.invoiceDueDate()).isEqualTo(TODAY.plusDays(14));
	}

	@Test
	void theDatesOfTheDraftOrOfTheRequestAreKept() {
		Invoice dated = invoice(InvoiceStatus.OPEN, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-24"), "0");
		Finalization.Result result = dated.finalize(terms(null, client(30), PeriodLock.NONE, 1),
				this.sequence::incrementAndGet);
		assertThat(result.invoiceDate()).isEqualTo(LocalDate.parse("2026-11-01"));
		assertThat(result.invoiceDueDate()).isEqualTo(LocalDate.parse("2026-12-24"));
		Finalization.Result requested = dated.finalize(
				terms(LocalDate.parse("2026-11-20"), client(30), PeriodLock.NONE, 1), this.sequence::incrementAndGet);
		assertThat(requested.invoiceDate()).isEqualTo(LocalDate.parse("2026-11-20"));
	}

	@Test
	void aDateInsideTheLockedPeriodIsRefusedWithoutTakingANumber() {
		PeriodLock lock = new PeriodLock(LocalDate.parse("2026-11-01"), false, null);
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> draft().finalize(terms(LocalDate.parse("2026-10-31"), null, lock, 1),
					this.sequence::incrementAndGet))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("period_locked");
				assertThat(ex.field()).isEqualTo("invoiceDate");
				assertThat(ex.facts()).containsEntry("lockDate", LocalDate.parse("2026-11-01"));
			});
		assertThat(this.sequence.get()).isEqualTo(41);
	}

	@Test
	void anEmptyInvoiceIsNotFinalized() {
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> draft().finalize(terms(null, null, PeriodLock.NONE, 0), this.sequence::incrementAndGet))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invoice_empty"));
		assertThat(this.sequence.get()).isEqualTo(41);
	}

	@Test
	void aDueDateBeforeTheInvoiceDateIsInvalid() {
		Invoice draft = invoice(InvoiceStatus.DRAFT, null, LocalDate.parse("2026-11-01"), "0");
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> draft.finalize(terms(null, null, PeriodLock.NONE, 1), this.sequence::incrementAndGet))
			.satisfies((ex) -> assertThat(ex.errors()).extracting("field").containsExactly("invoiceDueDate"));
	}

	@Test
	void onlyDraftsAreFinalizedAndOnlyToStatusThreeOrFour() {
		Invoice finalized = invoice(InvoiceStatus.FINALIZED, TODAY, TODAY, "0");
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> finalized.finalize(terms(null, null, PeriodLock.NONE, 1), this.sequence::incrementAndGet))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("invoice_not_editable");
				assertThat(ex.variant()).as("advises a credit note").isEqualTo("issued");
			});
		Finalization.Terms toVoid = new Finalization.Terms(null, InvoiceStatus.VOIDED, TODAY, PeriodLock.NONE, null, 14,
				"", ReferenceNumberFormat.NONE, 1);
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> draft().finalize(toVoid, this.sequence::incrementAndGet));
		Finalization.Terms toInvoicing = new Finalization.Terms(null, InvoiceStatus.INVOICING, TODAY, PeriodLock.NONE,
				null, 14, "", ReferenceNumberFormat.NONE, 1);
		Finalization.Result result = draft().finalize(toInvoicing, this.sequence::incrementAndGet);
		assertThat(result.status()).isEqualTo(InvoiceStatus.INVOICING);
		assertThat(result.referenceNumber()).isNull();
	}

	@Test
	void draftsMoveAmongTheDraftStatusesAndIssuedOnesBetweenThreeAndFour() {
		assertThat(draft().changeStatus(InvoiceStatus.OPEN)).isEqualTo(InvoiceStatus.OPEN);
		assertThat(invoice(InvoiceStatus.SENT, null, null, "0").changeStatus(InvoiceStatus.DRAFT))
			.isEqualTo(InvoiceStatus.DRAFT);
		assertThat(invoice(InvoiceStatus.FINALIZED, TODAY, TODAY, "0").changeStatus(InvoiceStatus.INVOICING))
			.isEqualTo(InvoiceStatus.INVOICING);
		assertThat(invoice(InvoiceStatus.INVOICING, TODAY, TODAY, "0").changeStatus(InvoiceStatus.FINALIZED))
			.isEqualTo(InvoiceStatus.FINALIZED);
		assertThat(draft().changeStatus(InvoiceStatus.DRAFT)).isEqualTo(InvoiceStatus.DRAFT);
	}

	@Test
	void statusChangesThatNeedAnActionSaySo() {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> draft().changeStatus(InvoiceStatus.FINALIZED))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("use_finalize"));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> draft().changeStatus(InvoiceStatus.VOIDED))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("use_void"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> invoice(InvoiceStatus.FINALIZED, TODAY, TODAY, "0").changeStatus(InvoiceStatus.DRAFT))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid_status_change"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> invoice(InvoiceStatus.VOIDED, TODAY, TODAY, "0").changeStatus(InvoiceStatus.DRAFT))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid_status_change"));
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(
					() -> invoice(InvoiceStatus.FINALIZED, TODAY, TODAY, "5.00").changeStatus(InvoiceStatus.INVOICING))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invoice_has_payments"));
	}

	@Test
	void draftsAndUnpaidFinalizedInvoicesInAnOpenPeriodMayBeVoided() {
		PeriodLock lock = new PeriodLock(LocalDate.parse("2026-11-01"), false, null);
		assertThatNoException().isThrownBy(() -> draft().checkVoidable(lock, TODAY));
		assertThatNoException()
			.isThrownBy(() -> invoice(InvoiceStatus.FINALIZED, LocalDate.parse("2026-11-02"), TODAY, "0")
				.checkVoidable(lock, TODAY));
		assertThatNoException()
			.isThrownBy(() -> invoice(InvoiceStatus.INVOICING, LocalDate.parse("2026-11-02"), TODAY, "0")
				.checkVoidable(lock, TODAY));
	}

	@Test
	void everythingElseIsCorrectedWithACreditNote() {
		PeriodLock lock = new PeriodLock(LocalDate.parse("2026-11-01"), false, null);
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> invoice(InvoiceStatus.FINALIZED, TODAY, TODAY, "10.00").checkVoidable(lock, TODAY))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("invoice_has_payments");
				assertThat(ex.variant()).as("advises a credit note").isEqualTo("not_voidable");
			});
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> invoice(InvoiceStatus.FINALIZED, LocalDate.parse("2026-10-31"), TODAY, "0")
				.checkVoidable(lock, TODAY))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("period_locked");
				assertThat(ex.variant()).as("advises a credit note").isEqualTo("not_voidable");
				assertThat(ex.facts()).containsEntry("lockDate", LocalDate.parse("2026-11-01"));
			});
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> invoice(InvoiceStatus.VOIDED, TODAY, TODAY, "0").checkVoidable(lock, TODAY))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invoice_voided"));
		Invoice creditNote = new Invoice(13, 7, InvoiceStatus.FINALIZED, true, TODAY, TODAY, Money.zero(EUR), false);
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> creditNote.checkVoidable(lock, TODAY))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("credit_note_not_voidable"));
	}

	@Test
	void onlyDraftsAreEditable() {
		assertThatNoException().isThrownBy(() -> invoice(InvoiceStatus.SENT, null, null, "0").requireDraft());
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> invoice(InvoiceStatus.VOIDED, TODAY, TODAY, "0").requireDraft())
			.satisfies((ex) -> assertThat(ex.variant()).as("no credit note for a voided invoice").isNull());
		assertThat(InvoiceStatus.ofCode(5)).isNull();
		assertThat(InvoiceStatus.of(99)).isEqualTo(InvoiceStatus.VOIDED);
		assertThat(InvoiceStatus.FINALIZED.isPayable()).isTrue();
		assertThat(InvoiceStatus.INVOICING.isPayable()).isFalse();
	}

}
