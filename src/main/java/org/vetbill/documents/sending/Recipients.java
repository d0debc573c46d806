package org.vetbill.documents.sending;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.shared.error.InvalidInput;

/**
 * The recipients a sending goes to: an email address (checked by Jakarta Mail's own
 * strict parser, the one that sends it, so what is accepted here is what the mail server
 * gets), or an e-invoice address written {@code scheme:id[:operator]} — the Peppol EAS
 * scheme (four digits, such as {@code 0216} for a Finnish OVT code), the address, and for
 * Finvoice the operator's id (its BIC or OVT code).
 */
final class Recipients {

	/** The field of the request a recipient error names. */
	static final String FIELD = "recipient";

	private static final Pattern EINVOICE = Pattern
		.compile("(\\d{4}):([A-Za-z0-9][A-Za-z0-9._-]{0,99})(?::([A-Za-z0-9][A-Za-z0-9._-]{0,49}))?");

	private Recipients() {
	}

	/**
	 * Checks an email address: one plain address ({@code name@domain}), no display name.
	 * @param address the address as given
	 * @return the address
	 * @throws InvalidInput naming {@code recipient} when it is not one
	 */
	static String email(String address) {
		String given = address.strip();
		try {
			InternetAddress parsed = new InternetAddress(given, true);
			parsed.validate();
			if (given.length() <= 254 && given.equals(parsed.getAddress()) && given.indexOf('@') > 0) {
				return given;
			}
		}
		catch (AddressException ex) {
			// worded below
		}
		throw InvalidInput.of(FIELD, "recipient_not_email", "recipient", given);
	}

	/**
	 * Checks an e-invoice address.
	 * @param address the address as given, {@code scheme:id[:operator]}
	 * @return the address
	 * @throws InvalidInput naming {@code recipient} when it is not one
	 */
	static InvoiceDocument.ElectronicAddress einvoice(String address) {
		Matcher matcher = EINVOICE.matcher(address.strip());
		if (!matcher.matches()) {
			throw InvalidInput.of(FIELD, "recipient_not_einvoice_address", "recipient", address.strip());
		}
		return new InvoiceDocument.ElectronicAddress(matcher.group(1), matcher.group(2), matcher.group(3));
	}

	/**
	 * An e-invoice address as a sending records it.
	 * @param address the address
	 * @return {@code scheme:id}, with {@code :operator} when it has one
	 */
	static String written(InvoiceDocument.ElectronicAddress address) {
		String operator = address.operator();
		return address.scheme() + ":" + address.id() + ((operator != null) ? ":" + operator : "");
	}

	/**
	 * Reads back a recorded e-invoice address.
	 * @param recorded as {@link #written} wrote it
	 * @return the address
	 */
	static InvoiceDocument.ElectronicAddress parsed(String recorded) {
		return einvoice(recorded);
	}

}
