package org.vetbill.clinic.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.FieldError;

/**
 * The clinic as the seller on its invoices: what a PDF invoice prints in its clinic block
 * and an e-invoice needs for its seller party and payment means. Each part is optional
 * until a document needs it; a document that needs a missing part says which.
 *
 * @param businessId the Finnish business id (Y-tunnus), {@code 1234567-1}
 * @param vatNumber the EU VAT number, {@code FI12345671}
 * @param streetAddress the street address
 * @param zipCode the postal code
 * @param city the city
 * @param email the address clients write to about invoices
 * @param phone the phone number printed on invoices
 * @param iban the bank account payments go to (spaces allowed, kept without)
 * @param bic the BIC of that account's bank
 * @param einvoiceAddressScheme the Peppol EAS scheme of the e-invoice address, four
 * digits ({@code 0216} for an OVT code)
 * @param einvoiceAddress the e-invoice address (the OVT code, {@code 003712345671})
 * @param einvoiceOperator the e-invoicing operator's id (its BIC or OVT code)
 * @param documentLanguage the language of documents for clients without their own:
 * {@code fi}, {@code sv} or {@code en}
 */
public record SellerDetails(@Nullable String businessId, @Nullable String vatNumber,
		@Nullable @Size(max = 200) String streetAddress, @Nullable @Size(max = 20) String zipCode,
		@Nullable @Size(max = 100) String city, @Nullable @Email @Size(max = 254) String email,
		@Nullable @Size(max = 50) String phone, @Nullable String iban, @Nullable String bic,
		@Nullable String einvoiceAddressScheme, @Nullable @Size(max = 100) String einvoiceAddress,
		@Nullable @Size(max = 35) String einvoiceOperator, @NotNull String documentLanguage) {

	/** An organization's details before anything is set: documents in Finnish. */
	public static final SellerDetails NONE = new SellerDetails(null, null, null, null, null, null, null, null, null,
			null, null, null, "fi");

	/**
	 * The same details with the IBAN and BIC compact and in capitals, as they are kept.
	 * @return the details to check and store
	 */
	public SellerDetails normalized() {
		return new SellerDetails(this.businessId, this.vatNumber, this.streetAddress, this.zipCode, this.city,
				this.email, this.phone, compact(this.iban), compact(this.bic), this.einvoiceAddressScheme,
				this.einvoiceAddress, this.einvoiceOperator, this.documentLanguage);
	}

	/**
	 * Checks the codes Bean Validation cannot.
	 * @return the problems found, empty when valid
	 */
	public List<FieldError> problems() {
		List<FieldError> problems = new ArrayList<>();
		if (this.businessId != null && !Codes.isFinnishBusinessId(this.businessId)) {
			problems.add(FieldError.of("businessId", "not_a_business_id", "businessId", this.businessId));
		}
		if (this.vatNumber != null && !Codes.isVatNumber(this.vatNumber)) {
			problems.add(FieldError.of("vatNumber", "not_a_vat_number", "vatNumber", this.vatNumber));
		}
		if (this.iban != null && !Codes.isIban(this.iban)) {
			problems.add(FieldError.of("iban", "not_an_iban", "iban", this.iban));
		}
		if (this.bic != null && !Codes.isBic(this.bic)) {
			problems.add(FieldError.of("bic", "not_a_bic", "bic", this.bic));
		}
		EinvoiceAddresses.check(this.einvoiceAddressScheme, this.einvoiceAddress, problems);
		if (!Codes.isDocumentLanguage(this.documentLanguage)) {
			problems.add(FieldError.of("documentLanguage", "not_a_document_language", "documentLanguage",
					String.valueOf(this.documentLanguage)));
		}
		return problems;
	}

	private static @Nullable String compact(@Nullable String code) {
		return (code == null) ? null : code.replace(" ", "").toUpperCase(Locale.ROOT);
	}

}
