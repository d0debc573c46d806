package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments and their financial settings.
 */
@Service
public class Departments {

	private final DepartmentRepository departments;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Organizations organizations;

	private final ChangeEvents changes;

	Departments(DepartmentRepository departments, InputValidator validator, AuditLog audit, Clock clock,
			ApplicationEventPublisher events, Organizations organizations, ChangeEvents changes) {
		this.departments = departments;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.organizations = organizations;
		this.changes = changes;
	}

	@Transactional
	public Department create(Caller caller, DepartmentDetails details) {
		this.validator.validate(details);
		Instant now = Timestamps.now(this.clock);
		DepartmentSettings settings = DepartmentSettings.DEFAULTS;
		long id = this.departments.insert(caller, details, settings, now);
		Department created = get(caller, id);
		this.audit.record(caller, "department.created", "department", id, null, created);
		this.events.publishEvent(new DepartmentCreated(caller.organizationId(), id));
		this.changes.changed(caller, Change.departmentSettings(id));
		return created;
	}

	@Transactional(readOnly = true)
	public Department get(Caller caller, long id) {
		return this.departments.find(caller, id).orElseThrow(() -> new NotFound("department", id));
	}

	/**
	 * The departments with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the departments, in id order
	 */
	@Transactional(readOnly = true)
	public List<Department> getAll(Caller caller, Collection<Long> ids) {
		return this.departments.getAll(caller, ids);
	}

	/**
	 * A numbered page of the departments matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, name, archived, created, modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching departments
	 */
	@Transactional(readOnly = true)
	public Counted<Department> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.departments.search(caller, criteria, zone, order, page);
	}

	@Transactional(readOnly = true)
	public boolean exists(Caller caller, long id) {
		return this.departments.exists(caller, id);
	}

	@Transactional(readOnly = true)
	public Page<Department> list(Caller caller, PageRequest page, @Nullable Boolean archived) {
		return this.departments.list(caller, page, archived);
	}

	@Transactional
	public Department update(Caller caller, long id, int expectedVersion, DepartmentDetails details) {
		this.validator.validate(details);
		Department before = get(caller, id);
		if (!this.departments.update(caller, id, expectedVersion, details, Timestamps.now(this.clock))
			.changedElse(() -> Conflict.staleVersion("department", id))) {
			return before;
		}
		Department after = get(caller, id);
		this.audit.record(caller, "department.updated", "department", id, before, after);
		return after;
	}

	/**
	 * A department's settings as they are in force today: with the automatic period lock
	 * on, the lock date it has advanced to.
	 * @param caller the caller
	 * @param department the department
	 * @return the settings, with the lock date in force
	 */
	@Transactional(readOnly = true)
	public DepartmentSettings settingsInForce(Caller caller, Department department) {
		return department.settings().inForce(today(caller));
	}

	/**
	 * Changes a department's financial settings, given as a change of the settings in
	 * force ({@link #settingsInForce}). While the automatic period lock is on, the lock
	 * date is managed by vetbill and a change to it is refused; turning the automatic
	 * lock off keeps the date it had reached unless another date is given.
	 * @param caller the caller
	 * @param id the department
	 * @param expectedVersion the version the change was based on
	 * @param settings the new settings
	 * @return the department
	 */
	@Transactional
	public Department updateSettings(Caller caller, long id, int expectedVersion, DepartmentSettings settings) {
		this.validator.validate(settings, () -> settingsProblems(settings));
		Department before = get(caller, id);
		LocalDate today = today(caller);
		LocalDate inForce = before.settings().periodLock().effectiveDate(today);
		if (settings.automaticFinancialPeriodLockEnabled()
				&& !Objects.equals(inForce, settings.financialPeriodLockDate())) {
			throw new RuleViolation("period_lock_automatic", "financialPeriodLockDate",
					(inForce != null) ? null : "no_lock_date",
					Facts.of("lockDate", inForce, "requested", settings.financialPeriodLockDate()));
		}
		if (settings.equals(before.settings().inForce(today))) {
			// the settings in force sent back: not even the lock date the automatic lock
			// has advanced to is written
			if (before.version() != expectedVersion) {
				throw Conflict.staleVersion("department", id);
			}
			return before;
		}
		if (!this.departments.updateSettings(caller, id, expectedVersion, settings, Timestamps.now(this.clock))
			.changedElse(() -> Conflict.staleVersion("department", id))) {
			return before;
		}
		Department after = get(caller, id);
		this.audit.record(caller, "department.settings_updated", "department", id, before.settings(), after.settings());
		this.changes.changed(caller, Change.departmentSettings(id));
		return after;
	}

	/**
	 * Today in the caller's organization.
	 * @param caller the caller
	 * @return the date
	 */
	public LocalDate today(Caller caller) {
		return this.organizations.get(caller.organizationId()).today(this.clock);
	}

	private static List<FieldError> settingsProblems(DepartmentSettings settings) {
		if (settings.automaticFinancialPeriodLockEnabled() && settings.automaticFinancialPeriodLockMonthday() == null) {
			return List.of(FieldError.of("automaticFinancialPeriodLockMonthday", "monthday_required_when_automatic"));
		}
		return List.of();
	}

}
