package org.vetbill.documents;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Client;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.InvoicingDetails;
import org.vetbill.clinic.Item;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.Patient;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.domain.ClientInvoicing;
import org.vetbill.clinic.domain.CustomerType;
import org.vetbill.clinic.domain.SellerDetails;
import org.vetbill.documents.InvoiceDocument.Address;
import org.vetbill.documents.InvoiceDocument.Credited;
import org.vetbill.documents.InvoiceDocument.ElectronicAddress;
import org.vetbill.documents.InvoiceDocument.Kind;
import org.vetbill.documents.InvoiceDocument.Line;
import org.vetbill.documents.InvoiceDocument.Party;
import org.vetbill.documents.InvoiceDocument.VatCategory;
import org.vetbill.documents.InvoiceDocument.VatSubtotal;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceRowView;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.domain.InvoiceState;
import org.vetbill.invoicing.domain.Payer;
import org.vetbill.shared.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an invoice's document from the ledger: the invoice with its rows and payer
 * snapshot, the organization as the seller, the client's language and e-invoice address,
 * the rows' item codes and patients, and the credited invoice of a credit note, in one
 * read-only transaction.
 * <p>
 * A row without VAT is reverse charge (EN 16931 category AE) when the payer is an EU
 * company with a VAT number in another country than the clinic's, and zero rated (Z)
 * otherwise. The VAT breakdown sums the rows of each category and rate as the ledger has
 * them, so it always adds up to the invoice's totals.
 */
@Service
class LedgerInvoiceDocuments implements InvoiceDocuments {

	private final InvoiceQueries invoices;

	private final Organizations organizations;

	private final InvoicingDetails details;

	private final Clients clients;

	private final Items items;

	private final Patients patients;

	private final Clock clock;

