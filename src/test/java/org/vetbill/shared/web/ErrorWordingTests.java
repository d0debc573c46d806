package org.vetbill.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How an API words the core's errors: the first catalog that has a key wins, a variant
 * falls back to its code, facts fill the placeholders, and inputs get the API's names.
 */
class ErrorWordingTests {

	private final ErrorWording wording = new ErrorWording(List
		.of(Map.of("overpayment", "{amount} is more than the {due} due on {invoice}"),
				Map.of("overpayment", "default words", "period_locked", "{field} {date} is locked",
						"period_locked.void", "cannot void: {date}", "does_not_exist", "{entity} {id} does not exist")),
			FieldNames::snakeCase);

	@Test
	void theApisOwnCatalogComesFirstAndFactsFillThePlaceholders() {
		assertThat(this.wording.words("overpayment",
				Facts.of("amount", new BigDecimal("1E+1"), "due", new BigDecimal("5.00"), "invoice", 12L)))
			.isEqualTo("10 is more than the 5.00 due on 12");
	}

	@Test
	void aVariantWithoutWordsFallsBackToItsCode() {
		assertThat(this.wording.words("period_locked.void", Facts.of("date", LocalDate.parse("2026-10-31"))))
			.isEqualTo("cannot void: 2026-10-31");
		assertThat(this.wording.words("period_locked.finalize",
				Facts.of("field", "invoice_date", "date", LocalDate.parse("2026-10-31"))))
			.isEqualTo("invoice_date 2026-10-31 is locked");
		// a key no catalog has is named with its facts, never dropped
		assertThat(this.wording.words("unknown_key", Facts.of("id", 3))).isEqualTo("unknown_key {id=3}");
	}

	@Test
	void aRuleNamesTheApisFieldInItsWords() {
		ApiError error = this.wording.apiError(
				new RuleViolation("period_locked", "invoiceDate", Facts.of("date", LocalDate.parse("2026-10-31"))));
		assertThat(error.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(error.field()).isEqualTo("invoice_date");
		assertThat(error.detail()).isEqualTo("invoice_date 2026-10-31 is locked");
	}

	@Test
	void fieldErrorsAreNamedAsTheApiNamesThemUnlessTheClientWroteThem() {
		ApiError error = this.wording.apiError(new InvalidInput(
				List.of(FieldError.of("rows[0].patientId", "does_not_exist", "entity", "patient", "id", 4L),
						FieldError.written("client.id__in", "does_not_exist", "entity", "client", "id", 5L),
						FieldError.worded("Client-Auth", "header is required"))));
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.errors()).containsExactly(
				new ApiError.FieldProblem("rows[0].patient_id", "patient 4 does not exist"),
				new ApiError.FieldProblem("client.id__in", "client 5 does not exist"),
				new ApiError.FieldProblem("Client-Auth", "header is required"));
	}

	@Test
	void aLeafRenamesTheInputsItsRequestNamesOtherwise() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> FieldNames.renamed(Map.of("invoiceId", "invoice", "rowIds", "invoice_rows"), () -> {
				throw new InvalidInput(List.of(FieldError.of("invoiceId", "does_not_exist"),
						FieldError.of("rowIds[2]", "does_not_exist"), FieldError.of("paymentDate", "does_not_exist")));
			}))
			.satisfies((error) -> assertThat(error.errors()).extracting(FieldError::field)
				.containsExactly("invoice", "invoice_rows[2]", "paymentDate"));
		assertThat(this.wording.apiError(new NotFound("invoice", 9L)).detail())
			.isEqualTo("not_found {entity=invoice, id=9}");
	}

}
