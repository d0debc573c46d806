package org.vetbill.clinic.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;

/**
 * A client (the animal owner who pays) as the clinic records it.
 *
 * @param customerType 0 private person, 1 company, 2 EU company, 3 charity, 4 UK charity
 * @param firstname first name of a person
 * @param lastname last name of a person; required for private clients
 * @param organizationName name of a company or charity; required for those
 * @param vatNumber EU VAT number (country prefix and number); required for EU companies
 * @param registerNumber company register number
 * @param streetAddress address line 1
 * @param streetAddress2 address line 2
 * @param zipCode postal code, kept as text (leading zeros matter)
 * @param city city
 * @param state state or region
 * @param country ISO 3166-1 alpha-2 country code
 * @param email e-mail address
 * @param paymentTermsDays days from invoice date to due date; null for the organization's
 * default
 * @param homeDepartmentId the department the client usually visits
 * @param archived whether the client is archived
 */
public record ClientDetails(@NotNull @Min(0) @Max(4) Integer customerType, @Nullable @Size(max = 100) String firstname,
		@Nullable @Size(max = 100) String lastname, @Nullable @Size(max = 200) String organizationName,
		@Nullable String vatNumber, @Nullable @Size(max = 50) String registerNumber,
		@Nullable @Size(max = 200) String streetAddress, @Nullable @Size(max = 200) String streetAddress2,
		@Nullable @Size(max = 20) String zipCode, @Nullable @Size(max = 100) String city,
		@Nullable @Size(max = 100) String state, @Nullable String country,
		@Nullable @Email @Size(max = 254) String email, @Nullable @Min(0) @Max(365) Integer paymentTermsDays,
		@Nullable Long homeDepartmentId, boolean archived) {

	public CustomerType type() {
		CustomerType type = CustomerType.ofCode(this.customerType);
		if (type == null) {
			throw new IllegalStateException("customer_type " + this.customerType + " was not validated");
		}
		return type;
	}

	/**
	 * The person's name, or the organization's when there is no person.
	 * @return the name a payer is invoiced under
	 */
	public String fullName() {
		String person = ((this.firstname == null ? "" : this.firstname.trim()) + " "
				+ (this.lastname == null ? "" : this.lastname.trim()))
			.trim();
		if (!person.isEmpty()) {
			return person;
		}
		return (this.organizationName == null) ? "" : this.organizationName.trim();
	}

	/**
	 * Checks the rules that tie fields together.
	 * @return the problems found, empty when valid
	 */
	public List<FieldError> problems() {
		List<FieldError> problems = new ArrayList<>();
		CustomerType type = CustomerType.ofCode(this.customerType);
		if (type == null) {
			return problems;
		}
		if (!type.isOrganization() && isBlank(this.lastname)) {
			problems.add(FieldError.of("lastname", "required_for_private_client"));
		}
		if (type.isOrganization() && isBlank(this.organizationName)) {
			problems.add(FieldError.of("organizationName", "required_for_organization_client"));
		}
		if (type == CustomerType.EU_COMPANY && isBlank(this.vatNumber)) {
			problems.add(FieldError.of("vatNumber", "required_for_eu_company"));
		}
		if (!isBlank(this.vatNumber) && !Codes.isVatNumber(this.vatNumber)) {
			problems.add(FieldError.of("vatNumber", "not_a_vat_number", "vatNumber", this.vatNumber));
		}
		if (this.country != null && !Codes.isCountry(this.country)) {
			problems.add(FieldError.of("country", "not_a_country_code", "country", this.country));
		}
		return problems;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The same client, archived or restored.
	 * @param archived whether archived
	 * @return the client's details with that flag
	 */
	public ClientDetails withArchived(boolean archived) {
		return new ClientDetails(this.customerType, this.firstname, this.lastname, this.organizationName,
				this.vatNumber, this.registerNumber, this.streetAddress, this.streetAddress2, this.zipCode, this.city,
				this.state, this.country, this.email, this.paymentTermsDays, this.homeDepartmentId, archived);
	}

}
