package org.vetbill.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Everything an invoice or credit note shows, in one place and in no format: what the
 * PDF, the Peppol UBL and the Finvoice are written from. It is taken from the ledger as
 * it is (a finalized invoice does not change), so the same invoice always gives the same
 * document.
 * <p>
 * Amounts are at the currency's scale and carry the ledger's sign: a credit note's rows
 * and totals are negative, as printed on a Finnish credit note; a format that wants them
 * positive (a UBL {@code CreditNote}) turns them itself.
 *
 * @param kind an invoice or a credit note
 * @param draft whether it is a draft: no number, no payment codes, marked DRAFT
 * @param id the invoice's id
 * @param number the document number ({@code prefix-number}), null on a draft
 * @param issueDate the invoice date (on a draft, the day it is rendered)
 * @param dueDate the due date, null when there is none
 * @param currency ISO 4217 code of every amount
 * @param language the language it is written in (Finnish, Swedish or English)
 * @param seller the clinic, as the organization's master data has it
 * @param buyer the payer, as the invoice's snapshot has it
 * @param referenceNumber the payment reference (Finnish or RF), null when none
 * @param buyerReference the buyer's reference (their order or cost centre), null when
 * none
 * @param credited on a credit note, the invoice it credits; null otherwise
 * @param lines the rows, in their order
 * @param vat the VAT breakdown, one per category and rate, by rate descending
 * @param totalNet the total without VAT
 * @param totalVat the VAT
 * @param totalGross the total with VAT
 * @param paid what has been paid (payments less cancellations, prepayments used)
 * @param due what remains to pay (the gross total less what was paid and written off)
 * @param remarks the invoice's free text, null when none
 */
public record InvoiceDocument(Kind kind, boolean draft, long id, @Nullable String number, LocalDate issueDate,
		@Nullable LocalDate dueDate, String currency, Locale language, Party seller, Party buyer,
		@Nullable String referenceNumber, @Nullable String buyerReference, @Nullable Credited credited,
		List<Line> lines, List<VatSubtotal> vat, BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross,
		BigDecimal paid, BigDecimal due, @Nullable String remarks) {

	public InvoiceDocument {
		lines = List.copyOf(lines);
		vat = List.copyOf(vat);
	}

	/** Whether it is an invoice or a credit note. */
	public enum Kind {

		/** An invoice (UNTDID 1001 code 380). */
		INVOICE,

		/** A credit note (UNTDID 1001 code 381). */
		CREDIT_NOTE

	}

	/**
	 * A VAT category of EN 16931 (UNCL 5305), as vetbill uses them.
	 */
	public enum VatCategory {

		/** Standard or reduced rate, above zero. */
		STANDARD("S"),

		/** Zero rated. */
		ZERO("Z"),

		/** Reverse charge: an EU company buyer accounts for the VAT. */
		REVERSE_CHARGE("AE");

		private final String code;

		VatCategory(String code) {
			this.code = code;
		}

		/**
		 * The category's UNCL 5305 code.
		 * @return {@code S}, {@code Z} or {@code AE}
		 */
		public String code() {
			return this.code;
		}

	}

	/**
	 * A party of the document: the clinic selling, or the payer.
	 *
	 * @param name the name printed (a company's name, or a person's full name)
	 * @param company whether it is a company (organization name, business id)
	 * @param businessId the business id (Finnish Y-tunnus, e.g. {@code 1234567-1}), null
	 * when none
	 * @param vatNumber the EU VAT number (e.g. {@code FI12345671}), null when none
	 * @param address the postal address
	 * @param email the email address, null when none
	 * @param phone the phone number, null when none
	 * @param electronicAddress the e-invoice address, null when none
	 * @param iban the bank account (IBAN) payments go to; the seller's, null when none
	 * @param bic the bank's BIC for {@code iban}, null when none
	 */
	public record Party(String name, boolean company, @Nullable String businessId, @Nullable String vatNumber,
			Address address, @Nullable String email, @Nullable String phone,
			@Nullable ElectronicAddress electronicAddress, @Nullable String iban, @Nullable String bic) {

	}

	/**
	 * A postal address. Empty parts are null.
	 *
	 * @param street the street address
	 * @param street2 its second line
	 * @param zipCode the postal code
	 * @param city the city
	 * @param countryCode the ISO 3166-1 alpha-2 country code
	 */
	public record Address(@Nullable String street, @Nullable String street2, @Nullable String zipCode,
			@Nullable String city, @Nullable String countryCode) {

	}

	/**
	 * Where e-invoices reach a party: its address and, for Finvoice, its operator.
	 *
	 * @param scheme the Peppol EAS scheme of {@code id} (e.g. {@code 0216} for a Finnish
	 * OVT code, {@code 0037} for a Finnish business id)
	 * @param id the address (e.g. the OVT code {@code 003712345671})
	 * @param operator the e-invoicing operator's id (its BIC or OVT code), null when the
	 * address is reached through Peppol alone
	 */
	public record ElectronicAddress(String scheme, String id, @Nullable String operator) {

	}

	/**
	 * The invoice a credit note credits.
	 *
	 * @param id its id
	 * @param number its document number
	 * @param issueDate its invoice date
	 */
	public record Credited(long id, String number, LocalDate issueDate) {

	}

	/**
	 * A row of the document.
	 *
	 * @param position its place, from 1
	 * @param name what was sold
	 * @param itemCode the catalogue item's code, null when none
	 * @param patientName the animal it was for, null when none
	 * @param quantity the quantity (negative on a credit note)
	 * @param unitPrice the unit price without VAT, before the discount
	 * @param unitPriceWithVat the unit price with VAT, before the discount
	 * @param discountPercent the discount in percent (0 when none; a surcharge is
	 * negative)
	 * @param vatPercent the VAT rate
	 * @param vatCategory the VAT category
	 * @param net the row's amount without VAT, after the discount
	 * @param vatAmount the row's VAT
	 * @param gross the row's amount with VAT
	 */
	public record Line(int position, String name, @Nullable String itemCode, @Nullable String patientName,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal unitPriceWithVat, BigDecimal discountPercent,
			BigDecimal vatPercent, VatCategory vatCategory, BigDecimal net, BigDecimal vatAmount, BigDecimal gross) {

	}

	/**
	 * One line of the VAT breakdown: the rows of one category and rate.
	 *
	 * @param category the VAT category
	 * @param percent the rate
	 * @param taxable the rows' amount without VAT
	 * @param tax the rows' VAT
	 */
	public record VatSubtotal(VatCategory category, BigDecimal percent, BigDecimal taxable, BigDecimal tax) {

	}

}
