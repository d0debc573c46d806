package org.vetbill.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.security.Tenants;
import org.vetbill.shared.Caller;
import org.vetbill.supply.ConnectSource;
import org.vetbill.supply.ConnectSources;
import org.vetbill.supply.PracticeEnrolment;
import org.vetbill.supply.Product;
import org.vetbill.supply.SupplierDetails;
import org.vetbill.supply.SupplierInvoices;
import org.vetbill.supply.Suppliers;
import org.vetbill.supply.SupplyAccount;
import org.vetbill.supply.SupplyOrders;
import org.vetbill.supply.domain.Address;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.OrderDetails;
import org.vetbill.supply.domain.OrderLineDetails;
import org.vetbill.supply.domain.Shipping;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supply side of the demo: a wholesaler (its own organization) that serves its
 * invoices through the Connect API, and the demo clinic importing them. The wholesaler
 * has shipped one of the clinic's three electronic orders in full and one in part, and
 * sent an invoice for an item ordered by phone; the clinic's importer fetches them from
 * this very server shortly after the start.
 */
@Component
class DemoSupply {

	private static final String WHOLESALER = "Nordic Vet Supply";

	private final Organizations organizations;

	private final Tenants tenants;

	private final Suppliers suppliers;

	private final SupplyOrders orders;

	private final SupplierInvoices invoices;

	private final ConnectSources sources;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoSupply(Organizations organizations, Tenants tenants, Suppliers suppliers, SupplyOrders orders,
			SupplierInvoices invoices, ConnectSources sources, TransactionTemplate transactions, Clock clock) {
		this.clock = clock;
		this.organizations = organizations;
		this.tenants = tenants;
		this.suppliers = suppliers;
		this.orders = orders;
		this.invoices = invoices;
		this.sources = sources;
		this.transactions = transactions;
	}

	/**
	 * Creates the demo wholesaler and the clinic's side unless the wholesaler exists.
	 * @param connectUrl the base URL of this server's Connect API
	 * @return true when created now
	 */
	boolean load(String connectUrl) {
		if (this.organizations.findByProvetId(DemoCredentials.WHOLESALER_PROVET_ID).isPresent()) {
			return false;
		}
		long clinic = this.organizations.findByProvetId(DemoCredentials.PROVET_ID).orElseThrow().id();
		this.transactions.executeWithoutResult((status) -> {
			wholesaler();
			clinic(Caller.system(clinic, "demo"), connectUrl);
		});
		return true;
	}

	private void wholesaler() {
		long organization = this.tenants
			.create(DemoCredentials.WHOLESALER_PROVET_ID,
					new OrganizationSettings(WHOLESALER + " (demo wholesaler)", "EUR", "FI", "Europe/Helsinki",
							ReferenceNumberFormat.NONE, false, 30))
			.organization()
			.id();
		Caller caller = Caller.system(organization, "demo");
		long supplier = this.suppliers.create(caller, new SupplierDetails(WHOLESALER)).id();
		this.suppliers.addAccount(caller, supplier,
				new SupplyAccount(DemoCredentials.CONNECT_ACCOUNT, "Vetbill Demo Animal Clinics", null));
		this.suppliers.enrol(caller, supplier,
				new PracticeEnrolment("Vetbill Demo Animal Clinics", List.of(DemoCredentials.CONNECT_ACCOUNT)),
				DemoCredentials.CONNECT_USER_AUTH);
		this.suppliers.addClientKey(caller, supplier, new SupplierDetails("vetbill"),
				DemoCredentials.CONNECT_CLIENT_AUTH);
		for (String[] product : PRODUCTS) {
			this.suppliers.putProduct(caller, supplier, product[0], new Product(product[0], product[1],
					new BigDecimal(product[2]), new BigDecimal(product[3]), new BigDecimal(product[4])));
		}
		orders(caller, supplier);
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Europe/Helsinki")));
		this.invoices.record(caller, supplier, invoice(70001L, 5001L, today.minusDays(9), "PostNord",
				List.of(line("AMX-250", 10, 10), line("CAR-50", 4, 4), line("GZ-10", 20, 20))));
		this.invoices.record(caller, supplier,
				invoice(70002L, 5002L, today.minusDays(2), "DB Schenker", List.of(line("MEL-15", 6, 4))));
		this.invoices.record(caller, supplier,
				invoice(70003L, null, today.minusDays(1), "PostNord",
						List.of(new InvoiceLineDetails(null, "Cool box for vaccines", 0, 1, null,
								new BigDecimal("18.90"), null, null, new BigDecimal("4.82"), null, null, true))));
	}

