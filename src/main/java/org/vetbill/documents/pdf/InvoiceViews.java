package org.vetbill.documents.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.documents.InvoiceDocument;
import org.vetbill.documents.InvoiceDocument.Address;
import org.vetbill.documents.InvoiceDocument.Kind;
import org.vetbill.documents.InvoiceDocument.Line;
import org.vetbill.documents.InvoiceDocument.Party;
import org.vetbill.documents.InvoiceDocument.VatCategory;
import org.vetbill.documents.InvoiceDocument.VatSubtotal;
import org.vetbill.documents.pdf.InvoiceView.PartyView;
import org.vetbill.documents.pdf.InvoiceView.PaymentView;
import org.vetbill.documents.pdf.InvoiceView.RowView;
import org.vetbill.documents.pdf.InvoiceView.VatView;

/**
 * Writes an {@link InvoiceDocument} out as its template shows it ({@link InvoiceView}),
 * and decides what a document may show: a draft shows no number and no payment details,
 * and payment details (with the payment codes) appear only on an invoice with an amount
 * due to an account.
 */
public final class InvoiceViews {

	private InvoiceViews() {
	}

	/**
	 * The view of a document.
	 * @param document the invoice or credit note
	 * @param codes its payment codes, printed only when something is to be paid in euros
	 * @return what the template shows
	 */
	public static InvoiceView of(InvoiceDocument document, PaymentCodeImages codes) {
		DocumentFormat format = DocumentFormat.of(document.language());
		boolean draft = document.draft();
		String sellerCountry = document.seller().address().countryCode();
		List<RowView> rows = document.lines().stream().map((line) -> row(line, format)).toList();
		List<VatView> vat = document.vat().stream().map((subtotal) -> vat(subtotal, format)).toList();
		boolean reverseCharge = document.lines()
			.stream()
			.anyMatch((line) -> line.vatCategory() == VatCategory.REVERSE_CHARGE);
		InvoiceDocument.Credited credited = document.credited();
		return new InvoiceView(format.language().toLanguageTag(), document.kind() == Kind.CREDIT_NOTE, draft,
				draft ? null : document.number(), Objects.requireNonNull(format.date(document.issueDate())),
				format.date(document.dueDate()), draft ? null : reference(document.referenceNumber()),
				document.buyerReference(), (credited != null) ? credited.number() : null,
				(credited != null) ? format.date(credited.issueDate()) : null, document.currency(),
				party(document.seller(), sellerCountry, format), party(document.buyer(), sellerCountry, format), rows,
				vat, reverseCharge, format.money(document.totalNet()), format.money(document.totalVat()),
				format.money(document.totalGross()), format.money(document.paid()), format.money(document.due()),
				payment(document, codes, format), document.remarks());
	}

	private static RowView row(Line line, DocumentFormat format) {
		String discount = (line.discountPercent().signum() != 0) ? format.percent(line.discountPercent()) : null;
		return new RowView(line.position(), line.name(), line.patientName(), format.quantity(line.quantity()),
				format.money(line.unitPrice()), discount, format.percent(line.vatPercent()), format.money(line.net()));
	}

	private static VatView vat(VatSubtotal subtotal, DocumentFormat format) {
		return new VatView(format.percent(subtotal.percent()), subtotal.category() == VatCategory.REVERSE_CHARGE,
				format.money(subtotal.taxable()), format.money(subtotal.tax()),
				format.money(subtotal.taxable().add(subtotal.tax())));
	}

	private static PartyView party(Party party, @Nullable String homeCountry, DocumentFormat format) {
		Address address = party.address();
		List<String> lines = new ArrayList<>();
		addIfPresent(lines, address.street());
		addIfPresent(lines, address.street2());
		String place = String.join(" ", present(address.zipCode(), address.city()));
		addIfPresent(lines, place);
		String country = address.countryCode();
		if (country != null && !country.equalsIgnoreCase(homeCountry)) {
			lines.add(Locale.of("", country).getDisplayCountry(format.language()).toUpperCase(format.language()));
		}
		String iban = party.iban();
		return new PartyView(party.name(), lines, party.businessId(), party.vatNumber(), party.email(), party.phone(),
				(iban != null) ? groups(iban.replace(" ", ""), 4) : null, party.bic());
	}

	/**
	 * Payment details are printed on a finalized invoice that has an amount due and an
	 * account to pay to; the codes only when the amount is in euros, which is all that
	 * the bank barcode and the EPC QR code carry.
	 */
	private static @Nullable PaymentView payment(InvoiceDocument document, PaymentCodeImages codes,
			DocumentFormat format) {
		String iban = document.seller().iban();
		if (document.draft() || document.kind() != Kind.INVOICE || document.due().signum() <= 0 || iban == null) {
			return null;
		}
		PaymentCodeImages printed = "EUR".equals(document.currency()) ? codes : PaymentCodeImages.NONE;
		return new PaymentView(groups(iban.replace(" ", ""), 4), document.seller().bic(),
				reference(document.referenceNumber()), format.date(document.dueDate()), format.money(document.due()),
				printed);
	}

	/**
	 * A reference as it is printed: an RF reference in groups of four from the left (ISO
	 * 11649), a Finnish one in groups of five from the right (Finance Finland's bank
	 * barcode guide).
	 */
	static @Nullable String reference(@Nullable String reference) {
		if (reference == null) {
			return null;
		}
		String compact = reference.replace(" ", "");
		if (compact.regionMatches(true, 0, "RF", 0, 2)) {
			return groups(compact, 4);
		}
		StringBuilder printed = new StringBuilder();
		for (int end = compact.length(); end > 0; end -= 5) {
			printed.insert(0, compact.substring(Math.max(0, end - 5), end));
			if (end > 5) {
				printed.insert(0, ' ');
			}
		}
		return printed.toString();
	}

	private static String groups(String value, int size) {
		StringBuilder printed = new StringBuilder();
		for (int start = 0; start < value.length(); start += size) {
			if (start > 0) {
				printed.append(' ');
			}
			printed.append(value, start, Math.min(value.length(), start + size));
		}
		return printed.toString();
	}

	private static List<String> present(@Nullable String... parts) {
		List<String> present = new ArrayList<>();
		for (String part : parts) {
			addIfPresent(present, part);
		}
		return present;
	}

	private static void addIfPresent(List<String> lines, @Nullable String line) {
		if (line != null && !line.isBlank()) {
			lines.add(line);
		}
	}

}
