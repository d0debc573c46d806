package org.vetbill.documents.pdf;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An invoice or credit note as its template shows it: every value already written out in
 * the document's language (numbers, dates, reference and account in their printed
 * groups), so the template only places text and the web page and the PDF show the same
 * figures. Made by {@link InvoiceViews}.
 *
 * @param language the language tag of the document ({@code fi}, {@code sv}, {@code en})
 * @param creditNote whether it is a credit note
 * @param draft whether it is a draft (marked, with no number and no payment details)
 * @param number the document number, null on a draft
 * @param issueDate the invoice date
 * @param dueDate the due date, null when none
 * @param referenceNumber the payment reference in its printed groups, null when none
 * @param buyerReference the buyer's reference, null when none
 * @param creditedNumber on a credit note, the credited invoice's number; null otherwise
 * @param creditedDate on a credit note, the credited invoice's date; null otherwise
 * @param currency the currency code of every amount
 * @param seller the clinic
 * @param buyer the payer
 * @param rows the rows
 * @param vat the VAT breakdown
 * @param reverseCharge whether a row is under reverse charge (the legal note is printed)
 * @param totalNet the total without VAT
 * @param totalVat the VAT
 * @param totalGross the total with VAT
 * @param paid what has been paid
 * @param due what remains to pay
 * @param payment the payment details to print, null when nothing is to be paid
 * @param remarks the free text, null when none
 */
public record InvoiceView(String language, boolean creditNote, boolean draft, @Nullable String number, String issueDate,
		@Nullable String dueDate, @Nullable String referenceNumber, @Nullable String buyerReference,
		@Nullable String creditedNumber, @Nullable String creditedDate, String currency, PartyView seller,
		PartyView buyer, List<RowView> rows, List<VatView> vat, boolean reverseCharge, String totalNet, String totalVat,
		String totalGross, String paid, String due, @Nullable PaymentView payment, @Nullable String remarks) {

	public InvoiceView {
		rows = List.copyOf(rows);
		vat = List.copyOf(vat);
	}

	/**
	 * A party as printed.
	 *
	 * @param name the name
	 * @param addressLines the postal address, one line each (the country only when it is
	 * not the seller's)
	 * @param businessId the business id, null when none
	 * @param vatNumber the VAT number, null when none
	 * @param email the email address, null when none
	 * @param phone the phone number, null when none
	 * @param iban the bank account in groups of four, null when none
	 * @param bic the bank's BIC, null when none
	 */
	public record PartyView(String name, List<String> addressLines, @Nullable String businessId,
			@Nullable String vatNumber, @Nullable String email, @Nullable String phone, @Nullable String iban,
			@Nullable String bic) {

		public PartyView {
			addressLines = List.copyOf(addressLines);
		}

	}

	/**
	 * A row as printed.
	 *
	 * @param position its place, from 1
	 * @param name what was sold
	 * @param patient the animal, null when none
	 * @param quantity the quantity
	 * @param unitPrice the unit price without VAT
	 * @param discount the discount percentage, null when there is none
	 * @param vatRate the VAT rate
	 * @param amount the row's amount without VAT, after the discount
	 */
	public record RowView(int position, String name, @Nullable String patient, String quantity, String unitPrice,
			@Nullable String discount, String vatRate, String amount) {

	}

	/**
	 * A line of the VAT breakdown as printed.
	 *
	 * @param rate the rate
	 * @param reverseCharge whether it is the reverse-charge category
	 * @param taxable the amount without VAT
	 * @param tax the VAT
	 * @param gross the amount with VAT
	 */
	public record VatView(String rate, boolean reverseCharge, String taxable, String tax, String gross) {

	}

	/**
	 * What the payer needs to pay: the account, the reference, the due date and the
	 * amount, with the payment codes when there are any.
	 *
	 * @param iban the clinic's account in groups of four
	 * @param bic the bank's BIC, null when none
	 * @param referenceNumber the reference in its printed groups, null when none
	 * @param dueDate the due date, null when none
	 * @param amount the amount due
	 * @param codes the bank barcode and the QR code, any of them absent
	 */
	public record PaymentView(String iban, @Nullable String bic, @Nullable String referenceNumber,
			@Nullable String dueDate, String amount, PaymentCodeImages codes) {

	}

}
