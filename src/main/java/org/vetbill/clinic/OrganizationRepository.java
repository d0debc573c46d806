package org.vetbill.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.ReferenceNumberFormat;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.ORGANIZATION;

/**
 * SQL for organizations (tenants).
 */
@Repository
class OrganizationRepository {

	private final DSLContext dsl;

	OrganizationRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	long insert(String provetId, OrganizationSettings settings, Instant now) {
		return this.dsl.insertInto(ORGANIZATION)
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
	}

	Optional<Organization> find(long id) {
		return this.dsl.selectFrom(ORGANIZATION)
			.where(ORGANIZATION.ID.eq(id))
			.fetchOptional(OrganizationRepository::map);
	}

	Optional<Organization> findByProvetId(String provetId) {
		return this.dsl.selectFrom(ORGANIZATION)
			.where(ORGANIZATION.PROVET_ID.eq(provetId))
			.fetchOptional(OrganizationRepository::map);
	}

	/**
	 * All organizations, in id order.
	 */
	List<Organization> findAll() {
		return this.dsl.selectFrom(ORGANIZATION).orderBy(ORGANIZATION.ID).fetch(OrganizationRepository::map);
	}

	/**
	 * Changes the settings of an organization still at the expected version; the currency
	 * is left as it is.
	 * @return whether they were changed
	 */
	boolean update(long id, int expectedVersion, OrganizationSettings settings, Instant now) {
		return this.dsl.update(ORGANIZATION)
			.set(ORGANIZATION.NAME, settings.name())
			.set(ORGANIZATION.COUNTRY, settings.country())
			.set(ORGANIZATION.TIME_ZONE, settings.timeZone())
			.set(ORGANIZATION.REFERENCE_NUMBER_FORMAT, settings.referenceNumberFormat().name())
			.set(ORGANIZATION.PRICES_INCLUDE_VAT, settings.pricesIncludeVat())
			.set(ORGANIZATION.DEFAULT_PAYMENT_TERMS_DAYS, settings.defaultPaymentTermsDays())
			.set(ORGANIZATION.MODIFIED, now)
			.set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
			.where(ORGANIZATION.ID.eq(id))
			.and(ORGANIZATION.VERSION.eq(expectedVersion))
			.execute() > 0;
	}

	/**
	 * Locks an organization's row and reads its hard lock date.
	 * @param id the organization
	 * @return the date, or null when it has none
	 */
	@Nullable LocalDate lockHardLockDate(long id) {
		return this.dsl.select(ORGANIZATION.HARD_LOCK_DATE)
			.from(ORGANIZATION)
			.where(ORGANIZATION.ID.eq(id))
			.forUpdate()
			.fetchSingle(ORGANIZATION.HARD_LOCK_DATE);
	}

	/**
	 * Sets an organization's hard lock date; its version moves on.
	 * @param id the organization
	 * @param date the new date
	 * @param now the time
	 */
	void setHardLockDate(long id, LocalDate date, Instant now) {
		this.dsl.update(ORGANIZATION)
			.set(ORGANIZATION.HARD_LOCK_DATE, date)
			.set(ORGANIZATION.MODIFIED, now)
			.set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
			.where(ORGANIZATION.ID.eq(id))
			.execute();
	}

	private static Organization map(Record r) {
		return new Organization(r.get(ORGANIZATION.ID), r.get(ORGANIZATION.UUID), r.get(ORGANIZATION.PROVET_ID),
				new OrganizationSettings(r.get(ORGANIZATION.NAME), r.get(ORGANIZATION.CURRENCY),
						r.get(ORGANIZATION.COUNTRY), r.get(ORGANIZATION.TIME_ZONE),
						ReferenceNumberFormat.valueOf(r.get(ORGANIZATION.REFERENCE_NUMBER_FORMAT)),
						r.get(ORGANIZATION.PRICES_INCLUDE_VAT), r.get(ORGANIZATION.DEFAULT_PAYMENT_TERMS_DAYS)),
				r.get(ORGANIZATION.CREATED), r.get(ORGANIZATION.MODIFIED), r.get(ORGANIZATION.VERSION),
				r.get(ORGANIZATION.HARD_LOCK_DATE));
	}

}
