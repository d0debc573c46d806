package org.vetbill.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.InvoiceBalances;
import org.vetbill.invoicing.LockedInvoice;
import org.vetbill.payments.PaymentCommands.ApplyPrepayment;
import org.vetbill.payments.PaymentCommands.ExternalInfo;
import org.vetbill.payments.PaymentCommands.NewPrepayment;
import org.vetbill.payments.PrepaymentStore.StoredPrepayment;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
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
 * Prepayments (unallocated payments): money received from a client before an invoice
 * exists, its refunds, its use on invoices, and overpayments moved into it. The unused
 * amount changes only under the prepayment's row lock and never goes below zero (the
 * database refuses it too).
 */
@Service
public class Prepayments {

	private final PrepaymentStore prepayments;

	private final PaymentStore payments;

	private final InvoiceBalances invoices;

	private final Ledger ledger;

	private final Organizations organizations;

	private final Departments departments;

	private final Clients clients;

	private final AuditLog audit;

	private final ChangeEvents events;

	Prepayments(PrepaymentStore prepayments, PaymentStore payments, InvoiceBalances invoices, Ledger ledger,
			Organizations organizations, Departments departments, Clients clients, AuditLog audit,
			ChangeEvents events) {
		this.prepayments = prepayments;
		this.payments = payments;
		this.invoices = invoices;
		this.ledger = ledger;
		this.organizations = organizations;
		this.departments = departments;
		this.clients = clients;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Records a prepayment, or with {@code refundsId} and a negative amount, refunds part
	 * or all of one: never more than its unused amount.
	 * @param caller the caller
	 * @param command the prepayment or refund
	 * @return the new record
	 */
	@Transactional
	public PrepaymentView create(Caller caller, NewPrepayment command) {
		Organization organization = this.organizations.get(caller.organizationId());
		List<FieldError> problems = new ArrayList<>();
		if (!this.departments.exists(caller, command.departmentId())) {
			problems.add(FieldError.of("departmentId", "unknown_relation", "entity", "department", "id",
					command.departmentId()));
		}
		if (this.clients.find(caller, command.clientId()).isEmpty()) {
			problems.add(FieldError.of("clientId", "unknown_relation", "entity", "client", "id", command.clientId()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		PaymentType type = Ledger.recordableType(command.paymentType(), "paymentType");
		Money paid = Ledger.amount(command.paid(), organization.currency(), "paid");
		LocalDate today = this.ledger.today(organization);
		this.ledger.checkPeriod(caller, organization, command.departmentId(), today, "paymentDate");
		Instant now = this.ledger.now();
		Long refundsId = command.refundsId();
		List<Change> changes = new ArrayList<>();
		if (refundsId == null) {
			if (!paid.isPositive()) {
				throw InvalidInput.of("paid", "prepayment_not_positive");
			}
		}
		else {
			StoredPrepayment original = this.prepayments.tryLock(caller, refundsId)
				.orElseThrow(() -> InvalidInput.of("refundsId", "unknown_relation", "entity", "unallocated payment",
						"id", refundsId));
			original.domain(organization.currency()).checkRefund(command.clientId(), paid);
			this.prepayments.changeUnusedAmount(caller, refundsId, paid.amount(), now);
			changes.add(Change.prepayment(original.departmentId(), refundsId));
		}
		long id = this.prepayments.insert(caller, new PrepaymentStore.PrepaymentRecord(command.departmentId(),
				command.clientId(), type, paid.amount(), command.description(), refundsId, null, today), now);
		PrepaymentView created = this.prepayments.get(caller, id, organization.currency());
		this.audit.record(caller, (refundsId == null) ? "prepayment.recorded" : "prepayment.refunded",
				"unallocated_payment", (refundsId == null) ? id : refundsId, null, created);
		changes.add(0, Change.prepayment(command.departmentId(), id));
		this.events.changed(caller, changes);
		this.events.moneyMoved(caller,
				MoneyEvent.of(
						(refundsId == null) ? MoneyEvent.Kind.PREPAYMENT_RECEIVED : MoneyEvent.Kind.PREPAYMENT_REFUNDED,
						command.departmentId(), id, paid, type.code()));
		return created;
	}

	/**
	 * Cancels a prepayment recorded in error. Only one that was never used nor refunded
	 * can be cancelled; its unused amount becomes zero.
	 * @param caller the caller
	 * @param id the prepayment
	 * @return the prepayment
	 */
	@Transactional
	public PrepaymentView cancel(Caller caller, long id) {
		StoredPrepayment prepayment = this.prepayments.lock(caller, id);
		Organization organization = this.organizations.get(caller.organizationId());
		prepayment.domain(organization.currency())
			.requireCancellable(this.payments.anyFrom(caller, id) || this.prepayments.refunded(caller, id));
		this.ledger.checkPeriod(caller, organization, prepayment.departmentId(), this.ledger.today(organization),
				"date");
		PrepaymentView before = this.prepayments.get(caller, id, organization.currency());
		this.prepayments.markCancelled(caller, id, this.ledger.now());
		PrepaymentView after = this.prepayments.get(caller, id, organization.currency());
		this.audit.record(caller, "prepayment.cancelled", "unallocated_payment", id, before, after);
		this.events.changed(caller, Change.prepayment(prepayment.departmentId(), id));
		this.events.moneyMoved(caller, MoneyEvent.of(MoneyEvent.Kind.PREPAYMENT_CANCELLED, prepayment.departmentId(),
				id, Money.of(before.paid(), organization.currency()), before.paymentType()));
		return after;
	}

	/**
	 * Writes the ERP's id and data onto a prepayment.
	 * @param caller the caller
	 * @param id the prepayment
	 * @param info the ERP's id and data
	 * @return the prepayment
	 */
	@Transactional
	public PrepaymentView setExternalInfo(Caller caller, long id, ExternalInfo info) {
		if (info.externalId() != null && info.externalId().length() > 200) {
			throw InvalidInput.of("externalId", "too_long", "max", 200);
		}
		StoredPrepayment prepayment = this.prepayments.lock(caller, id);
		Organization organization = this.organizations.get(caller.organizationId());
		PrepaymentView before = this.prepayments.get(caller, id, organization.currency());
		this.prepayments.setExternalInfo(caller, id, info.externalId(), info.metadata(), this.ledger.now());
		PrepaymentView after = this.prepayments.get(caller, id, organization.currency());
		this.audit.record(caller, "prepayment.external_info", "unallocated_payment", id, before, after);
		this.events.changed(caller, Change.prepayment(prepayment.departmentId(), id));
		return after;
	}

	/**
	 * Applies a prepayment of the invoice's client to a finalized invoice: a type-8
	 * payment on the invoice, and the prepayment's unused amount falls by as much.
	 * @param caller the caller
	 * @param invoiceId the invoice
	 * @param command the prepayment and amount
	 * @return the payment
	 */
	@Transactional
	public PaymentView apply(Caller caller, long invoiceId, ApplyPrepayment command) {
		Organization organization = this.organizations.get(caller.organizationId());
		LockedInvoice invoice = this.invoices.lock(caller, invoiceId, organization.currency());
		StoredPrepayment prepayment = this.prepayments.lock(caller, command.prepaymentId());
		Money amount = prepayment.domain(organization.currency())
			.toApply(
					invoice.clientId(), (command.amount() != null)
							? Ledger.amount(command.amount(), organization.currency(), "amount") : null,
					invoice.balance());
		Instant now = this.ledger.now();
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), this.ledger.today(organization), "date");
		this.prepayments.changeUnusedAmount(caller, prepayment.id(), amount.negate().amount(), now);
		PaymentView payment = this.ledger.pay(caller, invoice, PaymentType.PREPAYMENT, amount, now,
				"Prepayment " + prepayment.id(), new Ledger.Links(null, prepayment.id(), null), now);
		this.audit.record(caller, "prepayment.applied", "invoice_payment", payment.id(), null, payment);
		this.events.changed(caller, Change.payment(invoice.departmentId(), payment.id()),
				Change.invoice(invoice.departmentId(), invoiceId, true),
				Change.prepayment(prepayment.departmentId(), prepayment.id()));
		this.events.moneyMoved(caller, MoneyEvent.of(MoneyEvent.Kind.PAYMENT_RECORDED, invoice.departmentId(),
				payment.id(), amount, PaymentType.PREPAYMENT.code()));
		return payment;
	}

	/**
	 * Moves an invoice's overpayment to its client's prepayments: a negative payment on
	 * the invoice and a new prepayment of the same amount.
	 * @param caller the caller
	 * @param invoiceId the overpaid invoice
	 * @return the new prepayment
	 */
	@Transactional
	public PrepaymentView moveOverpayment(Caller caller, long invoiceId) {
		Organization organization = this.organizations.get(caller.organizationId());
		LockedInvoice invoice = this.invoices.lock(caller, invoiceId, organization.currency());
		Money overpayment = invoice.balance().overpayment();
		Long clientId = invoice.clientId();
		if (clientId == null) {
			throw RuleViolation.of("invoice_without_client", "invoice", invoiceId);
		}
		LocalDate today = this.ledger.today(organization);
		this.ledger.checkPeriod(caller, organization, invoice.departmentId(), today, "date");
		Instant now = this.ledger.now();
		long prepaymentId = this.prepayments.insert(caller,
				new PrepaymentStore.PrepaymentRecord(invoice.departmentId(), clientId, PaymentType.OTHER,
						overpayment.amount(), "Overpayment of invoice " + invoiceId, null, invoiceId, today),
				now);
		long paymentId = this.ledger
			.pay(caller, invoice, PaymentType.PREPAYMENT, overpayment.negate(), now,
					"Overpayment moved to prepayment " + prepaymentId, Ledger.Links.NONE, now)
			.id();
		PrepaymentView prepayment = this.prepayments.get(caller, prepaymentId, organization.currency());
		this.audit.record(caller, "invoice.overpayment_moved", "invoice_payment", paymentId, null, prepayment);
		this.events.changed(caller, Change.prepayment(invoice.departmentId(), prepaymentId),
				Change.payment(invoice.departmentId(), paymentId),
				Change.invoice(invoice.departmentId(), invoiceId, true));
		return prepayment;
	}

	@Transactional(readOnly = true)
	public PrepaymentView get(Caller caller, long id) {
		return this.prepayments.get(caller, id, currency(caller));
	}

	/**
	 * The prepayments matching the criteria from an offset, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over the fields {@link PrepaymentStore} lists
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param window the offset and limit
	 * @return the prepayments and how many match
	 */
	@Transactional(readOnly = true)
	public Counted<PrepaymentView> search(Caller caller, Criteria criteria, List<Sort> order, Window.Offset window) {
		Organization organization = this.organizations.get(caller.organizationId());
		return this.prepayments.search(caller, criteria, order, window, organization.zone(), organization.currency());
	}

	@Transactional(readOnly = true)
	public List<PrepaymentView> getAll(Caller caller, Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.prepayments.byIds(caller, ids, currency(caller));
	}

	private java.util.Currency currency(Caller caller) {
		return this.organizations.get(caller.organizationId()).currency();
	}

}
