package org.vetbill.invoicing.domain;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.ClientDetails;

/**
 * The payer snapshot written onto an invoice when it is finalized: the client's details
 * at that moment, never changed afterwards.
 *
 * @param name the client's full name (a person's name, else the organization's)
 * @param organizationName the company or charity name
 * @param vatNumber the EU VAT number (reverse-charge invoicing)
 * @param registerNumber the company register number
 * @param countryCode ISO 3166-1 alpha-2
 * @param streetAddress address line 1
 * @param streetAddress2 address line 2
 * @param zipCode postal code
 * @param city city
 * @param state state or region
 */
public record Payer(@Nullable String name, @Nullable String organizationName, @Nullable String vatNumber,
		@Nullable String registerNumber, @Nullable String countryCode, @Nullable String streetAddress,
		@Nullable String streetAddress2, @Nullable String zipCode, @Nullable String city, @Nullable String state) {

	/** The payer of a countersale without a client. */
	public static final Payer NONE = new Payer(null, null, null, null, null, null, null, null, null, null);

	public static Payer of(ClientDetails client) {
		return new Payer(client.fullName(), client.organizationName(), client.vatNumber(), client.registerNumber(),
				client.country(), client.streetAddress(), client.streetAddress2(), client.zipCode(), client.city(),
				client.state());
	}

}
