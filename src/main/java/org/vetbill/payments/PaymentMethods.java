package org.vetbill.payments;

import java.util.Collection;
import java.util.List;

import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment methods a clinic takes payments with at its desk: every payment type a
 * payment can be recorded with, except those vetbill makes itself (rounding, consolidated
 * invoice, prepayment use, credit invoice). Every organization has the same methods; none
 * can be archived yet.
 */
@Service
public class PaymentMethods {

	private final PaymentMethodStore store;

	PaymentMethods(PaymentMethodStore store) {
		this.store = store;
	}

	/**
	 * A numbered page of the methods matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, type (the payment type's code) and archived
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching methods
	 */
	@Transactional(readOnly = true)
	public Counted<Method> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.store.search(criteria, order, page);
	}

	/**
	 * The methods with the given ids.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the methods, in id order
	 */
	@Transactional(readOnly = true)
	public List<Method> getAll(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.store.getAll(ids);
	}

	static boolean isDeskMethod(PaymentType type) {
		return type.recordable() && type != PaymentType.ROUNDING && type != PaymentType.CONSOLIDATED_INVOICE
				&& type != PaymentType.CREDIT_INVOICE;
	}

	/**
	 * A payment method.
	 *
	 * @param id the id, the payment type's code plus one
	 * @param type the payment type it records
	 * @param archived whether the clinic no longer takes it
	 */
	public record Method(long id, PaymentType type, boolean archived) {
	}

}
