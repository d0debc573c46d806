package org.vetbill.invoicing;

import org.vetbill.clinic.DepartmentCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each new department its invoice number counter, in the transaction that creates
 * the department, so that concurrent first finalizations never race to create it.
 */
@Component
class NumberCounters {

	private final InvoiceRepository repository;

	NumberCounters(InvoiceRepository repository) {
		this.repository = repository;
	}

	@EventListener
	void on(DepartmentCreated event) {
		this.repository.createCounter(event.organizationId(), event.departmentId());
	}

}
