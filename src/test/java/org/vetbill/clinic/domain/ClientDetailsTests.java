package org.vetbill.clinic.domain;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDetailsTests {

	static ClientDetails client(int type, @Nullable String lastname, @Nullable String organization,
			@Nullable String vatNumber, @Nullable String country) {
		return new ClientDetails(type, "Anna", lastname, organization, vatNumber, null, "Katu 1", null, "00100",
				"Helsinki", null, country, null, null, null, false);
	}

	@Test
	void aPrivateClientNeedsALastName() {
		assertThat(client(0, null, null, null, "FI").problems())
			.containsExactly(FieldError.of("lastname", "required_for_private_client"));
		assertThat(client(0, "Virtanen", null, null, "FI").problems()).isEmpty();
	}

	@Test
	void companiesAndCharitiesNeedAnOrganizationName() {
		for (int type : new int[] { 1, 3, 4 }) {
			assertThat(client(type, null, " ", null, "FI").problems()).extracting(FieldError::field)
				.containsExactly("organizationName");
			assertThat(client(type, null, "Acme Oy", null, "FI").problems()).isEmpty();
		}
	}

	@Test
	void anEuCompanyNeedsAValidVatNumber() {
		assertThat(client(2, null, "Acme GmbH", null, "DE").problems()).extracting(FieldError::field)
			.containsExactly("vatNumber");
		assertThat(client(2, null, "Acme GmbH", "DE 123", "DE").problems()).extracting(FieldError::field)
			.containsExactly("vatNumber");
		assertThat(client(2, null, "Acme GmbH", "DE123456789", "DE").problems()).isEmpty();
		assertThat(client(2, null, "Acme AE", "EL123456789", "GR").problems()).isEmpty();
	}

	@Test
	void theCountryIsAnIsoCode() {
		assertThat(client(0, "Virtanen", null, null, "XX").problems()).extracting(FieldError::field)
			.containsExactly("country");
		assertThat(client(0, "Virtanen", null, null, "fi").problems()).extracting(FieldError::field)
			.containsExactly("country");
	}

	@Test
	void theFullNameIsThePersonsElseTheOrganizations() {
		assertThat(client(0, "Virtanen", null, null, "FI").fullName()).isEqualTo("Anna Virtanen");
		ClientDetails company = new ClientDetails(1, null, null, "Acme Oy", null, null, null, null, null, null, null,
				null, null, null, null, false);
		assertThat(company.fullName()).isEqualTo("Acme Oy");
		assertThat(company.type()).isEqualTo(CustomerType.COMPANY);
		assertThat(company.type().isOrganization()).isTrue();
	}

}
