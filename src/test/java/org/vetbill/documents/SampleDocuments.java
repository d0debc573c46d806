package org.vetbill.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.vetbill.documents.InvoiceDocument.Address;
import org.vetbill.documents.InvoiceDocument.Credited;
import org.vetbill.documents.InvoiceDocument.ElectronicAddress;
import org.vetbill.documents.InvoiceDocument.Kind;
import org.vetbill.documents.InvoiceDocument.Line;
import org.vetbill.documents.InvoiceDocument.Party;
import org.vetbill.documents.InvoiceDocument.VatCategory;
import org.vetbill.documents.InvoiceDocument.VatSubtotal;

/**
 * Hand-made documents of every kind the formats must handle, with figures worked out by
 * hand: each VAT amount is its taxable amount times its rate, rounded to the cent, and
 * every total is the sum of its rows.
 */
public final class SampleDocuments {

	public static final Locale FINNISH = Locale.of("fi");

	public static final Locale SWEDISH = Locale.of("sv");

	private static final LocalDate ISSUED = LocalDate.of(2026, 12, 4);

	private static final LocalDate DUE = LocalDate.of(2026, 12, 18);

	private SampleDocuments() {
	}

	/**
	 * The clinic: a Finnish company with a business id, VAT number, bank account and OVT.
	 */
	public static Party clinic() {
		return new Party("Eläinklinikka Esimerkki Oy", true, "1234567-1", "FI12345671",
				new Address("Esimerkkikatu 1", null, "00100", "Helsinki", "FI"), "laskutus@esimerkki.example",
				"+358 9 123 4567", new ElectronicAddress("0216", "003712345671", "NDEAFIHH"), "FI2112345600000785",
				"NDEAFIHH");
	}

	/** A Finnish company client with an e-invoice address. */
	public static Party finnishCompany() {
		return new Party("Tassula Oy", true, "7654321-2", "FI76543212",
				new Address("Kauppakatu 5 B", null, "33100", "Tampere", "FI"), "ostolaskut@tassula.example", null,
				new ElectronicAddress("0216", "003776543212", "003721291126"), null, null);
	}

	/** A German company client, billed without VAT (reverse charge). */
	public static Party germanCompany() {
		return new Party("Tierklinik Beispiel GmbH", true, null, "DE123456789",
				new Address("Hauptstraße 12", null, "10115", "Berlin", "DE"), "rechnung@tierklinik.example", null,
				new ElectronicAddress("9930", "DE123456789", null), null, null);
	}

	/** A pet owner, a consumer who reads Swedish, without an e-invoice address. */
	public static Party swedishSpeakingOwner() {
		return new Party("Anna Andersson", false, null, null, new Address("Strandvägen 3", null, "65100", "Vasa", "FI"),
				"anna@andersson.example", null, null, null, null);
	}

	/**
	 * A domestic invoice with two VAT rates (25.5% and 10%), unpaid, with a Finnish
	 * reference and a buyer reference.
	 */
	public static InvoiceDocument domesticTwoRates() {
		List<Line> lines = List.of(
				line(1, "Consultation", "C1", "Musti", "1", "60.00", "75.30", "0", "25.5", "60.00", "15.30", "75.30"),
				line(2, "Metacam 1.5 mg/ml 10 ml", "M15", "Musti", "2", "12.50", "13.75", "0", "10", "25.00", "2.50",
						"27.50"));
		return new InvoiceDocument(Kind.INVOICE, false, 1001, "A-1001", ISSUED, DUE, "EUR", FINNISH, clinic(),
				finnishCompany(), "202600428", "PO-4711", null, lines,
				List.of(standard("25.5", "60.00", "15.30"), standard("10", "25.00", "2.50")), money("85.00"),
				money("17.80"), money("102.80"), money("0.00"), money("102.80"), null);
	}

	/** An invoice to an EU company: one reverse-charge row, no VAT, an RF reference. */
	public static InvoiceDocument euReverseCharge() {
		List<Line> lines = List.of(new Line(1, "Specialist consultation", "C9", null, new BigDecimal("1.000"),
				money("200.00"), money("200.00"), BigDecimal.ZERO, BigDecimal.ZERO, VatCategory.REVERSE_CHARGE,
				money("200.00"), money("0.00"), money("200.00")));
		return new InvoiceDocument(Kind.INVOICE, false, 1002, "A-1002", ISSUED, DUE, "EUR", Locale.ENGLISH, clinic(),
				germanCompany(), "RF18539007547034", "Beispiel-2026-17", null, lines,
				List.of(new VatSubtotal(VatCategory.REVERSE_CHARGE, BigDecimal.ZERO, money("200.00"), money("0.00"))),
				money("200.00"), money("0.00"), money("200.00"), money("0.00"), money("200.00"), null);
	}

	/**
	 * A partial credit note of {@link #domesticTwoRates()}: its medicine row, negated.
	 */
	public static InvoiceDocument creditNote() {
		List<Line> lines = List.of(line(1, "Metacam 1.5 mg/ml 10 ml", "M15", "Musti", "-2", "12.50", "13.75", "0", "10",
				"-25.00", "-2.50", "-27.50"));
		return new InvoiceDocument(Kind.CREDIT_NOTE, false, 1003, "A-1003", LocalDate.of(2026, 12, 7), null, "EUR",
				FINNISH, clinic(), finnishCompany(), null, "PO-4711", new Credited(1001, "A-1001", ISSUED), lines,
				List.of(standard("10", "-25.00", "-2.50")), money("-25.00"), money("-2.50"), money("-27.50"),
				money("0.00"), money("-27.50"), "Returned unopened");
	}

