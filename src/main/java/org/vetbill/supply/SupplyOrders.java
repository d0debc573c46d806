package org.vetbill.supply;

import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;
import org.vetbill.supply.domain.OrderDetails;
import org.vetbill.supply.domain.OrderLineDetails;
import org.vetbill.supply.domain.Receipts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic orders placed with a supplier, and what the supplier's invoices have shipped
 * for their lines.
 */
@Service
public class SupplyOrders {

	private final SupplyOrderRepository repository;

	private final SupplierRepository supplierRepository;

	private final SupplierInvoiceRepository invoiceRepository;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Suppliers suppliers;

	SupplyOrders(SupplyOrderRepository repository, SupplierRepository supplierRepository,
			SupplierInvoiceRepository invoiceRepository, InputValidator validator, AuditLog audit, Clock clock,
			Suppliers suppliers) {
		this.repository = repository;
		this.supplierRepository = supplierRepository;
		this.invoiceRepository = invoiceRepository;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.suppliers = suppliers;
	}

	/**
	 * Records an order. Each line names a product code or a description; the account must
	 * be one of the supplier's, and the order id, if given, must be free. Invoices the
	 * supplier sent for the order before it was recorded count as received at once.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param details the order
	 * @return the order as stored
	 */
	@Transactional
	public SupplyOrder record(Caller caller, long supplierId, OrderDetails details) {
		this.validator.validate(details, () -> lineErrors(details));
		this.suppliers.lock(caller, supplierId);
		if (!this.supplierRepository.hasAccount(caller, supplierId, details.accountCode())) {
			throw InvalidInput.of("accountCode", "supplier_has_no_account", "account", details.accountCode());
		}
		long number = (details.orderId() != null) ? details.orderId() : this.repository.nextNumber(caller, supplierId);
		if (this.repository.exists(caller, supplierId, number)) {
			throw new Conflict("duplicate_order_id", Facts.of("order", number));
		}
		this.repository.insert(caller, supplierId, number, details, Timestamps.now(this.clock));
		refreshReceipts(caller, supplierId, number);
		SupplyOrder created = get(caller, supplierId, number);
		this.audit.record(caller, "supply_order.created", "supplier", supplierId, null, created);
		return created;
	}

	/**
	 * Records the orders of a CSV file (see {@link SupplyCsv}), all or none.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param csv the file
	 * @return how many orders and lines were recorded
	 * @throws InvalidInput naming the file line and column of each error
	 */
	@Transactional
	public CsvImport importCsv(Caller caller, long supplierId, Reader csv) {
		this.suppliers.get(caller, supplierId);
		return SupplyCsv.record(SupplyCsv.orders(csv), "OrderId", (value) -> record(caller, supplierId, value));
	}

	@Transactional(readOnly = true)
	public SupplyOrder get(Caller caller, long supplierId, long orderId) {
		return this.repository.find(caller, supplierId, orderId)
			.orElseThrow(() -> new NotFound("supply_order", orderId));
	}

	@Transactional(readOnly = true)
	public List<SupplyOrder> list(Caller caller, long supplierId) {
		this.suppliers.get(caller, supplierId);
		return this.repository.list(caller, supplierId);
	}

	/**
	 * Sets the received quantities of an order's lines from every invoice the supplier
	 * sent for it (see {@link Receipts}). Nothing happens when the order is not recorded
	 * here.
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param orderId the supplier's order id
	 */
	void refreshReceipts(Caller caller, long supplierId, long orderId) {
		Long id = this.repository.lock(caller, supplierId, orderId);
		if (id == null) {
			return;
		}
		List<SupplyOrder.Line> lines = this.repository.lines(caller, id);
		int[] received = Receipts.received(lines.stream()
			.map((line) -> new OrderLineDetails(line.productCode(), line.description(), line.quantity(), line.price()))
			.toList(), this.invoiceRepository.linesOfOrder(caller, supplierId, orderId));
		boolean changed = false;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).quantityReceived() != received[i]) {
				this.repository.setReceived(caller, id, lines.get(i).lineNumber(), received[i]);
				changed = true;
			}
		}
		if (changed) {
			this.repository.touch(caller, id, Timestamps.now(this.clock));
		}
	}

	private static List<FieldError> lineErrors(OrderDetails details) {
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < details.lines().size(); i++) {
			if (details.lines().get(i).matchKey() == null) {
				errors.add(FieldError.of("lines[" + i + "]", "order_line_unnamed"));
			}
		}
		return errors;
	}

}
