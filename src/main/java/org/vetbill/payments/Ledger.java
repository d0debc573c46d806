package org.vetbill.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Organization;
import org.vetbill.invoicing.InvoiceBalances;
import org.vetbill.invoicing.LockedInvoice;
import org.vetbill.payments.PaymentStore.PaymentRecord;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.money.Bound;
import org.vetbill.shared.money.Money;
import org.vetbill.shared.time.Timestamps;

import org.springframework.stereotype.Component;

/**
 * The steps every money movement shares: typing amounts, checking the period lock, and
 * writing a payment together with the balance of its invoice. Callers hold the invoice's
 * lock.
 */
@Component
class Ledger {

	/** How far ahead of the server's clock a client's date may be, as clocks differ. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final InvoiceBalances invoices;

	private final PaymentStore payments;

	private final Departments departments;

	private final Clock clock;

	Ledger(InvoiceBalances invoices, PaymentStore payments, Departments departments, Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.departments = departments;
		this.clock = clock;
	}

	/**
	 * What a payment points at besides its invoice.
	 *
	 * @param cancelsPaymentId for a cancellation, the payment it cancels
	 * @param prepaymentId for the use of a prepayment, the prepayment
	 * @param creditNoteId for a credit-note settlement, the credit note
	 */
	record Links(@Nullable Long cancelsPaymentId, @Nullable Long prepaymentId, @Nullable Long creditNoteId) {

		static final Links NONE = new Links(null, null, null);

	}

	/**
	 * Records a payment and writes the invoice's new balance.
	 * @param caller the caller
	 * @param invoice the invoice, locked
	 * @param type how it was paid
	 * @param amount the amount, negative for a cancellation or a payout
	 * @param date when it was paid
	 * @param info free text
	 * @param links what else it points at
	 * @param now the time
	 * @return the payment as recorded
	 */
	PaymentView pay(Caller caller, LockedInvoice invoice, PaymentType type, Money amount, Instant date,
			@Nullable String info, Links links, Instant now) {
		PaymentView payment = this.payments.insert(caller, new PaymentRecord(invoice.id(), invoice.departmentId(), type,
				amount.amount(), date, info, links.cancelsPaymentId(), links.prepaymentId(), links.creditNoteId()),
				now);
		this.invoices.pay(caller, invoice, amount, date, now);
		return payment;
	}

	/**
	 * Refuses a date before the organization's hard lock or the department's financial
	 * period lock.
	 * @param caller the caller
	 * @param organization the organization
	 * @param departmentId the department
	 * @param date the document's date
	 * @param field the request field that carries it
	 */
	void checkPeriod(Caller caller, Organization organization, long departmentId, LocalDate date, String field) {
		checkPeriod(this.departments.get(caller, departmentId), organization, date, field);
	}

	void checkPeriod(Department department, Organization organization, LocalDate date, String field) {
		organization.hardLock().check(date, field);
		department.settings().periodLock().check(date, field, today(organization));
	}

	/**
	 * Refuses a date a client gave that lies ahead of the server's clock by more than
	 * {@link #CLOCK_SKEW}: money is recorded when it moved, never in advance.
	 * @param date the date asked
	 * @param now the server's time
	 * @param field the input that gave it
	 * @return the date
	 */
	static Instant notAhead(Instant date, Instant now, String field) {
		if (date.isAfter(now.plus(CLOCK_SKEW))) {
			throw InvalidInput.of(field, "dated_in_the_future", "minutes", CLOCK_SKEW.toMinutes());
		}
		return date;
	}

	LocalDate dateOf(Organization organization, Instant instant) {
		return instant.atZone(organization.zone()).toLocalDate();
	}

	LocalDate today(Organization organization) {
		return organization.today(this.clock);
	}

	Instant now() {
		return Timestamps.now(this.clock);
	}

	static Money amount(BigDecimal amount, Currency currency, String field) {
		if (!Bound.AMOUNT.admits(amount)) {
			throw new InvalidInput(List.of(Bound.AMOUNT.problem(field)));
		}
		try {
			return Money.of(amount, currency);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of(field, "too_many_decimal_places", "scale", Money.scaleOf(currency), "currency",
					currency.getCurrencyCode());
		}
	}

	static PaymentType recordableType(int code, String field) {
		PaymentType type = PaymentType.ofCode(code);
		if (type == null || !type.recordable()) {
			throw InvalidInput.of(field,
					(type == PaymentType.PREPAYMENT) ? "prepayment_type_not_recordable" : "payment_type_choice", "code",
					code, "codes", PaymentType.RECORDABLE_CODES);
		}
		return type;
	}

}
