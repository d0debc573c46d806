package org.vetbill.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.InvoiceBalances;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.LockedInvoice;
import org.vetbill.invoicing.domain.InvoiceBalance;
import org.vetbill.payments.PaymentCommands.CancelPayment;
import org.vetbill.payments.PaymentCommands.NewPayment;
import org.vetbill.payments.PaymentCommands.PayOut;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.events.MoneyEvent;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.Window;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments on invoices: recording, cancelling, paying out an overpayment and writing off
 * what is left. Each use case locks the invoice first, so payments on one invoice never
 * interleave, and is written to the audit log.
 */
@Service
public class Payments {

	/** The longest free text of a payment. */
	private static final int INFO_MAX_LENGTH = 1000;

	private final InvoiceBalances invoices;

	private final InvoiceQueries invoiceQueries;

	private final PaymentStore payments;

	private final PrepaymentStore prepayments;

	private final Ledger ledger;

	private final Organizations organizations;

	private final Departments departments;

	private final AuditLog audit;

	private final ChangeEvents events;

	Payments(InvoiceBalances invoices, InvoiceQueries invoiceQueries, PaymentStore payments,
			PrepaymentStore prepayments, Ledger ledger, Organizations organizations, Departments departments,
			AuditLog audit, ChangeEvents events) {
		this.invoices = invoices;
		this.invoiceQueries = invoiceQueries;
		this.payments = payments;
		this.prepayments = prepayments;
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
		PaymentType type = Ledger.recordableType(command.paymentType(), "paymentType");
		Money amount = Ledger.amount(command.paid(), organization.currency(), "paid");
		LockedInvoice invoice = this.invoices.tryLock(caller, command.invoiceId(), organization.currency())
			.orElseThrow(() -> InvalidInput.of("invoiceId", "unknown_relation", "entity", "invoice", "id",
					command.invoiceId()));
		InvoiceBalance balance = invoice.balance();
		balance.requirePayable("invoiceId");
		balance.checkPayment(amount, "paid");
		Instant now = this.ledger.now();
		Instant date = (command.paymentDate() != null)
				? Ledger.notAhead(command.paymentDate().truncatedTo(ChronoUnit.MICROS), now, "paymentDate") : now;
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), this.ledger.dateOf(organization, date),
				"paymentDate");
		PaymentView payment = this.ledger.pay(caller, invoice, type, amount, date, command.info(), Ledger.Links.NONE,
				now);
		this.audit.record(caller, "payment.recorded", "invoice_payment", payment.id(), null, payment);
		this.events.changed(caller, Change.payment(invoice.departmentId(), payment.id()),
				Change.invoice(invoice.departmentId(), invoice.id(), true));
		this.events.moneyMoved(caller, MoneyEvent.of(MoneyEvent.Kind.PAYMENT_RECORDED, invoice.departmentId(),
				payment.id(), amount, type.code()));
		return payment;
	}

	/**
	 * Cancels a payment with a new payment of the opposite amount that points at it. The
	 * cancellation is dated as asked where the department's {@code paymentCancelSetDate}
	 * is on, otherwise now. A payment is cancelled at most once; a cancellation and a
	 * credit-note settlement cannot be cancelled. Cancelling the use of a prepayment
	 * gives the amount back to the prepayment.
	 * @param caller the caller
	 * @param paymentId the payment
	 * @param command the reason and date
	 * @return the cancellation
	 */
	@Transactional
	public PaymentView cancel(Caller caller, long paymentId, CancelPayment command) {
		if (command.info().isBlank()) {
			throw InvalidInput.of("info", "blank");
		}
		Organization organization = this.organizations.get(caller.organizationId());
		PaymentView original = payment(caller, paymentId, organization.currency());
		LockedInvoice invoice = this.invoices.lock(caller, original.invoiceId(), organization.currency());
		// read again under the invoice's lock: a concurrent cancellation has committed by
		// now
		PaymentView current = payment(caller, paymentId, organization.currency());
		current.recorded().requireCancellable();
		Department department = this.departments.get(caller, invoice.departmentId());
		Instant now = this.ledger.now();
		Instant date = now;
		Instant asked = command.cancelDate();
		if (department.settings().paymentCancelSetDate() && asked != null) {
			date = Ledger.notAhead(asked.truncatedTo(ChronoUnit.MICROS), now, "cancelDate");
		}
		this.ledger.checkPeriod(department, organization, this.ledger.dateOf(organization, date), "cancelDate");
		Money amount = Money.of(current.paid(), organization.currency()).negate();
		List<Change> changes = new ArrayList<>();
		Long prepaymentId = current.unallocatedPaymentId();
		if (prepaymentId != null) {
			long prepaymentDepartment = this.prepayments.lock(caller, prepaymentId).departmentId();
			this.prepayments.changeUnusedAmount(caller, prepaymentId, current.paid(), now);
			changes.add(Change.prepayment(prepaymentDepartment, prepaymentId));
		}
		PaymentView cancellation = this.ledger.pay(caller, invoice, PaymentType.of(current.paymentType()), amount, date,
				command.info(), new Ledger.Links(paymentId, prepaymentId, null), now);
		this.payments.touch(caller, paymentId, now);
		this.audit.record(caller, "payment.cancelled", "invoice_payment", paymentId, current, cancellation);
		changes.addAll(0,
				List.of(Change.payment(invoice.departmentId(), cancellation.id()),
						Change.payment(invoice.departmentId(), paymentId),
						Change.invoice(invoice.departmentId(), invoice.id(), true)));
		this.events.changed(caller, changes);
		this.events.moneyMoved(caller, MoneyEvent.of(MoneyEvent.Kind.PAYMENT_CANCELLED, invoice.departmentId(),
				cancellation.id(), amount, current.paymentType()));
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
		PaymentType type = Ledger.recordableType(command.paymentType(), "paymentType");
		LockedInvoice invoice = this.invoices.lock(caller, invoiceId, organization.currency());
		Money overpayment = invoice.balance().overpayment();
		Instant now = this.ledger.now();
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), this.ledger.today(organization), "date");
		PaymentView payout = this.ledger.pay(caller, invoice, type, overpayment.negate(), now,
				(command.info() != null) ? command.info() : "Overpayment paid out", Ledger.Links.NONE, now);
		this.audit.record(caller, "payment.paid_out", "invoice_payment", payout.id(), null, payout);
		this.events.changed(caller, Change.payment(invoice.departmentId(), payout.id()),
				Change.invoice(invoice.departmentId(), invoiceId, true));
		this.events.moneyMoved(caller, MoneyEvent.of(MoneyEvent.Kind.PAYMENT_PAID_OUT, invoice.departmentId(),
				payout.id(), overpayment, type.code()));
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
			throw InvalidInput.of("reason", "must_not_be_blank");
		}
		Organization organization = this.organizations.get(caller.organizationId());
		LockedInvoice invoice = this.invoices.lock(caller, invoiceId, organization.currency());
		InvoiceBalance balance = invoice.balance();
		Money amount = balance.writeOff();
		Instant now = this.ledger.now();
		LocalDate today = this.ledger.today(organization);
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), today, "date");
		this.payments.insertWriteOff(caller, invoiceId, amount.amount(), today, reason, now);
		this.invoices.writeOff(caller, invoice, amount, now);
		InvoiceView after = this.invoiceQueries.get(caller, invoiceId);
		this.audit.record(caller, "invoice.written_off", "invoice", invoiceId, balance, after);
		this.events.changed(caller, Change.invoice(invoice.departmentId(), invoiceId, true));
		this.events.moneyMoved(caller,
				MoneyEvent.of(MoneyEvent.Kind.WRITE_OFF, invoice.departmentId(), invoiceId, amount, null));
		return after;
	}

	/**
	 * Changes a payment's free text, the only thing about a payment that may change: its
	 * amount, type, date and invoice stay as recorded.
	 * @param caller the caller
	 * @param paymentId the payment
	 * @param info the new text, or null to clear it
	 * @return the payment
	 */
	@Transactional
	public PaymentView changeInfo(Caller caller, long paymentId, @Nullable String info) {
		if (info != null && info.length() > INFO_MAX_LENGTH) {
			throw InvalidInput.of("info", "too_long", "max", INFO_MAX_LENGTH);
		}
		Currency currency = currency(caller);
		PaymentView before = payment(caller, paymentId, currency);
		if (Objects.equals(before.info(), info)) {
			return before;
		}
		this.payments.changeInfo(caller, paymentId, info, this.ledger.now());
		PaymentView after = payment(caller, paymentId, currency);
		this.audit.record(caller, "payment.info_changed", "invoice_payment", paymentId, before, after);
		this.events.changed(caller, Change.payment(after.departmentId(), paymentId));
		return after;
	}

	@Transactional(readOnly = true)
	public PaymentView get(Caller caller, long id) {
		return payment(caller, id, currency(caller));
	}

	/**
	 * The payments matching the criteria from an offset, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over the fields {@link PaymentStore} lists
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param window the offset and limit
	 * @return the payments and how many match
	 */
	@Transactional(readOnly = true)
	public Counted<PaymentView> search(Caller caller, Criteria criteria, List<Sort> order, Window.Offset window) {
		Organization organization = this.organizations.get(caller.organizationId());
		return this.payments.search(caller, criteria, order, window, organization.zone(), organization.currency());
	}

	@Transactional(readOnly = true)
	public List<PaymentView> getAll(Caller caller, Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.payments.byIds(caller, ids, currency(caller));
	}

	/**
	 * The payments of an invoice, cancellations included, in the order asked.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @return its payments
	 */
	@Transactional(readOnly = true)
	public List<PaymentView> ofInvoice(Caller caller, long invoiceId) {
		return getAll(caller, this.invoiceQueries.get(caller, invoiceId).paymentIds());
	}

	private PaymentView payment(Caller caller, long id, Currency currency) {
		return this.payments.find(caller, id, currency).orElseThrow(() -> new NotFound("invoice payment", id));
	}

	private Currency currency(Caller caller) {
		return this.organizations.get(caller.organizationId()).currency();
	}

}
