package org.vetbill.shared.money;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A decimal input lies within one of the {@link Bound bounds} every API shares; the input
 * validator words a breach as {@code beyond_bound}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Within.Check.class)
public @interface Within {

	/** The code of the error, the key of its wording. */
	String CODE = Bound.CODE;

	/**
	 * The bound.
	 * @return the bound
	 */
	Bound value();

	String message() default "beyond_bound";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a value against the bound; a null value is another constraint's concern.
	 */
	class Check implements ConstraintValidator<Within, BigDecimal> {

		private Bound bound = Bound.AMOUNT;

		@Override
		public void initialize(Within within) {
			this.bound = within.value();
		}

		@Override
		public boolean isValid(@Nullable BigDecimal value, ConstraintValidatorContext context) {
			return value == null || this.bound.admits(value);
		}

	}

}
