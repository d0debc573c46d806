package org.vetbill.documents.sending;

import org.junit.jupiter.api.Test;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.shared.error.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which recipients a sending accepts: one plain email address, and e-invoice addresses
 * written {@code scheme:id[:operator]}; anything else is refused naming
 * {@code recipient}.
 */
class RecipientsTests {

	@Test
	void aPlainEmailAddressIsTakenAsItIs() {
		assertThat(Recipients.email(" anna@example.com ")).isEqualTo("anna@example.com");
	}

	@Test
	void anythingButOnePlainEmailAddressIsRefused() {
		for (String wrong : new String[] { "anna", "anna@", "@example.com", "Anna <anna@example.com>",
				"anna@example.com, bob@example.com", "anna@example.com\r\nBcc: all@example.com" }) {
			assertThatExceptionOfType(InvalidInput.class).as(wrong)
				.isThrownBy(() -> Recipients.email(wrong))
				.satisfies((error) -> {
					assertThat(error.errors()).singleElement().satisfies((field) -> {
						assertThat(field.field()).isEqualTo("recipient");
						assertThat(field.code()).isEqualTo("recipient_not_email");
					});
				});
		}
	}

	@Test
	void anEInvoiceAddressIsASchemeAnIdAndMaybeAnOperator() {
		InvoiceDocument.ElectronicAddress withOperator = Recipients.einvoice("0216:003712345671:NDEAFIHH");
		assertThat(withOperator).isEqualTo(new InvoiceDocument.ElectronicAddress("0216", "003712345671", "NDEAFIHH"));
		assertThat(Recipients.written(withOperator)).isEqualTo("0216:003712345671:NDEAFIHH");
		InvoiceDocument.ElectronicAddress peppol = Recipients.einvoice("9930:DE123456789");
		assertThat(peppol.operator()).isNull();
		assertThat(Recipients.written(peppol)).isEqualTo("9930:DE123456789");
	}

	@Test
	void anEInvoiceAddressWithoutItsSchemeIsRefused() {
		for (String wrong : new String[] { "003712345671", "216:003712345671", "0216:", "0216:0037 1234",
				"0216:003712345671:NDEA:FIHH" }) {
			assertThatExceptionOfType(InvalidInput.class).as(wrong)
				.isThrownBy(() -> Recipients.einvoice(wrong))
				.satisfies((error) -> assertThat(error.errors().get(0).code())
					.isEqualTo("recipient_not_einvoice_address"));
		}
	}

}
