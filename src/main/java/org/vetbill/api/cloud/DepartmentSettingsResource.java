package org.vetbill.api.cloud;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code settings/department/}: each department's financial settings as in force today.
 */
@Component
class DepartmentSettingsResource extends CloudResource<DepartmentSettingsResource.InForce> {

	static final String NAME = "settings/department";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "name", "archived", "created", "modified")
		.build();

	private final Departments departments;

	DepartmentSettingsResource(Departments departments) {
		super(NAME);
		this.departments = departments;
	}

	@Override
	Counted<InForce> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		LocalDate today = this.departments.today(caller);
		return this.departments.search(caller, criteria, order, page).map((department) -> inForce(department, today));
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<InForce> byIds(Caller caller, Collection<Long> ids) {
		LocalDate today = this.departments.today(caller);
		return this.departments.getAll(caller, ids).stream().map((department) -> inForce(department, today)).toList();
	}

	private static InForce inForce(Department department, LocalDate today) {
		return new InForce(department, department.settings().inForce(today));
	}

	@Override
	long id(InForce settings) {
		return settings.department().id();
	}

	@Override
	void write(InForce item, CloudObject out) {
		DepartmentSettings settings = item.settings();
		out.self(NAME, item.department().id())
			.link("department", "department", item.department().id())
			.date("financial_period_lock_date", settings.financialPeriodLockDate())
			.put("automatic_financial_period_lock_enabled", settings.automaticFinancialPeriodLockEnabled())
			.put("automatic_financial_period_lock_monthday", settings.automaticFinancialPeriodLockMonthday())
			.put("payment_cancel_set_date", settings.paymentCancelSetDate())
			.dateTime("modified", item.department().modified());
	}

	/**
	 * A department with its settings in force.
	 *
	 * @param department the department
	 * @param settings its settings, the lock date as in force today
	 */
	record InForce(Department department, DepartmentSettings settings) {
	}

}
