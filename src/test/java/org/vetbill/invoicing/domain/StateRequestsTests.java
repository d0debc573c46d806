package org.vetbill.invoicing.domain;

import org.junit.jupiter.api.Test;
import org.vetbill.invoicing.domain.StateRequests.Step;
import org.vetbill.shared.error.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.vetbill.invoicing.domain.InvoiceState.DRAFT;
import static org.vetbill.invoicing.domain.InvoiceState.ISSUED;
import static org.vetbill.invoicing.domain.InvoiceState.PAID;
import static org.vetbill.invoicing.domain.InvoiceState.PARTIALY_PAID;
import static org.vetbill.invoicing.domain.InvoiceState.VOID;
import static org.vetbill.invoicing.domain.InvoiceState.WRITTEN_OFF;

/**
 * Asking for an invoice's state: which step each request takes, and why the others are
 * refused.
 */
class StateRequestsTests {

	@Test
	void aNewInvoiceIsCreatedAsADraftOrIssued() {
		assertThatNoException().isThrownBy(() -> StateRequests.checkNew(DRAFT));
		assertThatNoException().isThrownBy(() -> StateRequests.checkNew(ISSUED));
		assertRefused(() -> StateRequests.checkNew(PAID), "new_follows_payments");
		assertRefused(() -> StateRequests.checkNew(PARTIALY_PAID), "new_follows_payments");
		assertRefused(() -> StateRequests.checkNew(VOID), "new_void_by_voiding");
		assertRefused(() -> StateRequests.checkNew(WRITTEN_OFF), "new_written_off_by_write_off");
	}

	@Test
	void thePaidStatesFollowFromPaymentsAndAreNeverAskedFor() {
		assertRefused(() -> StateRequests.checkRequestable(ISSUED, PAID), "follows_payments");
		assertRefused(() -> StateRequests.checkRequestable(PAID, PARTIALY_PAID), "follows_payments");
		// an invoice already in the state may be sent back as it is
		assertThatNoException().isThrownBy(() -> StateRequests.checkRequestable(PAID, PAID));
		assertThatNoException().isThrownBy(() -> StateRequests.checkRequestable(ISSUED, VOID));
	}

	@Test
	void theSameStateTakesNoStep() {
		for (InvoiceState state : InvoiceState.values()) {
			assertThat(StateRequests.step(state, state)).as(state.name()).isEqualTo(Step.NONE);
		}
	}

	@Test
	void aDraftIsIssuedByFinalizingIt() {
		assertThat(StateRequests.step(DRAFT, ISSUED)).isEqualTo(Step.FINALIZE);
		assertRefused(() -> StateRequests.step(PARTIALY_PAID, ISSUED), "issued_follows_payments");
		assertRefused(() -> StateRequests.step(PAID, ISSUED), "issued_follows_payments");
		assertRefused(() -> StateRequests.step(VOID, ISSUED), "final");
		assertRefused(() -> StateRequests.step(WRITTEN_OFF, ISSUED), "final");
	}

	@Test
	void voidingIsTheStepToVoidUnlessTheInvoiceIsWrittenOff() {
		assertThat(StateRequests.step(DRAFT, VOID)).isEqualTo(Step.VOID);
		assertThat(StateRequests.step(ISSUED, VOID)).isEqualTo(Step.VOID);
		// voiding's own rules then refuse an invoice with payments
		assertThat(StateRequests.step(PARTIALY_PAID, VOID)).isEqualTo(Step.VOID);
		assertRefused(() -> StateRequests.step(WRITTEN_OFF, VOID), "final");
	}

	@Test
	void onlyAnIssuedInvoiceIsWrittenOff() {
		assertThat(StateRequests.step(ISSUED, WRITTEN_OFF)).isEqualTo(Step.WRITE_OFF);
		assertThat(StateRequests.step(PARTIALY_PAID, WRITTEN_OFF)).isEqualTo(Step.WRITE_OFF);
		assertRefused(() -> StateRequests.step(DRAFT, WRITTEN_OFF), "not_writable_off");
		assertRefused(() -> StateRequests.step(VOID, WRITTEN_OFF), "not_writable_off");
	}

	@Test
	void nothingReturnsToDraft() {
		for (InvoiceState state : new InvoiceState[] { ISSUED, PARTIALY_PAID, PAID, VOID, WRITTEN_OFF }) {
			assertRefused(() -> StateRequests.step(state, DRAFT), "no_return_to_draft");
		}
	}

	@Test
	void onlyADraftIsDeleted() {
		assertThatNoException().isThrownBy(() -> StateRequests.checkDeletable(DRAFT));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> StateRequests.checkDeletable(ISSUED))
			.satisfies((error) -> assertThat(error.code()).isEqualTo("invoice_not_deletable"))
			.satisfies((error) -> assertThat(error.facts()).containsEntry("state", ISSUED));
	}

	@Test
	void aRefusalNamesTheStatusAndBothStates() {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> StateRequests.step(PAID, DRAFT))
			.satisfies((error) -> assertThat(error.code()).isEqualTo(StateRequests.NOT_REQUESTABLE))
			.satisfies((error) -> assertThat(error.field()).isEqualTo("status"))
			.satisfies(
					(error) -> assertThat(error.facts()).containsEntry("state", PAID).containsEntry("target", DRAFT));
	}

	private static void assertRefused(Runnable request, String variant) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(request::run)
			.satisfies((error) -> assertThat(error.code()).isEqualTo(StateRequests.NOT_REQUESTABLE))
			.satisfies((error) -> assertThat(error.variant()).isEqualTo(variant));
	}

}