	private void clinic(Caller caller, String connectUrl) {
		long supplier = this.suppliers.create(caller, new SupplierDetails(WHOLESALER)).id();
		this.suppliers.addAccount(caller, supplier,
				new SupplyAccount(DemoCredentials.CONNECT_ACCOUNT, "Our account with " + WHOLESALER, null));
		orders(caller, supplier);
		this.orders.record(caller, supplier, new OrderDetails(5003L, "HKI-PO-3", DemoCredentials.CONNECT_ACCOUNT,
				List.of(new OrderLineDetails("AMX-250", null, 5, new BigDecimal("11.20")))));
		this.sources.configure(caller, supplier,
				new ConnectSource(connectUrl, "vetbill demo", DemoCredentials.CONNECT_CLIENT_AUTH,
						DemoCredentials.CONNECT_USER_AUTH, "Vetbill Demo Animal Clinics", "manager", null));
	}

	/**
	 * The two electronic orders, as the clinic placed them and the wholesaler received
	 * them.
	 */
	private void orders(Caller caller, long supplier) {
		this.orders.record(caller, supplier,
				new OrderDetails(5001L, "HKI-PO-1", DemoCredentials.CONNECT_ACCOUNT,
						List.of(new OrderLineDetails("AMX-250", null, 10, new BigDecimal("11.20")),
								new OrderLineDetails("CAR-50", null, 4, new BigDecimal("24.80")),
								new OrderLineDetails("GZ-10", null, 20, new BigDecimal("0.85")))));
		this.orders.record(caller, supplier, new OrderDetails(5002L, "HKI-PO-2", DemoCredentials.CONNECT_ACCOUNT,
				List.of(new OrderLineDetails("MEL-15", null, 6, new BigDecimal("16.40")))));
	}

	private static final String[][] PRODUCTS = {
			{ "AMX-250", "Amoxicillin 250 mg, 100 tablets", "13.50", "11.20", "19.90" },
			{ "CAR-50", "Carprofen 50 mg, 100 tablets", "29.00", "24.80", "39.50" },
			{ "GZ-10", "Gauze swabs 10 x 10 cm, 100", "1.10", "0.85", "2.40" },
			{ "MEL-15", "Meloxicam oral suspension 1.5 mg/ml, 100 ml", "19.60", "16.40", "27.90" } };

	private static InvoiceLineDetails line(String code, int ordered, int shipped) {
		for (String[] product : PRODUCTS) {
			if (product[0].equals(code)) {
				BigDecimal price = new BigDecimal(product[3]);
				BigDecimal tax = price.multiply(BigDecimal.valueOf(shipped))
					.multiply(new BigDecimal("0.255"))
					.setScale(2, RoundingMode.HALF_UP);
				return new InvoiceLineDetails(code, product[1], ordered, shipped, null, price,
						new BigDecimal(product[2]), new BigDecimal(product[4]), tax, null, null, false);
			}
		}
		throw new IllegalArgumentException(code);
	}

	private static SupplierInvoiceDetails invoice(long number, @Nullable Long order, LocalDate date, String carrier,
			List<InvoiceLineDetails> lines) {
		return new SupplierInvoiceDetails(number, order, (order != null) ? "HKI-PO-" + (order - 5000) : null,
				DemoCredentials.CONNECT_ACCOUNT, date, null,
				new Shipping("Helsinki Central Clinic",
						new Address("Mannerheimintie 1", null, "Helsinki", null, "00100", "Finland"), carrier,
						"JJFI" + number),
				date.plusDays(30), new BigDecimal("9.90"), null, null, lines);
	}

}
