package org.vetbill.invoicing;

import java.util.Currency;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.vetbill.clinic.Organizations;
import org.vetbill.invoicing.InvoiceCommands.Filter;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.INVOICE;

/**
 * Reads invoices with their rows. A page costs two queries whatever its size.
 */
@Service
public class InvoiceQueries {

	private final InvoiceRepository repository;

	private final Organizations organizations;

	InvoiceQueries(InvoiceRepository repository, Organizations organizations) {
		this.repository = repository;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public InvoiceView get(Caller caller, long id) {
		return this.repository.view(caller, id, currency(caller)).orElseThrow(() -> new NotFound("invoice", id));
	}

	@Transactional(readOnly = true)
	public Page<InvoiceView> list(Caller caller, Filter filter, PageRequest page) {
		return Page.of(
				this.repository.list(caller, condition(filter), page.afterOrZero(), page.limit(), currency(caller)),
				page.limit(), InvoiceView::id);
	}

	private Currency currency(Caller caller) {
		return this.organizations.get(caller.organizationId()).currency();
	}

	private static Condition condition(Filter filter) {
		Condition condition = DSL.noCondition();
		if (filter.status() != null) {
			condition = condition.and(INVOICE.STATUS.eq(filter.status().shortValue()));
		}
		if (filter.departmentId() != null) {
			condition = condition.and(INVOICE.DEPARTMENT_ID.eq(filter.departmentId()));
		}
		if (filter.clientId() != null) {
			condition = condition.and(INVOICE.CLIENT_ID.eq(filter.clientId()));
		}
		if (filter.creditNote() != null) {
			condition = condition.and(INVOICE.CREDIT_NOTE.eq(filter.creditNote()));
		}
		if (filter.countersale() != null) {
			condition = condition.and(INVOICE.COUNTERSALE.eq(filter.countersale()));
		}
		if (filter.invoiceDateFrom() != null) {
			condition = condition.and(INVOICE.INVOICE_DATE.ge(filter.invoiceDateFrom()));
		}
		if (filter.invoiceDateTo() != null) {
			condition = condition.and(INVOICE.INVOICE_DATE.le(filter.invoiceDateTo()));
		}
		return condition;
	}

}
