package org.vetbill.invoicing;

import org.jooq.DSLContext;
import org.vetbill.clinic.DepartmentCreated;
import org.vetbill.shared.Caller;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.INVOICE_NUMBER_COUNTER;

/**
 * The departments' gapless invoice number sequences. Each new department gets its counter
 * in the transaction that creates the department, so that concurrent first finalizations
 * never race to create it.
 */
@Repository
class NumberCounterStore {

	private final DSLContext dsl;

	NumberCounterStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Takes the next number of a department's gapless sequence. The counter row stays
	 * locked until the transaction ends, so concurrent finalizations in a department
	 * queue up here, and a rolled-back finalization gives its number back.
	 * @param caller the caller
	 * @param departmentId the department
	 * @return the number
	 */
	long next(Caller caller, long departmentId) {
		return this.dsl.update(INVOICE_NUMBER_COUNTER)
			.set(INVOICE_NUMBER_COUNTER.LAST_NUMBER, INVOICE_NUMBER_COUNTER.LAST_NUMBER.plus(1))
			.where(INVOICE_NUMBER_COUNTER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(INVOICE_NUMBER_COUNTER.DEPARTMENT_ID.eq(departmentId))
			.returningResult(INVOICE_NUMBER_COUNTER.LAST_NUMBER)
			.fetchOptional(INVOICE_NUMBER_COUNTER.LAST_NUMBER)
			.orElseThrow(() -> new IllegalStateException("no invoice number counter for department " + departmentId));
	}

	/**
	 * Creates a new department's number counter, starting before 1.
	 * @param event the department's creation
	 */
	@EventListener
	void on(DepartmentCreated event) {
		this.dsl.insertInto(INVOICE_NUMBER_COUNTER)
			.set(INVOICE_NUMBER_COUNTER.ORGANIZATION_ID, event.organizationId())
			.set(INVOICE_NUMBER_COUNTER.DEPARTMENT_ID, event.departmentId())
			.set(INVOICE_NUMBER_COUNTER.LAST_NUMBER, 0L)
			.execute();
	}

}
