package org.vetbill.shared.validation;

import java.time.Clock;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Bean Validation's time constraints ({@code @PastOrPresent}, {@code @Future}, ...)
 * judge "now" by the application clock, like every other use of the current time, rather
 * than by the system clock.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClockConfiguration {

	@Bean
	ValidationConfigurationCustomizer applicationClockForValidation(Clock clock) {
		return (configuration) -> configuration.clockProvider(() -> clock);
	}

}