	LedgerInvoiceDocuments(InvoiceQueries invoices, Organizations organizations, InvoicingDetails details,
			Clients clients, Items items, Patients patients, Clock clock) {
		this.invoices = invoices;
		this.organizations = organizations;
		this.details = details;
		this.clients = clients;
		this.items = items;
		this.patients = patients;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public InvoiceDocument of(Caller caller, long invoiceId) {
		InvoiceView invoice = this.invoices.get(caller, invoiceId);
		Organization organization = this.organizations.get(caller.organizationId());
		SellerDetails seller = this.details.seller(caller.organizationId());
		Long clientId = invoice.clientId();
		Client client = (clientId == null) ? null : this.clients.get(caller, clientId);
		ClientInvoicing invoicing = (clientId == null) ? ClientInvoicing.NONE : this.details.client(caller, clientId);
		boolean draft = invoice.state() == InvoiceState.DRAFT;
		Party buyer = buyer(invoice, client, invoicing);
		boolean reverseCharge = client != null && client.details().type() == CustomerType.EU_COMPANY
				&& buyer.vatNumber() != null
				&& !organization.settings().country().equals(buyer.address().countryCode());
		List<Line> lines = lines(caller, invoice.rows(), reverseCharge);
		String language = Objects.requireNonNullElse(invoicing.documentLanguage(), seller.documentLanguage());
		return new InvoiceDocument(invoice.creditNote() ? Kind.CREDIT_NOTE : Kind.INVOICE, draft, invoice.id(),
				draft ? null : invoice.documentNumber(),
				Objects.requireNonNullElse(invoice.invoiceDate(), organization.today(this.clock)),
				invoice.invoiceDueDate(), invoice.currency(), Locale.of(language), seller(organization, seller), buyer,
				draft ? null : invoice.referenceNumber(), buyerReference(invoice, invoicing), credited(caller, invoice),
				lines, vat(lines), invoice.total(), invoice.totalVat(), invoice.totalWithVat(), invoice.paidAmount(),
				invoice.dueSum(), invoice.remarks());
	}

	private static Party seller(Organization organization, SellerDetails seller) {
		String address = seller.einvoiceAddress();
		String scheme = seller.einvoiceAddressScheme();
		return new Party(organization.settings().name(), true, seller.businessId(), seller.vatNumber(),
				new Address(seller.streetAddress(), null, seller.zipCode(), seller.city(),
						organization.settings().country()),
				seller.email(), seller.phone(),
				(address == null || scheme == null) ? null
						: new ElectronicAddress(scheme, address, seller.einvoiceOperator()),
				seller.iban(), seller.bic());
	}

	/**
	 * The payer: the snapshot a finalized invoice keeps, or on a draft the client as it
	 * is.
	 */
	private static Party buyer(InvoiceView invoice, @Nullable Client client, ClientInvoicing invoicing) {
		Payer payer = invoice.payer();
		if (payer.name() == null && client != null) {
			payer = Payer.of(client.details());
		}
		boolean company = client != null && client.details().type().isOrganization();
		String name = company ? Objects.requireNonNullElse(payer.organizationName(), "")
				: Objects.requireNonNullElse(payer.name(), "");
		String address = invoicing.einvoiceAddress();
		String scheme = invoicing.einvoiceAddressScheme();
		return new Party(name, company, company ? payer.registerNumber() : null, payer.vatNumber(),
				new Address(payer.streetAddress(), payer.streetAddress2(), payer.zipCode(), payer.city(),
						payer.countryCode()),
				(client == null) ? null : client.details().email(), null, (address == null || scheme == null) ? null
						: new ElectronicAddress(scheme, address, invoicing.einvoiceOperator()),
				null, null);
	}

	/** The invoice's own additional reference, else the client's standing one. */
	private static @Nullable String buyerReference(InvoiceView invoice, ClientInvoicing invoicing) {
		String own = invoice.additionalReference();
		return (own != null && !own.isBlank()) ? own : invoicing.buyerReference();
	}

	private @Nullable Credited credited(Caller caller, InvoiceView invoice) {
		Long originalId = invoice.creditNoteOriginalInvoiceId();
		if (originalId == null) {
			return null;
		}
		InvoiceView original = this.invoices.get(caller, originalId);
		return new Credited(original.id(), original.documentNumber(),
				Objects.requireNonNull(original.invoiceDate(), "a credited invoice has its date"));
	}

	private List<Line> lines(Caller caller, List<InvoiceRowView> rows, boolean reverseCharge) {
		Map<Long, Item> items = this.items.getAll(caller,
				rows.stream().map(InvoiceRowView::itemId).filter(Objects::nonNull).toList());
		Map<Long, Patient> patients = this.patients.getAll(caller,
				rows.stream().map(InvoiceRowView::patientId).filter(Objects::nonNull).toList());
		List<Line> lines = new ArrayList<>(rows.size());
		for (InvoiceRowView row : rows) {
			Item item = (row.itemId() == null) ? null : items.get(row.itemId());
			Patient patient = (row.patientId() == null) ? null : patients.get(row.patientId());
			VatCategory category = (row.vatPercentage().signum() > 0) ? VatCategory.STANDARD
					: reverseCharge ? VatCategory.REVERSE_CHARGE : VatCategory.ZERO;
			lines.add(new Line(lines.size() + 1, row.name(), (item == null) ? null : item.details().code(),
					(patient == null) ? null : patient.details().name(), row.quantity(), row.price(),
					row.priceWithVat(), row.percentageChange().negate(), row.vatPercentage(), category, row.sum(),
					row.sumVat(), row.sumTotal()));
		}
		return lines;
	}

	/** One subtotal per category and rate, highest rate first. */
	static List<VatSubtotal> vat(List<Line> lines) {
		Map<String, VatSubtotal> subtotals = new LinkedHashMap<>();
		for (Line line : lines) {
			String key = line.vatCategory() + "/" + line.vatPercent().stripTrailingZeros().toPlainString();
			VatSubtotal sum = subtotals.get(key);
			subtotals.put(key,
					(sum == null) ? new VatSubtotal(line.vatCategory(), line.vatPercent(), line.net(), line.vatAmount())
							: new VatSubtotal(sum.category(), sum.percent(), sum.taxable().add(line.net()),
									sum.tax().add(line.vatAmount())));
		}
		return subtotals.values()
			.stream()
			.sorted(Comparator.comparing(VatSubtotal::percent, BigDecimal::compareTo)
				.reversed()
				.thenComparing(VatSubtotal::category))
			.toList();
	}

}
