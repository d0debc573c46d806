package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.DEPARTMENT;

/**
 * Departments and their financial settings.
 */
@Service
public class Departments {

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", DEPARTMENT.ID)
		.text("name", DEPARTMENT.NAME)
		.bool("archived", DEPARTMENT.ARCHIVED)
		.dateTime("created", DEPARTMENT.CREATED)
		.dateTime("modified", DEPARTMENT.MODIFIED)
		.build();

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Organizations organizations;

	private final ChangeEvents changes;

	Departments(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, ApplicationEventPublisher events,
			Organizations organizations, ChangeEvents changes) {
		this.dsl = dsl;
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
		long id = this.dsl.insertInto(DEPARTMENT)
			.set(DEPARTMENT.ORGANIZATION_ID, caller.organizationId())
			.set(DEPARTMENT.NAME, details.name())
			.set(DEPARTMENT.INVOICE_PREFIX, details.invoicePrefix())
			.set(DEPARTMENT.ARCHIVED, details.archived())
			.set(DEPARTMENT.FINANCIAL_PERIOD_LOCK_DATE, settings.financialPeriodLockDate())
			.set(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_ENABLED, settings.automaticFinancialPeriodLockEnabled())
			.set(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_MONTHDAY, settings.automaticFinancialPeriodLockMonthday())
			.set(DEPARTMENT.PAYMENT_CANCEL_SET_DATE, settings.paymentCancelSetDate())
			.set(DEPARTMENT.CREATED, now)
			.set(DEPARTMENT.MODIFIED, now)
			.set(DEPARTMENT.VERSION, 0)
			.returningResult(DEPARTMENT.ID)
			.fetchSingle()
			.value1();
		Department created = get(caller, id);
		this.audit.record(caller, "department.created", "department", id, null, created);
		this.events.publishEvent(new DepartmentCreated(caller.organizationId(), id));
		this.changes.changed(caller, Change.departmentSettings(id));
		return created;
	}

	@Transactional(readOnly = true)
	public Department get(Caller caller, long id) {
		return this.dsl.selectFrom(DEPARTMENT)
			.where(DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(DEPARTMENT.ID.eq(id))
			.fetchOptional(Departments::map)
			.orElseThrow(() -> new NotFound("department", id));
	}

	/**
	 * The departments with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the departments, in id order
	 */
	@Transactional(readOnly = true)
	public List<Department> getAll(Caller caller, Collection<Long> ids) {
		return this.dsl.selectFrom(DEPARTMENT)
			.where(DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(DEPARTMENT.ID.in(ids))
			.orderBy(DEPARTMENT.ID)
			.fetch(Departments::map);
	}

	/**
	 * A numbered page of the departments matching the criteria, in id order.
	 * @param caller the caller
	 * @param criteria filters over id, name, archived, created, modified
	 * @param page the page
	 * @return the page and the number of matching departments
	 */
	@Transactional(readOnly = true)
	public Counted<Department> search(Caller caller, Criteria criteria, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return ListQueries.page(this.dsl, DEPARTMENT,
				DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				List.of(DEPARTMENT.ID.asc()), page, Departments::map);
	}

	@Transactional(readOnly = true)
	public boolean exists(Caller caller, long id) {
		return this.dsl.fetchExists(DEPARTMENT, DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()),
				DEPARTMENT.ID.eq(id));
	}

	@Transactional(readOnly = true)
	public Page<Department> list(Caller caller, PageRequest page, @Nullable Boolean archived) {
		Condition condition = DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId())
			.and(DEPARTMENT.ID.gt(page.afterOrZero()));
		if (archived != null) {
			condition = condition.and(DEPARTMENT.ARCHIVED.eq(archived));
		}
		return Page.of(this.dsl.selectFrom(DEPARTMENT)
			.where(condition)
			.orderBy(DEPARTMENT.ID)
			.limit(page.limit() + 1)
			.fetch(Departments::map), page.limit(), Department::id);
	}

	@Transactional
	public Department update(Caller caller, long id, int expectedVersion, DepartmentDetails details) {
		this.validator.validate(details);
		Department before = get(caller, id);
		int updated = this.dsl.update(DEPARTMENT)
			.set(DEPARTMENT.NAME, details.name())
			.set(DEPARTMENT.INVOICE_PREFIX, details.invoicePrefix())
			.set(DEPARTMENT.ARCHIVED, details.archived())
			.set(DEPARTMENT.MODIFIED, Timestamps.now(this.clock))
			.set(DEPARTMENT.VERSION, DEPARTMENT.VERSION.plus(1))
			.where(DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(DEPARTMENT.ID.eq(id))
			.and(DEPARTMENT.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw Conflict.staleVersion("department", id);
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
		LocalDate inForce = before.settings().periodLock().effectiveDate(today(caller));
		if (settings.automaticFinancialPeriodLockEnabled()
				&& !Objects.equals(inForce, settings.financialPeriodLockDate())) {
			throw new RuleViolation("period_lock_automatic", "financial_period_lock_date",
					"financial_period_lock_date is managed automatically while automatic_financial_period_lock_enabled "
							+ "is true (it is " + inForce + "); turn the automatic lock off to set the date by hand");
		}
		int updated = this.dsl.update(DEPARTMENT)
			.set(DEPARTMENT.FINANCIAL_PERIOD_LOCK_DATE, settings.financialPeriodLockDate())
			.set(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_ENABLED, settings.automaticFinancialPeriodLockEnabled())
			.set(DEPARTMENT.AUTOMATIC_FINANCIAL_PERIOD_LOCK_MONTHDAY, settings.automaticFinancialPeriodLockMonthday())
			.set(DEPARTMENT.PAYMENT_CANCEL_SET_DATE, settings.paymentCancelSetDate())
			.set(DEPARTMENT.MODIFIED, Timestamps.now(this.clock))
			.set(DEPARTMENT.VERSION, DEPARTMENT.VERSION.plus(1))
			.where(DEPARTMENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(DEPARTMENT.ID.eq(id))
			.and(DEPARTMENT.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw Conflict.staleVersion("department", id);
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
			return List.of(new FieldError("automatic_financial_period_lock_monthday",
					"is required when automatic_financial_period_lock_enabled is true"));
		}
		return List.of();
	}

	static Department map(Record r) {
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
