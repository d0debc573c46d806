package org.vetbill.invoicing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.InvoiceRepository.StoredInvoice;
import org.vetbill.invoicing.PaymentCommands.CancelPayment;
import org.vetbill.invoicing.PaymentCommands.NewPayment;
import org.vetbill.invoicing.PaymentCommands.PayOut;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.invoicing.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.INVOICE;
import static org.vetbill.shared.db.Tables.INVOICE_PAYMENT;

/**
 * Payments on invoices: recording, cancelling, paying out an overpayment and writing off
 * what is left. Each use case locks the invoice first, so payments on one invoice never
 * interleave, and is written to the audit log.
 */
@Service
public class Payments {

	/** The fields payments can be filtered on, as the APIs name them. */
	public static final FilterFields FILTERS = FilterFields.builder()
		.id("id", INVOICE_PAYMENT.ID)
		.relation("invoice", INVOICE_PAYMENT.INVOICE_ID)
		.relation("department", INVOICE.DEPARTMENT_ID)
		.relation("unallocated_payment", INVOICE_PAYMENT.UNALLOCATED_PAYMENT_ID)
		.relation("cancelled_payment", INVOICE_PAYMENT.CANCELS_PAYMENT_ID)
		.integer("payment_type", INVOICE_PAYMENT.PAYMENT_TYPE)
		.decimal("paid", INVOICE_PAYMENT.PAID)
		.dateTime("date_added", INVOICE_PAYMENT.PAYMENT_DATE)
		.dateTime("created", INVOICE_PAYMENT.CREATED)
		.dateTime("modified", INVOICE_PAYMENT.MODIFIED)
		.build();

	private final InvoiceRepository invoices;

	private final PaymentRepository payments;

	private final Ledger ledger;

	private final Organizations organizations;

	private final Departments departments;

	private final AuditLog audit;

	private final ChangeEvents events;

