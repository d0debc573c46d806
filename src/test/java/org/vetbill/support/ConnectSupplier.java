package org.vetbill.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vetbill.supply.EnrolledPractice;
import org.vetbill.supply.PracticeEnrolment;
import org.vetbill.supply.SupplierDetails;
import org.vetbill.supply.SupplierInvoice;
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

/**
 * A supplier of a test tenant serving its invoices through the Connect API: the supplier,
 * a key for a practice management system, and practices enrolled with their accounts, set
 * up through the supply services.
 */
public final class ConnectSupplier {

	public final TestTenant tenant;

	public final long supplierId;

	/** The {@code Client-Auth} key of a practice management system. */
	public final String clientKey;

	private ConnectSupplier(TestTenant tenant, long supplierId, String clientKey) {
		this.tenant = tenant;
		this.supplierId = supplierId;
		this.clientKey = clientKey;
	}

	/**
	 * A new supplier with a client key.
	 * @param tenant the tenant selling
	 * @param name the supplier's name
	 * @return the supplier
	 */
	public static ConnectSupplier create(TestTenant tenant, String name) {
		Suppliers suppliers = tenant.bean(Suppliers.class);
		long id = suppliers.create(tenant.caller, new SupplierDetails(name)).id();
		String key = suppliers.addClientKey(tenant.caller, id, new SupplierDetails("Practice system")).key();
		return new ConnectSupplier(tenant, id, java.util.Objects.requireNonNull(key));
	}

	/**
	 * Records accounts and enrols a practice holding them.
	 * @param practice the practice's name
	 * @param accountCodes its accounts
	 * @return its {@code User-Auth} token
	 */
	public String enrol(String practice, String... accountCodes) {
		Suppliers suppliers = this.tenant.bean(Suppliers.class);
		for (String code : accountCodes) {
			suppliers.addAccount(this.tenant.caller, this.supplierId, new SupplyAccount(code, practice, null));
		}
		EnrolledPractice enrolled = suppliers.enrol(this.tenant.caller, this.supplierId,
				new PracticeEnrolment(practice, List.of(accountCodes)));
		return java.util.Objects.requireNonNull(enrolled.userAuth());
	}

	/**
	 * Records an electronic order of 12 vaccines, which invoices may ship.
	 * @param orderId the order's id
	 * @param accountCode the account
	 */
	public void order(long orderId, String accountCode) {
		this.tenant.bean(SupplyOrders.class)
			.record(this.tenant.caller, this.supplierId, new OrderDetails(orderId, "PO-" + orderId, accountCode,
					List.of(new OrderLineDetails("VAX-01", "Canine vaccine", 12, new BigDecimal("12.50")))));
	}

	/**
	 * Records an invoice of the supplier.
	 * @param details the invoice
	 * @return it as stored
	 */
	public SupplierInvoice record(SupplierInvoiceDetails details) {
		return this.tenant.bean(SupplierInvoices.class).record(this.tenant.caller, this.supplierId, details);
	}

	/**
	 * An invoice to Darwin (postcode {@code 0800}): 10 vaccines at 12.50 with 12.50 tax,
	 * a miscellaneous line at 0.00 with a batch, 10.00 freight; total 147.50.
	 * @param number the invoice number
	 * @param orderId the order, or null
	 * @param accountCode the account
	 * @param date the invoice date
	 * @return the invoice
	 */
	public static SupplierInvoiceDetails darwinInvoice(long number, Long orderId, String accountCode, LocalDate date) {
		return new SupplierInvoiceDetails(number, orderId, "PO-" + number, accountCode, date, "Leave at the back door",
				new Shipping("Darwin Vet Clinic",
						new Address("1 Smith Street", null, "Darwin", "NT", "0800",
								"Australia"),
						"StarTrack", "ST-" + number),
				date.plusDays(30), new BigDecimal("10.00"), null, null,
				List.of(new InvoiceLineDetails("VAX-01", "Canine vaccine", 12, 10, "PO-" + number,
						new BigDecimal("12.50"), new BigDecimal("14.00"), new BigDecimal("19.95"),
						new BigDecimal("12.50"), null, null, false),
						new InvoiceLineDetails(null, "Cold pack", 1, 1, "PO-" + number, new BigDecimal("0.00"), null,
								null, new BigDecimal("0.00"), "B123", LocalDate.parse("2027-03-31"), true)));
	}

	/**
	 * A small invoice without shipping: one line of 2 at 4.1234, no tax.
	 * @param number the invoice number
	 * @param accountCode the account
	 * @param date the invoice date
	 * @return the invoice
	 */
	public static SupplierInvoiceDetails plainInvoice(long number, String accountCode, LocalDate date) {
		return new SupplierInvoiceDetails(number, null, null, accountCode, date, null, null, null, null, null, null,
				List.of(new InvoiceLineDetails("GLV-100", "Gloves", 2, 2, null, new BigDecimal("4.1234"), null, null,
						new BigDecimal("0.00"), null, null, false)));
	}

	/**
	 * The Connect headers of a practice calling with the supplier's client key.
	 * @param userAuth the practice's token
	 * @return the headers, in a map the test may change
	 */
	public Map<String, String> headers(String userAuth) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Api-Version", "1");
		headers.put("Client", "PracticeSoft 4.2");
		headers.put("Client-Auth", this.clientKey);
		headers.put("User-Auth", userAuth);
		headers.put("Practice", "Darwin Vet Clinic");
		headers.put("User", "Jo Nurse");
		return headers;
	}

}
