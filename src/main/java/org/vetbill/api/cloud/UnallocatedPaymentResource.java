package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vetbill.payments.PrepaymentView;
import org.vetbill.payments.Prepayments;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Window;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code unallocatedpayment/}: a prepayment, or a refund of one (negative {@code paid},
 * {@code refunds} pointing at the prepayment). {@code unused_amount} is read-only, and
 * {@code external_info} is always written.
 */
@Component
class UnallocatedPaymentResource extends CloudResource<PrepaymentView> {

	static final String NAME = "unallocatedpayment";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "payment_type", "paid", "unused_amount", "fully_used", "cancelled", "description", "created",
				"modified")
		.relation("client", "clientId")
		.relation("department", "departmentId")
		.relation("refunds", "refundsId")
		.build();

	private final Prepayments prepayments;

	UnallocatedPaymentResource(Prepayments prepayments) {
		super(NAME);
		this.prepayments = prepayments;
	}

	@Override
	Counted<PrepaymentView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.prepayments.search(caller, criteria, order, Window.Offset.of(page));
	}

	@Override
	List<PrepaymentView> byIds(Caller caller, Collection<Long> ids) {
		return this.prepayments.getAll(caller, ids);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	long id(PrepaymentView prepayment) {
		return prepayment.id();
	}

	@Override
	List<Relation<PrepaymentView>> relations() {
		return List.of(new Relation<>("client", ClientResource.NAME, (p) -> List.of(p.clientId())),
				new Relation<>("department", DepartmentResource.NAME, (p) -> List.of(p.departmentId())),
				new Relation<>("refunds", NAME, (p) -> optional(p.refundsId())));
	}

	@Override
	void write(PrepaymentView prepayment, CloudObject out) {
		out.self(NAME, prepayment.id())
			.link("department", DepartmentResource.NAME, prepayment.departmentId())
			.link("client", ClientResource.NAME, prepayment.clientId())
			.put("payment_type", prepayment.paymentType())
			.amount("paid", prepayment.paid())
			.amount("unused_amount", prepayment.unusedAmount())
			.put("fully_used", prepayment.fullyUsed())
			.put("description", prepayment.description())
			.link("refunds", NAME, prepayment.refundsId())
			.links("refund_payments", NAME, prepayment.refundIds())
			.link("source_invoice", InvoiceResource.NAME, prepayment.sourceInvoiceId())
			.put("cancelled", prepayment.cancelled())
			.date("payment_date", prepayment.paymentDate())
			.nested("external_info", externalInfo(prepayment))
			.dateTime("created", prepayment.created())
			.dateTime("modified", prepayment.modified());
	}

	static Map<String, @Nullable Object> externalInfo(PrepaymentView prepayment) {
		Map<String, @Nullable Object> info = new LinkedHashMap<>();
		info.put("external_id", prepayment.externalId());
		info.put("metadata", prepayment.metadata());
		return info;
	}

}
