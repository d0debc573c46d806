package org.vetbill.clinic.domain;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;

/**
 * The rules of an e-invoice address: a Peppol EAS scheme (four digits) and an address,
 * both or neither.
 */
final class EinvoiceAddresses {

	private static final Pattern SCHEME = Pattern.compile("[0-9]{4}");

	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z:._-]{1,100}");

	private EinvoiceAddresses() {
	}

	static void check(@Nullable String scheme, @Nullable String address, List<FieldError> problems) {
		if (scheme != null && !SCHEME.matcher(scheme).matches()) {
			problems.add(FieldError.of("einvoiceAddressScheme", "not_an_eas_scheme", "einvoiceAddressScheme", scheme));
		}
		if (address != null && !ADDRESS.matcher(address).matches()) {
			problems.add(FieldError.of("einvoiceAddress", "not_an_einvoice_address", "einvoiceAddress", address));
		}
		if (scheme == null && address != null) {
			problems.add(FieldError.of("einvoiceAddressScheme", "required_with_einvoice_address"));
		}
		if (scheme != null && address == null) {
			problems.add(FieldError.of("einvoiceAddress", "required_with_einvoice_address_scheme"));
		}
	}

}
