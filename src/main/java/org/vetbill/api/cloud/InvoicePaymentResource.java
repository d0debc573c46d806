package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.payments.PaymentView;
import org.vetbill.payments.Payments;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Window;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code invoicepayment/}: a payment on an invoice. A cancellation is a payment of its
 * own with the opposite amount; {@code cancelled_payment} points from it to the original,
 * {@code cancellation} from the original to it.
 */
@Component
class InvoicePaymentResource extends CloudResource<PaymentView> {

	static final String NAME = "invoicepayment";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "payment_type", "paid", "created", "modified")
		.field("date_added", "paymentDate")
		.relation("invoice", "invoiceId")
		.relation("department", "departmentId")
		.relation("unallocated_payment", "unallocatedPaymentId")
		.relation("cancelled_payment", "cancelsPaymentId")
		.build();

	private final Payments payments;

	InvoicePaymentResource(Payments payments) {
		super(NAME);
		this.payments = payments;
	}

	@Override
	Counted<PaymentView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.payments.search(caller, criteria, order, Window.Offset.of(page));
	}

	@Override
	List<PaymentView> byIds(Caller caller, Collection<Long> ids) {
		return this.payments.getAll(caller, ids);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	long id(PaymentView payment) {
		return payment.id();
	}

	@Override
	List<Relation<PaymentView>> relations() {
		return List.of(new Relation<>("invoice", InvoiceResource.NAME, (p) -> List.of(p.invoiceId())),
				new Relation<>("department", DepartmentResource.NAME, (p) -> List.of(p.departmentId())),
				new Relation<>("unallocated_payment", UnallocatedPaymentResource.NAME,
						(p) -> optional(p.unallocatedPaymentId())));
	}

	@Override
	void write(PaymentView payment, CloudObject out) {
		out.self(NAME, payment.id())
			.link("invoice", InvoiceResource.NAME, payment.invoiceId())
			.put("payment_type", payment.paymentType())
			.amount("paid", payment.paid())
			.dateTime("date_added", payment.paymentDate())
			.put("info", payment.info())
			.put("cancelled", payment.cancelledById() != null)
			.link("cancelled_payment", NAME, payment.cancelsPaymentId())
			.link("cancellation", NAME, payment.cancelledById())
			.link("unallocated_payment", UnallocatedPaymentResource.NAME, payment.unallocatedPaymentId())
			.link("credit_note", InvoiceResource.NAME, payment.creditNoteId())
			.link("department", DepartmentResource.NAME, payment.departmentId())
			.dateTime("created", payment.created())
			.dateTime("modified", payment.modified());
	}

}
