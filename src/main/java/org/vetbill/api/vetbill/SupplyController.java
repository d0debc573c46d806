package org.vetbill.api.vetbill;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.BillingAccess;
import org.vetbill.shared.access.ReadAccess;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.web.ApiPaths;
import org.vetbill.supply.ClientKey;
import org.vetbill.supply.ConnectSource;
import org.vetbill.supply.ConnectSourceStatus;
import org.vetbill.supply.ConnectImporter;
import org.vetbill.supply.ConnectSources;
import org.vetbill.supply.CsvImport;
import org.vetbill.supply.EnrolledPractice;
import org.vetbill.supply.ImportRun;
import org.vetbill.supply.InvoiceSummary;
import org.vetbill.supply.PracticeEnrolment;
import org.vetbill.supply.Product;
import org.vetbill.supply.Supplier;
import org.vetbill.supply.SupplierDetails;
import org.vetbill.supply.SupplierInvoice;
import org.vetbill.supply.SupplierInvoices;
import org.vetbill.supply.Suppliers;
import org.vetbill.supply.SupplyAccount;
import org.vetbill.supply.SupplyOrder;
import org.vetbill.supply.SupplyOrders;
import org.vetbill.supply.SupplierInvoices.InvoiceFilter;
import org.vetbill.supply.domain.OrderDetails;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supply records of vetbill's own API: suppliers, their accounts, enrolled practices,
 * client keys and products (settings), electronic orders and supplier invoices (billing;
 * also as CSV files), and the Connect source a buying organization imports a supplier's
 * invoices from.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL + "/suppliers")
class SupplyController {

	private static final String SUPPLIER = "/{supplier}";

	private static final String CSV = "text/csv";

	private final Suppliers suppliers;

	private final SupplyOrders orders;

	private final SupplierInvoices invoices;

	private final ConnectSources sources;

	private final ConnectImporter importer;

	SupplyController(Suppliers suppliers, SupplyOrders orders, SupplierInvoices invoices, ConnectSources sources,
			ConnectImporter importer) {
		this.suppliers = suppliers;
		this.orders = orders;
		this.invoices = invoices;
		this.sources = sources;
		this.importer = importer;
	}

