package org.vetbill.clinic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.UpdateOutcome;
import org.vetbill.shared.persistence.VersionedTable;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.DEPARTMENT;

/**
 * SQL for departments and their financial settings. Every statement is scoped to the
 * caller's organization.
 */
@Repository
class DepartmentRepository {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", DEPARTMENT.ID)
		.text("name", DEPARTMENT.NAME)
		.bool("archived", DEPARTMENT.ARCHIVED)
		.dateTime("created", DEPARTMENT.CREATED)
		.dateTime("modified", DEPARTMENT.MODIFIED)
		.build();

	private final VersionedTable<Department> rows;

	DepartmentRepository(DSLContext dsl) {
		this.rows = new VersionedTable<>(dsl, DEPARTMENT, DEPARTMENT.ID, DEPARTMENT.ORGANIZATION_ID, DEPARTMENT.CREATED,
				DEPARTMENT.MODIFIED, DEPARTMENT.VERSION, DepartmentRepository::map);
	}

	Optional<Department> find(Caller caller, long id) {
		return this.rows.find(caller.organizationId(), id);
	}

	boolean exists(Caller caller, long id) {
		return this.rows.exists(caller.organizationId(), id);
	}

	/**
	 * The departments with the given ids, in id order.
	 */
	List<Department> getAll(Caller caller, Collection<Long> ids) {
		return this.rows.allInIdOrder(caller.organizationId(), ids);
	}

	Counted<Department> search(Caller caller, Criteria criteria, ZoneId zone, List<Sort> order, OffsetPage page) {
		return this.rows.page(caller.organizationId(), FILTERS.condition(criteria, zone),
				FILTERS.order(order, DEPARTMENT.ID), page);
	}

	/**
	 * A keyset page of departments.
	 * @param archived only archived or only active departments, or both when null
	 */
	Page<Department> list(Caller caller, PageRequest page, @Nullable Boolean archived) {
		Condition filter = (archived != null) ? DEPARTMENT.ARCHIVED.eq(archived) : DSL.noCondition();
		return this.rows.list(caller.organizationId(), page, filter, Department::id);
	}

	long insert(Caller caller, DepartmentDetails details, DepartmentSettings settings, Instant now) {
		Map<Field<?>, @Nullable Object> values = values(details);
		values.putAll(values(settings));
		return this.rows.insert(caller.organizationId(), values, now);
	}

	/**
	 * Changes a department still at the expected version.
	 * @return whether it was changed
	 */
	UpdateOutcome update(Caller caller, long id, int expectedVersion, DepartmentDetails details, Instant now) {
		return this.rows.update(caller.organizationId(), id, expectedVersion, values(details), now);
	}

	/**
	 * Changes the financial settings of a department still at the expected version.
	 * @return whether they were changed
	 */
	UpdateOutcome updateSettings(Caller caller, long id, int expectedVersion, DepartmentSettings settings,
			Instant now) {
		return this.rows.update(caller.organizationId(), id, expectedVersion, values(settings), now);
	}

	private static Map<Field<?>, @Nullable Object> values(DepartmentDetails details) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(DEPARTMENT.NAME, details.name());
		values.put(DEPARTMENT.INVOICE_PREFIX, details.invoicePrefix());
		values.put(DEPARTMENT.ARCHIVED, details.archived());
		return values;
	}

	private static Map<Field<?>, @Nullable Object> values(DepartmentSettings settings) {
		Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
		values.put(DEPARTMENT.FINANCIAL_PERIOD_LOCK_DATE, settings.financialPeriodLockDate());
		values.put(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_ENABLED, settings.automaticFinancialPeriodLockEnabled());
		values.put(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_MONTHDAY,
				settings.automaticFinancialPeriodLockMonthday());
		values.put(DEPARTMENT.PAYMENT_CANCEL_SET_DATE, settings.paymentCancelSetDate());
		return values;
	}

	private static Department map(Record r) {
		return new Department(r.get(DEPARTMENT.ID),
				new DepartmentDetails(r.get(DEPARTMENT.NAME), r.get(DEPARTMENT.INVOICE_PREFIX),
						r.get(DEPARTMENT.ARCHIVED)),
				new DepartmentSettings(r.get(DEPARTMENT.FINANCIAL_PERIOD_LOCK_DATE),
						r.get(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_ENABLED),
						r.get(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_MONTHDAY),
						r.get(DEPARTMENT.PAYMENT_CANCEL_SET_DATE)),
				r.get(DEPARTMENT.CREATED), r.get(DEPARTMENT.MODIFIED), r.get(DEPARTMENT.VERSION));
	}

}
