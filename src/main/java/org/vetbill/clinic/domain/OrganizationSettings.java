package org.vetbill.clinic.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.vetbill.shared.error.FieldError;

/**
 * The settings of an organization (tenant) that shape its invoices.
 *
 * @param name the organization's name
 * @param currency ISO 4217 code of the currency it bills in; fixed once created
 * @param country ISO 3166-1 alpha-2 code
 * @param timeZone IANA time zone that decides what "today" is for dates and period locks
 * @param referenceNumberFormat how finalized invoices get their payment reference
 * @param pricesIncludeVat whether item prices are gross (VAT derived from them) or net
 * @param defaultPaymentTermsDays days from invoice date to due date for clients without
 * their own terms
 */
public record OrganizationSettings(@NotBlank @Size(max = 200) String name, @NotNull String currency,
		@NotNull String country, @NotNull String timeZone, @NotNull ReferenceNumberFormat referenceNumberFormat,
		@NotNull Boolean pricesIncludeVat, @NotNull @Min(0) @Max(365) Integer defaultPaymentTermsDays) {

	/**
	 * Checks the codes Bean Validation cannot.
	 * @return the problems found, empty when valid
	 */
	public List<FieldError> problems() {
		List<FieldError> problems = new ArrayList<>();
		if (!Codes.isCurrency(this.currency)) {
			problems.add(FieldError.of("currency", "not_a_currency_code", "currency", this.currency));
		}
		if (!Codes.isCountry(this.country)) {
			problems.add(FieldError.of("country", "not_a_country_code", "country", this.country));
		}
		if (!Codes.isTimeZone(this.timeZone)) {
			problems.add(FieldError.of("timeZone", "not_a_time_zone", "timeZone", this.timeZone));
		}
		return problems;
	}

}