	/**
	 * An invoice with a discounted row (10% off the consultation), paid in part: 50.00 of
	 * 140.56.
	 */
	public static InvoiceDocument discountedPaidInPart() {
		List<Line> lines = List.of(
				line(1, "Consultation", "C1", "Musti", "1", "80.00", "100.40", "10", "25.5", "72.00", "18.36", "90.36"),
				line(2, "Vaccination", "V1", "Musti", "1", "40.00", "50.20", "0", "25.5", "40.00", "10.20", "50.20"));
		return new InvoiceDocument(Kind.INVOICE, false, 1004, "A-1004", ISSUED, DUE, "EUR", FINNISH, clinic(),
				finnishCompany(), "202600415", "PO-4712", null, lines, List.of(standard("25.5", "112.00", "28.56")),
				money("112.00"), money("28.56"), money("140.56"), money("50.00"), money("90.56"), null);
	}

	/** A countersale to a company, paid in full at the counter: nothing is due. */
	public static InvoiceDocument countersaleToCompany() {
		List<Line> lines = List
			.of(line(1, "Dog food 12 kg", "F12", null, "2", "30.00", "37.65", "0", "25.5", "60.00", "15.30", "75.30"));
		return new InvoiceDocument(Kind.INVOICE, false, 1005, "A-1005", ISSUED, ISSUED, "EUR", FINNISH, clinic(),
				finnishCompany(), null, "Counter", null, lines, List.of(standard("25.5", "60.00", "15.30")),
				money("60.00"), money("15.30"), money("75.30"), money("75.30"), money("0.00"), null);
	}

	/** An invoice to a pet owner who reads Swedish, with an RF reference. */
	public static InvoiceDocument consumerInSwedish() {
		List<Line> lines = List
			.of(line(1, "Consultation", "C1", "Sessan", "1", "60.00", "75.30", "0", "25.5", "60.00", "15.30", "75.30"));
		return new InvoiceDocument(Kind.INVOICE, false, 1006, "A-1006", ISSUED, DUE, "EUR", SWEDISH, clinic(),
				swedishSpeakingOwner(), "RF46202600428", null, null, lines, List.of(standard("25.5", "60.00", "15.30")),
				money("60.00"), money("15.30"), money("75.30"), money("0.00"), money("75.30"), null);
	}

	/** {@link #domesticTwoRates()} as a draft: no number and no reference. */
	public static InvoiceDocument draft() {
		InvoiceDocument invoice = domesticTwoRates();
		return new InvoiceDocument(Kind.INVOICE, true, invoice.id(), null, invoice.issueDate(), invoice.dueDate(),
				invoice.currency(), invoice.language(), invoice.seller(), invoice.buyer(), null,
				invoice.buyerReference(), null, invoice.lines(), invoice.vat(), invoice.totalNet(), invoice.totalVat(),
				invoice.totalGross(), invoice.paid(), invoice.due(), invoice.remarks());
	}

	/**
	 * An unpaid invoice of many rows at 25.5%, each 1 x 10.00 (2.55 VAT): a long invoice
	 * for the benchmark and for page breaks.
	 * @param rows how many rows
	 * @return the invoice
	 */
	public static InvoiceDocument manyRows(int rows) {
		List<Line> lines = new java.util.ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			lines.add(line(i, "Treatment " + i, "T" + i, "Musti", "1", "10.00", "12.55", "0", "25.5", "10.00", "2.55",
					"12.55"));
		}
		BigDecimal count = BigDecimal.valueOf(rows);
		BigDecimal net = money("10.00").multiply(count);
		BigDecimal vat = money("2.55").multiply(count);
		return new InvoiceDocument(Kind.INVOICE, false, 1007, "A-1007", ISSUED, DUE, "EUR", FINNISH, clinic(),
				finnishCompany(), "202600428", "PO-4713", null, lines,
				List.of(new VatSubtotal(VatCategory.STANDARD, new BigDecimal("25.5"), net, vat)), net, vat,
				net.add(vat), money("0.00"), net.add(vat), null);
	}

	/** Every finalized sample. */
	public static List<InvoiceDocument> finalized() {
		return List.of(domesticTwoRates(), euReverseCharge(), creditNote(), discountedPaidInPart(),
				countersaleToCompany(), consumerInSwedish());
	}

	private static Line line(int position, String name, String code, String patient, String quantity, String unitPrice,
			String unitPriceWithVat, String discount, String vat, String net, String vatAmount, String gross) {
		return new Line(position, name, code, patient, new BigDecimal(quantity).setScale(3), money(unitPrice),
				money(unitPriceWithVat), new BigDecimal(discount), new BigDecimal(vat), VatCategory.STANDARD,
				money(net), money(vatAmount), money(gross));
	}

	private static VatSubtotal standard(String percent, String taxable, String tax) {
		return new VatSubtotal(VatCategory.STANDARD, new BigDecimal(percent), money(taxable), money(tax));
	}

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount).setScale(2);
	}

}
