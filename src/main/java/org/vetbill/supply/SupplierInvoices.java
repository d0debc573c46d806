package org.vetbill.supply;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.query.FilterValues;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;
import org.vetbill.supply.domain.InvoiceLineDetails;
import org.vetbill.supply.domain.Shipping;
import org.vetbill.supply.domain.SupplierInvoiceDetails;
import org.vetbill.supply.domain.SupplierInvoiceFigures;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier invoices: recorded by the supplier (and read by its enrolled practices) or
 * imported from a supplier's Connect endpoint. Every change sets the invoice's modified
 * time, which the lists of invoices changed after a time follow, and brings the received
 * quantities of the invoice's order up to date.
 */
@Service
public class SupplierInvoices {

	/** An invoice recorded here by the supplier. */
	public static final String RECORDED = "RECORDED";

	/** An invoice imported from a Connect endpoint. */
	public static final String IMPORTED = "IMPORTED";

	private final SupplierInvoiceRepository repository;

	private final SupplierRepository supplierRepository;

	private final SupplyOrderRepository orderRepository;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Suppliers suppliers;

	private final SupplyOrders orders;

	SupplierInvoices(SupplierInvoiceRepository repository, SupplierRepository supplierRepository,
			SupplyOrderRepository orderRepository, InputValidator validator, AuditLog audit, Clock clock,
			Suppliers suppliers, SupplyOrders orders) {
		this.repository = repository;
		this.supplierRepository = supplierRepository;
		this.orderRepository = orderRepository;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.suppliers = suppliers;
		this.orders = orders;
	}

	/**
	 * Records an invoice of the supplier: its account must be one of the supplier's, its
	 * order (if it names one) one of the supplier's orders, its figures must add up, and
	 * its number, if given, must be free.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the invoice
	 * @return the invoice as stored
	 */
	@Transactional
	public SupplierInvoice record(Caller caller, long supplierId, SupplierInvoiceDetails details) {
		SupplierInvoiceDetails invoice = checked(caller, supplierId, details);
		this.suppliers.lock(caller, supplierId);
		long number = (invoice.invoiceNumber() != null) ? invoice.invoiceNumber()
				: this.repository.nextNumber(caller, supplierId);
		if (this.repository.exists(caller, supplierId, number)) {
			throw new Conflict("duplicate_invoice_number", Facts.of("invoice", number));
		}
		insert(caller, supplierId, number, invoice, RECORDED);
		SupplierInvoice created = get(caller, supplierId, number);
		this.audit.record(caller, "supplier_invoice.created", "supplier", supplierId, null, created);
		return created;
	}

	/**
	 * Records the invoices of a CSV file (see {@link SupplyCsv}), all or none.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param csv the file
	 * @return how many invoices and lines were recorded
	 * @throws InvalidInput naming the file line and column of each error
	 */
	@Transactional
	public CsvImport importCsv(Caller caller, long supplierId, Reader csv) {
		this.suppliers.get(caller, supplierId);
		return SupplyCsv.record(SupplyCsv.invoices(csv), "InvoiceNumber", (value) -> record(caller, supplierId, value));
	}

	/**
	 * Replaces a recorded invoice with a corrected one (same number).
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param invoiceNumber the invoice
	 * @param details the corrected invoice
	 * @return the invoice as stored
	 */
	@Transactional
	public SupplierInvoice replace(Caller caller, long supplierId, long invoiceNumber, SupplierInvoiceDetails details) {
		if (details.invoiceNumber() != null && details.invoiceNumber() != invoiceNumber) {
			throw InvalidInput.of("invoiceNumber", "invoice_number_changed", "invoiceNumber", details.invoiceNumber(),
					"invoice", invoiceNumber);
		}
		SupplierInvoiceDetails invoice = checked(caller, supplierId, details);
		this.suppliers.lock(caller, supplierId);
		SupplierInvoice before = get(caller, supplierId, invoiceNumber);
		if (!RECORDED.equals(before.origin())) {
			throw new Conflict("imported_invoice", Facts.of("invoice", invoiceNumber));
		}
		update(caller, supplierId, invoiceNumber, invoice, before);
		SupplierInvoice after = get(caller, supplierId, invoiceNumber);
		this.audit.record(caller, "supplier_invoice.updated", "supplier", supplierId, before, after);
		return after;
	}

	/** What importing one invoice did. */
	public enum Saved {

		/** It was new. */
		IMPORTED,

		/** It was known and has changed. */
		UPDATED,

		/** It was known and is the same. */
		UNCHANGED

	}

	/**
	 * Stores an invoice imported from the supplier's Connect endpoint, once per invoice
	 * number: a known invoice is updated when it has changed and left alone otherwise.
	 * The supplier's figures are kept as sent.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the invoice, with its number
	 * @return what happened
	 */
	@Transactional
	public Saved saveImported(Caller caller, long supplierId, SupplierInvoiceDetails details) {
		this.validator.validate(details);
		if (details.invoiceNumber() == null) {
			throw InvalidInput.of("invoiceNumber", "invoice_number_required");
		}
		SupplierInvoiceDetails invoice = normalized(details, SupplierInvoiceFigures.asSent(details));
		this.suppliers.lock(caller, supplierId);
		Optional<SupplierInvoice> known = this.repository.find(caller, supplierId, details.invoiceNumber());
		if (known.isEmpty()) {
			insert(caller, supplierId, details.invoiceNumber(), invoice, IMPORTED);
			this.audit.record(caller, "supplier_invoice.imported", "supplier", supplierId, null,
					get(caller, supplierId, details.invoiceNumber()));
			return Saved.IMPORTED;
		}
		if (known.get().details().equals(invoice)) {
			return Saved.UNCHANGED;
		}
		update(caller, supplierId, details.invoiceNumber(), invoice, known.get());
		this.audit.record(caller, "supplier_invoice.reimported", "supplier", supplierId, known.get(),
				get(caller, supplierId, details.invoiceNumber()));
		return Saved.UPDATED;
	}

