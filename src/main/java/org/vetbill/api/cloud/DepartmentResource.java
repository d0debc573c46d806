package org.vetbill.api.cloud;

import java.util.Collection;
import java.util.List;

import org.vetbill.clinic.Department;
import org.vetbill.clinic.Departments;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;

import org.springframework.stereotype.Component;

/**
 * {@code department/}: a department's name, invoice prefix and whether it is archived;
 * vetbill keeps no item lists, so {@code active_item_list} is null.
 */
@Component
class DepartmentResource extends CloudResource<Department> {

	static final String NAME = "department";

	private static final CloudFilters FILTERS = CloudFilters.builder()
		.fields("id", "name", "archived", "created", "modified")
		.build();

	private final Departments departments;

	DepartmentResource(Departments departments) {
		super(NAME);
		this.departments = departments;
	}

	@Override
	Counted<Department> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.departments.search(caller, criteria, order, page);
	}

	@Override
	CloudFilters filters() {
		return FILTERS;
	}

	@Override
	List<Department> byIds(Caller caller, Collection<Long> ids) {
		return this.departments.getAll(caller, ids);
	}

	@Override
	long id(Department department) {
		return department.id();
	}

	@Override
	void write(Department department, CloudObject out) {
		out.self(NAME, department.id())
			.put("name", department.details().name())
			.put("active_item_list", null)
			.put("invoice_prefix", department.details().invoicePrefix())
			.put("archived", department.details().archived())
			.dateTime("created", department.created())
			.dateTime("modified", department.modified());
	}

}
