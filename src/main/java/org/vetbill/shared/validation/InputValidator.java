package org.vetbill.shared.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.money.Within;
import org.vetbill.shared.web.FieldNames;

import org.springframework.stereotype.Component;

/**
 * Validates the input of a use case: first its Bean Validation constraints, then the
 * rules that tie fields together. Application services call it, so every API dialect gets
 * the same validation; an error names the input's property path
 * ({@code rows[0].quantity}) and carries Bean Validation's message as the fact
 * {@code message}.
 */
@Component
public class InputValidator {

	private final Validator validator;

	InputValidator(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Validates an input, throwing when anything is wrong.
	 * @param input the command or details record
	 * @param rules further checks, run only when the constraints hold
	 * @throws InvalidInput naming every field that is wrong
	 */
	public void validate(Object input, Supplier<List<FieldError>> rules) {
		List<FieldError> errors = constraintErrors(input);
		if (errors.isEmpty()) {
			errors = rules.get();
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	public void validate(Object input) {
		validate(input, List::of);
	}

	private List<FieldError> constraintErrors(Object input) {
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(input)) {
			String field = violation.getPropertyPath().toString();
			if (violation.getConstraintDescriptor().getAnnotation() instanceof Within within) {
				errors.add(within.value().problem(field));
			}
			else {
				errors.add(FieldError.of(field, "constraint", "message", violation.getMessage()));
			}
		}
		// a figure beyond its bound is told once, not also as too many digits
		List<String> beyond = errors.stream()
			.filter((error) -> error.code().equals(Within.CODE))
			.map(FieldError::field)
			.toList();
		errors.removeIf((error) -> !error.code().equals(Within.CODE) && beyond.contains(error.field()));
		// in the order of the fields' names as the APIs write them
		errors.sort(Comparator.comparing((error) -> FieldNames.snakeCase(error.field())));
		return errors;
	}

}