	@GetMapping
	@ReadAccess
	List<Supplier> list(Caller caller) {
		return this.suppliers.list(caller);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	Supplier create(Caller caller, @RequestBody SupplierDetails details) {
		return this.suppliers.create(caller, details);
	}

	@GetMapping(SUPPLIER)
	@ReadAccess
	Supplier get(Caller caller, @PathVariable long supplier) {
		return this.suppliers.get(caller, supplier);
	}

	@GetMapping(SUPPLIER + "/accounts")
	@ReadAccess
	List<SupplyAccount> accounts(Caller caller, @PathVariable long supplier) {
		return this.suppliers.accounts(caller, supplier);
	}

	@PostMapping(SUPPLIER + "/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	SupplyAccount addAccount(Caller caller, @PathVariable long supplier, @RequestBody SupplyAccount account) {
		return this.suppliers.addAccount(caller, supplier, account);
	}

	@GetMapping(SUPPLIER + "/practices")
	@ReadAccess
	List<EnrolledPractice> practices(Caller caller, @PathVariable long supplier) {
		return this.suppliers.practices(caller, supplier);
	}

	@PostMapping(SUPPLIER + "/practices")
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	EnrolledPractice enrol(Caller caller, @PathVariable long supplier, @RequestBody PracticeEnrolment enrolment) {
		return this.suppliers.enrol(caller, supplier, enrolment);
	}

	@PostMapping(SUPPLIER + "/client-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	ClientKey addClientKey(Caller caller, @PathVariable long supplier, @RequestBody SupplierDetails details) {
		return this.suppliers.addClientKey(caller, supplier, details);
	}

	@GetMapping(SUPPLIER + "/products")
	@ReadAccess
	List<Product> products(Caller caller, @PathVariable long supplier) {
		return this.suppliers.products(caller, supplier);
	}

	@PutMapping(SUPPLIER + "/products/{code}")
	@SettingsAccess
	Product putProduct(Caller caller, @PathVariable long supplier, @PathVariable String code,
			@RequestBody Product product) {
		return this.suppliers.putProduct(caller, supplier, code, product);
	}

	@GetMapping(SUPPLIER + "/orders")
	@ReadAccess
	List<SupplyOrder> orders(Caller caller, @PathVariable long supplier) {
		return this.orders.list(caller, supplier);
	}

	@PostMapping(SUPPLIER + "/orders")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	SupplyOrder recordOrder(Caller caller, @PathVariable long supplier, @RequestBody OrderDetails order) {
		return this.orders.record(caller, supplier, order);
	}

	@PostMapping(path = SUPPLIER + "/orders/import", consumes = CSV)
	@BillingAccess
	CsvImport importOrders(Caller caller, @PathVariable long supplier, @RequestBody String csv) {
		return this.orders.importCsv(caller, supplier, reader(csv));
	}

	@GetMapping(SUPPLIER + "/orders/{order}")
	@ReadAccess
	SupplyOrder order(Caller caller, @PathVariable long supplier, @PathVariable long order) {
		return this.orders.get(caller, supplier, order);
	}

	@GetMapping(SUPPLIER + "/invoices")
	@ReadAccess
	List<InvoiceSummary> invoices(Caller caller, @PathVariable long supplier,
			@RequestParam(name = "date_from",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateFrom,
			@RequestParam(name = "date_to",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateTo,
			@RequestParam(name = "updated_after", required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant updatedAfter,
			@RequestParam(name = "account_code", required = false) @Nullable List<String> accountCodes) {
		return this.invoices.list(caller, supplier, new InvoiceFilter(dateFrom, dateTo, updatedAfter, accountCodes));
	}

	@PostMapping(SUPPLIER + "/invoices")
	@ResponseStatus(HttpStatus.CREATED)
	@BillingAccess
	SupplierInvoice recordInvoice(Caller caller, @PathVariable long supplier,
			@RequestBody SupplierInvoiceDetails invoice) {
		return this.invoices.record(caller, supplier, invoice);
	}

	@PostMapping(path = SUPPLIER + "/invoices/import", consumes = CSV)
	@BillingAccess
	CsvImport importInvoices(Caller caller, @PathVariable long supplier, @RequestBody String csv) {
		return this.invoices.importCsv(caller, supplier, reader(csv));
	}

	@GetMapping(SUPPLIER + "/invoices/{number}")
	@ReadAccess
	SupplierInvoice invoice(Caller caller, @PathVariable long supplier, @PathVariable long number) {
		return this.invoices.get(caller, supplier, number);
	}

	@PutMapping(SUPPLIER + "/invoices/{number}")
	@BillingAccess
	SupplierInvoice replaceInvoice(Caller caller, @PathVariable long supplier, @PathVariable long number,
			@RequestBody SupplierInvoiceDetails invoice) {
		return this.invoices.replace(caller, supplier, number, invoice);
	}

	@GetMapping(SUPPLIER + "/connect-source")
	@ReadAccess
	ConnectSourceStatus source(Caller caller, @PathVariable long supplier) {
		return this.sources.status(caller, supplier);
	}

	@PutMapping(SUPPLIER + "/connect-source")
	@SettingsAccess
	ConnectSourceStatus configure(Caller caller, @PathVariable long supplier, @RequestBody ConnectSource source) {
		return this.sources.configure(caller, supplier, source);
	}

	@PostMapping(SUPPLIER + "/connect-source/import")
	@BillingAccess
	ImportRun importNow(Caller caller, @PathVariable long supplier) {
		return this.importer.importNow(caller, supplier);
	}

	private static Reader reader(String csv) {
		return new StringReader(csv);
	}

}
