package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.ORGANIZATION;

/**
 * Creates, reads and changes organizations (tenants).
 */
@Service
public class Organizations {

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	Organizations(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates an organization.
	 * @param provetId the public tenant id, 1 to 10 digits, unique
	 * @param settings its settings
	 * @return the organization
	 */
	@Transactional
	public Organization create(String provetId, OrganizationSettings settings) {
		if (!provetId.matches("[1-9][0-9]{0,9}")) {
			throw InvalidInput.field("provet_id", "must be 1 to 10 digits, not starting with 0");
		}
		this.validator.validate(settings, settings::problems);
		if (findByProvetId(provetId).isPresent()) {
			throw InvalidInput.field("provet_id", "'" + provetId + "' is already in use");
		}
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(ORGANIZATION)
			.set(ORGANIZATION.UUID, UUID.randomUUID())
			.set(ORGANIZATION.PROVET_ID, provetId)
			.set(ORGANIZATION.NAME, settings.name())
			.set(ORGANIZATION.CURRENCY, settings.currency())
			.set(ORGANIZATION.COUNTRY, settings.country())
			.set(ORGANIZATION.TIME_ZONE, settings.timeZone())
			.set(ORGANIZATION.REFERENCE_NUMBER_FORMAT, settings.referenceNumberFormat().name())
			.set(ORGANIZATION.PRICES_INCLUDE_VAT, settings.pricesIncludeVat())
			.set(ORGANIZATION.DEFAULT_PAYMENT_TERMS_DAYS, settings.defaultPaymentTermsDays())
			.set(ORGANIZATION.CREATED, now)
			.set(ORGANIZATION.MODIFIED, now)
			.set(ORGANIZATION.VERSION, 0)
			.returningResult(ORGANIZATION.ID)
			.fetchSingle()
			.value1();
		Organization created = get(id);
		this.audit.record(Caller.system(id, "admin"), "organization.created", "organization", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Organization get(long organizationId) {
		return this.dsl.selectFrom(ORGANIZATION)
			.where(ORGANIZATION.ID.eq(organizationId))
			.fetchOptional(Organizations::map)
			.orElseThrow(() -> new NotFound("organization", organizationId));
	}

	@Transactional(readOnly = true)
	public Optional<Organization> findByProvetId(String provetId) {
		return this.dsl.selectFrom(ORGANIZATION)
			.where(ORGANIZATION.PROVET_ID.eq(provetId))
			.fetchOptional(Organizations::map);
	}

	@Transactional(readOnly = true)
	public List<Organization> list() {
		return this.dsl.selectFrom(ORGANIZATION).orderBy(ORGANIZATION.ID).fetch(Organizations::map);
	}

	/**
	 * Changes an organization's settings. The currency is fixed once created: its
	 * invoices' amounts are in it.
	 * @param caller the caller, scoped to the organization
	 * @param expectedVersion the version the change was based on
	 * @param settings the new settings
	 * @return the organization
	 */
	@Transactional
	public Organization update(Caller caller, int expectedVersion, OrganizationSettings settings) {
		this.validator.validate(settings, settings::problems);
		Organization before = get(caller.organizationId());
		if (!before.settings().currency().equals(settings.currency())) {
			throw new RuleViolation("currency_fixed", "currency",
					"the currency of an organization cannot change once it is created");
		}
		int updated = this.dsl.update(ORGANIZATION)
			.set(ORGANIZATION.NAME, settings.name())
			.set(ORGANIZATION.COUNTRY, settings.country())
			.set(ORGANIZATION.TIME_ZONE, settings.timeZone())
			.set(ORGANIZATION.REFERENCE_NUMBER_FORMAT, settings.referenceNumberFormat().name())
			.set(ORGANIZATION.PRICES_INCLUDE_VAT, settings.pricesIncludeVat())
			.set(ORGANIZATION.DEFAULT_PAYMENT_TERMS_DAYS, settings.defaultPaymentTermsDays())
			.set(ORGANIZATION.MODIFIED, Timestamps.now(this.clock))
			.set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
			.where(ORGANIZATION.ID.eq(caller.organizationId()))
			.and(ORGANIZATION.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw Conflict.staleVersion("organization", caller.organizationId());
		}
		Organization after = get(caller.organizationId());
		this.audit.record(caller, "organization.updated", "organization", after.id(), before, after);
		return after;
	}

	private static Organization map(Record r) {
		return new Organization(r.get(ORGANIZATION.ID), r.get(ORGANIZATION.UUID), r.get(ORGANIZATION.PROVET_ID),
				new OrganizationSettings(r.get(ORGANIZATION.NAME), r.get(ORGANIZATION.CURRENCY),
						r.get(ORGANIZATION.COUNTRY), r.get(ORGANIZATION.TIME_ZONE),
						ReferenceNumberFormat.valueOf(r.get(ORGANIZATION.REFERENCE_NUMBER_FORMAT)),
						r.get(ORGANIZATION.PRICES_INCLUDE_VAT), r.get(ORGANIZATION.DEFAULT_PAYMENT_TERMS_DAYS)),
				r.get(ORGANIZATION.CREATED), r.get(ORGANIZATION.MODIFIED), r.get(ORGANIZATION.VERSION));
	}

}