	@Transactional(readOnly = true)
	public SupplierInvoice get(Caller caller, long supplierId, long invoiceNumber) {
		return this.repository.find(caller, supplierId, invoiceNumber)
			.orElseThrow(() -> new NotFound("supplier_invoice", invoiceNumber));
	}

	/**
	 * The supplier's invoices in number order, filtered.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param filter which invoices
	 * @return their summaries
	 */
	@Transactional(readOnly = true)
	public List<InvoiceSummary> list(Caller caller, long supplierId, InvoiceFilter filter) {
		filter.requireStorable();
		this.suppliers.get(caller, supplierId);
		return this.repository.list(caller, supplierId, filter);
	}

	/**
	 * Which invoices a list shows.
	 *
	 * @param dateFrom invoices dated on or after
	 * @param dateTo invoices dated on or before
	 * @param updatedAfter invoices changed after
	 * @param accountCodes invoices of these accounts only (null: all)
	 */
	public record InvoiceFilter(@Nullable LocalDate dateFrom, @Nullable LocalDate dateTo,
			@Nullable Instant updatedAfter, @Nullable Collection<String> accountCodes) {

		/**
		 * Refuses dates no database stores (outside the years 1 to 9999), before any
		 * query.
		 * @throws InvalidInput naming each such filter
		 */
		void requireStorable() {
			List<FieldError> problems = new ArrayList<>();
			if (this.dateFrom != null && !FilterValues.storable(this.dateFrom)) {
				problems.add(FieldError.of("dateFrom", "filter_date_out_of_range", "value", this.dateFrom));
			}
			if (this.dateTo != null && !FilterValues.storable(this.dateTo)) {
				problems.add(FieldError.of("dateTo", "filter_date_out_of_range", "value", this.dateTo));
			}
			if (this.updatedAfter != null && !FilterValues.storable(this.updatedAfter)) {
				problems.add(FieldError.of("updatedAfter", "filter_date_out_of_range", "value", this.updatedAfter));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
		}

		public static InvoiceFilter all() {
			return new InvoiceFilter(null, null, null, null);
		}

	}

	private SupplierInvoiceDetails checked(Caller caller, long supplierId, SupplierInvoiceDetails details) {
		this.validator.validate(details);
		SupplierInvoiceFigures figures = SupplierInvoiceFigures.of(details);
		this.suppliers.get(caller, supplierId);
		List<FieldError> errors = new ArrayList<>();
		if (!this.supplierRepository.hasAccount(caller, supplierId, details.accountCode())) {
			errors.add(FieldError.of("accountCode", "supplier_has_no_account", "account", details.accountCode()));
		}
		if (details.orderId() != null && !this.orderRepository.exists(caller, supplierId, details.orderId())) {
			errors.add(FieldError.of("orderId", "supplier_has_no_order", "order", details.orderId()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return normalized(details, figures);
	}

	private void insert(Caller caller, long supplierId, long number, SupplierInvoiceDetails invoice, String origin) {
		this.repository.insert(caller, supplierId, number, invoice, origin, Timestamps.now(this.clock));
		if (invoice.orderId() != null) {
			this.orders.refreshReceipts(caller, supplierId, invoice.orderId());
		}
	}

	private void update(Caller caller, long supplierId, long number, SupplierInvoiceDetails invoice,
			SupplierInvoice before) {
		this.repository.update(caller, supplierId, number, invoice, Timestamps.now(this.clock));
		if (before.orderId() != null) {
			this.orders.refreshReceipts(caller, supplierId, before.orderId());
		}
		if (invoice.orderId() != null && !invoice.orderId().equals(before.orderId())) {
			this.orders.refreshReceipts(caller, supplierId, invoice.orderId());
		}
	}

	/**
	 * The invoice as it will read back: amounts in cents, unit prices with at least two
	 * decimals and no trailing zeros beyond, and the figures given.
	 */
	private static SupplierInvoiceDetails normalized(SupplierInvoiceDetails invoice, SupplierInvoiceFigures figures) {
		List<InvoiceLineDetails> lines = invoice.lines()
			.stream()
			.map((line) -> new InvoiceLineDetails(line.productCode(), line.description(), line.quantityOrdered(),
					line.quantityShipped(), line.purchaseOrderNumber(), Decimals.trim(line.price(), 2),
					StoredAmounts.price(line.listPrice()), StoredAmounts.price(line.rrp()),
					StoredAmounts.money(line.tax()), line.batch(), line.expiry(), line.miscellaneousItem()))
			.toList();
		Shipping shipping = invoice.shipping();
		if (shipping != null && shipping.address() != null && shipping.address().blank()) {
			shipping = new Shipping(shipping.name(), null, shipping.carrier(), shipping.trackingId());
		}
		if (shipping != null && shipping.name() == null && shipping.address() == null && shipping.carrier() == null
				&& shipping.trackingId() == null) {
			shipping = null;
		}
		return new SupplierInvoiceDetails(invoice.invoiceNumber(), invoice.orderId(), invoice.purchaseOrderNumber(),
				invoice.accountCode(), invoice.date(), invoice.notes(), shipping, invoice.paymentDue(),
				figures.freight(), figures.tax(), figures.total(), lines);
	}

}