	Payments(InvoiceRepository invoices, PaymentRepository payments, Ledger ledger, Organizations organizations,
			Departments departments, AuditLog audit, ChangeEvents events) {
		this.invoices = invoices;
		this.payments = payments;
		this.ledger = ledger;
		this.organizations = organizations;
		this.departments = departments;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Records a payment on a finalized invoice: more than zero, not more than is due, not
	 * of type 8, and not dated inside a locked period.
	 * @param caller the caller
	 * @param command the payment
	 * @return the payment
	 */
	@Transactional
	public PaymentView record(Caller caller, NewPayment command) {
		Organization organization = this.organizations.get(caller.organizationId());
		PaymentType type = Ledger.recordableType(command.paymentType(), "payment_type");
		Money amount = Ledger.amount(command.paid(), organization.currency(), "paid");
		StoredInvoice invoice = this.invoices.tryLock(caller, command.invoiceId())
			.orElseThrow(() -> InvalidInput.field("invoice",
					"Invalid hyperlink - invoice " + command.invoiceId() + " does not exist."));
		InvoiceBalance balance = invoice.balance(organization.currency());
		balance.requirePayable("invoice");
		balance.checkPayment(amount, "paid");
		Instant now = this.ledger.now();
		Instant date = (command.paymentDate() != null) ? command.paymentDate().truncatedTo(ChronoUnit.MICROS) : now;
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), this.ledger.dateOf(organization, date),
				"date_added");
		long id = this.ledger.pay(caller, invoice, organization.currency(), new PaymentRepository.PaymentRecord(
				invoice.id(), type, amount.amount(), date, command.info(), null, null, null), now);
		PaymentView payment = this.payments.payment(caller, id, organization.currency());
		this.audit.record(caller, "payment.recorded", "invoice_payment", id, null, payment);
		this.events.changed(caller, Change.payment(invoice.departmentId(), id),
				Change.invoice(invoice.departmentId(), invoice.id(), true));
		return payment;
	}

	/**
	 * Cancels a payment with a new payment of the opposite amount that points at it. The
	 * cancellation is dated as asked where the department's
	 * {@code payment_cancel_set_date} is on, otherwise now. A payment is cancelled at
	 * most once; a cancellation and a credit-note settlement cannot be cancelled.
	 * Cancelling the use of a prepayment gives the amount back to the prepayment.
	 * @param caller the caller
	 * @param paymentId the payment
	 * @param command the reason and date
	 * @return the cancellation
	 */
	@Transactional
	public PaymentView cancel(Caller caller, long paymentId, CancelPayment command) {
		if (command.info().isBlank()) {
			throw InvalidInput.field("info", "This field may not be blank.");
		}
		Organization organization = this.organizations.get(caller.organizationId());
		PaymentView original = this.payments.payment(caller, paymentId, organization.currency());
		StoredInvoice invoice = this.invoices.lock(caller, original.invoiceId());
		PaymentView current = this.payments.payment(caller, paymentId, organization.currency());
		current.recorded().requireCancellable();
		Department department = this.departments.get(caller, invoice.departmentId());
		Instant now = this.ledger.now();
		Instant date = now;
		Instant asked = command.cancelDate();
		if (department.settings().paymentCancelSetDate() && asked != null) {
			date = asked.truncatedTo(ChronoUnit.MICROS);
		}
		this.ledger.checkPeriod(department, organization, this.ledger.dateOf(organization, date), "cancel_date");
		Money amount = Money.of(current.paid(), organization.currency()).negate();
		List<Change> changes = new ArrayList<>();
		Long prepaymentId = current.unallocatedPaymentId();
		if (prepaymentId != null) {
			long prepaymentDepartment = this.payments.lockPrepayment(caller, prepaymentId).departmentId();
			this.payments.changeUnusedAmount(caller, prepaymentId, current.paid(), now);
			changes.add(Change.prepayment(prepaymentDepartment, prepaymentId));
		}
		long id = this.ledger.pay(caller, invoice, organization.currency(),
				new PaymentRepository.PaymentRecord(invoice.id(), PaymentType.of(current.paymentType()),
						amount.amount(), date, command.info(), paymentId, prepaymentId, null),
				now);
		this.payments.touchPayment(caller, paymentId, now);
		PaymentView cancellation = this.payments.payment(caller, id, organization.currency());
		this.audit.record(caller, "payment.cancelled", "invoice_payment", paymentId, current, cancellation);
		changes.addAll(0,
				List.of(Change.payment(invoice.departmentId(), id), Change.payment(invoice.departmentId(), paymentId),
						Change.invoice(invoice.departmentId(), invoice.id(), true)));
		this.events.changed(caller, changes);
		return cancellation;
	}

	/**
	 * Pays an invoice's overpayment back to the client, as a negative payment.
	 * @param caller the caller
	 * @param invoiceId the overpaid invoice
	 * @param command how it is paid back
	 * @return the payout
	 */
	@Transactional
	public PaymentView payOut(Caller caller, long invoiceId, PayOut command) {
		Organization organization = this.organizations.get(caller.organizationId());
		PaymentType type = Ledger.recordableType(command.paymentType(), "payment_type");
		StoredInvoice invoice = this.invoices.lock(caller, invoiceId);
		Money overpayment = invoice.balance(organization.currency()).overpayment();
		Instant now = this.ledger.now();
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), this.ledger.today(organization), "date");
		long id = this.ledger.pay(caller, invoice, organization.currency(),
				new PaymentRepository.PaymentRecord(invoiceId, type, overpayment.negate().amount(), now,
						(command.info() != null) ? command.info() : "Overpayment paid out", null, null, null),
				now);
		PaymentView payout = this.payments.payment(caller, id, organization.currency());
		this.audit.record(caller, "payment.paid_out", "invoice_payment", id, null, payout);
		this.events.changed(caller, Change.payment(invoice.departmentId(), id),
				Change.invoice(invoice.departmentId(), invoiceId, true));
		return payout;
	}

	/**
	 * Writes off the remaining balance of an issued invoice as bad debt: a ledger event
	 * of its own; the invoice's total and payments stay as they are, and its due sum
	 * becomes zero.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param reason why
	 * @return the invoice
	 */
	@Transactional
	public InvoiceView writeOff(Caller caller, long invoiceId, @Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.field("reason", "must not be blank");
		}
		Organization organization = this.organizations.get(caller.organizationId());
		StoredInvoice invoice = this.invoices.lock(caller, invoiceId);
		InvoiceBalance balance = invoice.balance(organization.currency());
		Money amount = balance.writeOff();
		Instant now = this.ledger.now();
		LocalDate today = this.ledger.today(organization);
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), today, "date");
		this.payments.insertWriteOff(caller, invoiceId, amount.amount(), today, reason, now);
		this.invoices.writeOff(caller, invoiceId, amount.amount(), now);
		InvoiceView after = this.invoices.view(caller, invoiceId, organization.currency()).orElseThrow();
		this.audit.record(caller, "invoice.written_off", "invoice", invoiceId, balance, after);
		this.events.changed(caller, Change.invoice(invoice.departmentId(), invoiceId, true));
		return after;
	}

	@Transactional(readOnly = true)
	public PaymentView get(Caller caller, long id) {
		return this.payments.payment(caller, id, currency(caller));
	}

	@Transactional(readOnly = true)
	public Counted<PaymentView> search(Caller caller, Criteria criteria, OffsetPage page) {
		Organization organization = this.organizations.get(caller.organizationId());
		return this.payments.paymentPage(caller, FILTERS.condition(criteria, organization.zone()), page,
				organization.currency());
	}

	@Transactional(readOnly = true)
	public List<PaymentView> getAll(Caller caller, Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.payments.payments(caller, ids, currency(caller));
	}

	private java.util.Currency currency(Caller caller) {
		return this.organizations.get(caller.organizationId()).currency();
	}

}
