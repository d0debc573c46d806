package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.payments.PaymentMethods;
import org.vetbill.payments.domain.PaymentType;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code paymentmethod/}: the methods the clinic takes payments with at its desk, each
 * with the payment type ({@code type}, as {@code payment_type} of
 * {@code invoicepayment/}) a payment made with it is recorded as. The id is the type's
 * number plus one.
 */
@Component
class PaymentMethodResource extends CloudResource<PaymentMethods.Method> {

	static final String NAME = "paymentmethod";

	private static final CloudFilters FILTERS = CloudFilters.builder().fields("id", "type", "archived").build();

	private final PaymentMethods methods;

	PaymentMethodResource(PaymentMethods methods) {
		super(NAME);
		this.methods = methods;
	}

	@Override
	Counted<PaymentMethods.Method> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.methods.search(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<PaymentMethods.Method> byIds(Caller caller, Collection<Long> ids) {
		return this.methods.getAll(caller, ids);
	}

	@Override
	long id(PaymentMethods.Method method) {
		return method.id();
	}

	@Override
	void write(PaymentMethods.Method method, CloudObject out) {
		out.self(NAME, method.id())
			.put("name", name(method.type()))
			.put("type", method.type().code())
			.put("archived", method.archived());
	}

	/**
	 * The name Provet's payment type table gives a type.
	 */
	static String name(PaymentType type) {
		return switch (type) {
			case CARD -> "Card";
			case CASH -> "Cash";
			case BANK_PAYMENT -> "Bank transfer";
			case ROUNDING -> "Rounding";
			case CHEQUE -> "Cheque";
			case VOUCHER -> "Voucher";
			case CONSOLIDATED_INVOICE -> "Consolidated invoice";
			case MOBILE_PAYMENT -> "Mobile payment";
			case PREPAYMENT -> "Prepayment";
			case GIFT_CARD -> "Gift card";
			case FINANCING_COMPANY -> "Financing company";
			case OTHER -> "Other";
			case CREDIT_INVOICE -> "Credit invoice";
			case INSURANCE_CLAIM -> "Insurance claim";
		};
	}

}
