package org.vetbill.documents.paymentcodes;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Kind;

/**
 * The payment codes an invoice's PDF prints: the Finnish bank barcode and the EPC QR
 * code, each when it applies.
 * <p>
 * Neither is printed on a draft (it has no number and may change), on a credit note
 * (nothing is paid to the clinic), when nothing is due, when the invoice is not in euros
 * (both carry euros only) or when the clinic has no IBAN. Beyond that:
 * <ul>
 * <li>the bank barcode needs a reference (the guide has no barcode without one), a
 * Finnish account, an RF reference of digits only (the barcode has no room for letters)
 * and a due amount of at most 999 999.99 (above it the guide would have the amount typed
 * in, which a printed invoice need not invite);
 * <li>the QR code is made with the reference (a Finnish one as its RF form), or without
 * one with the invoice number as its text, so the clinic can still match the payment.
 * </ul>
 * Data the codes cannot carry (a name over 70 characters, a bad IBAN) is an error of the
 * clinic's master data and raised as such.
 *
 * @param barcode the bank barcode, null when it does not apply
 * @param qrCode the EPC QR code, null when it does not apply
 */
public record PaymentCodes(@Nullable BankBarcode barcode, @Nullable EpcQrCode qrCode) {

	/**
	 * The codes of an invoice.
	 * @param invoice the invoice
	 * @return its codes, empty when none applies
	 */
	public static Optional<PaymentCodes> of(InvoiceDocument invoice) {
		String iban = invoice.seller().iban();
		if (invoice.draft() || invoice.kind() != Kind.INVOICE || invoice.due().signum() <= 0
				|| !"EUR".equals(invoice.currency()) || iban == null || iban.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new PaymentCodes(barcode(invoice, iban), qrCode(invoice, iban)));
	}

	private static @Nullable BankBarcode barcode(InvoiceDocument invoice, String iban) {
		String reference = invoice.referenceNumber();
		String compactIban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
		if (reference == null || !compactIban.startsWith("FI") || invoice.due().compareTo(BankBarcode.MAX_AMOUNT) > 0) {
			return null;
		}
		String compactReference = reference.replace(" ", "").toUpperCase(Locale.ROOT);
		if (compactReference.startsWith("RF") && !compactReference.matches("RF[0-9]+")) {
			return null;
		}
		return BankBarcode.of(iban, invoice.due(), invoice.currency(), reference, invoice.dueDate());
	}

	private static EpcQrCode qrCode(InvoiceDocument invoice, String iban) {
		String name = invoice.seller().name();
		String bic = invoice.seller().bic();
		BigDecimal due = invoice.due();
		String reference = invoice.referenceNumber();
		if (reference != null) {
			return EpcQrCode.withReference(name, iban, bic, due, invoice.currency(), reference, null);
		}
		return EpcQrCode.withText(name, iban, bic, due, invoice.currency(), invoiceText(invoice), null);
	}

	private static @Nullable String invoiceText(InvoiceDocument invoice) {
		String number = invoice.number();
		if (number == null) {
			return null;
		}
		String word = switch (invoice.language().getLanguage()) {
			case "fi" -> "Lasku";
			case "sv" -> "Faktura";
			default -> "Invoice";
		};
		return word + " " + number;
	}

}
