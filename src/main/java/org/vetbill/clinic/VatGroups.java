package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.money.Decimals;
import org.vetbill.shared.persistence.FilterFields;
import org.vetbill.shared.persistence.ListQueries;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.vetbill.shared.db.Tables.VAT_GROUP;

/**
 * VAT groups. A changed rate applies to rows added afterwards; existing rows keep theirs.
 */
@Service
public class VatGroups {

	private final DSLContext dsl;

	private final InputValidator validator;

	private final AuditLog audit;

	private static final FilterFields FILTERS = FilterFields.builder()
		.id("id", VAT_GROUP.ID)
		.text("title", VAT_GROUP.TITLE)
		.decimal("percentage", VAT_GROUP.PERCENTAGE)
		.text("account_number", VAT_GROUP.ACCOUNT_NUMBER)
		.bool("archived", VAT_GROUP.ARCHIVED)
		.dateTime("created", VAT_GROUP.CREATED)
		.dateTime("modified", VAT_GROUP.MODIFIED)
		.build();

	private final Clock clock;

	private final Organizations organizations;

	VatGroups(DSLContext dsl, InputValidator validator, AuditLog audit, Clock clock, Organizations organizations) {
		this.dsl = dsl;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public VatGroup create(Caller caller, VatGroupDetails details) {
		this.validator.validate(details);
		Instant now = Timestamps.now(this.clock);
		long id = this.dsl.insertInto(VAT_GROUP)
			.set(VAT_GROUP.ORGANIZATION_ID, caller.organizationId())
			.set(VAT_GROUP.TITLE, details.title())
			.set(VAT_GROUP.PERCENTAGE, details.percentage())
			.set(VAT_GROUP.ACCOUNT_NUMBER, details.accountNumber())
			.set(VAT_GROUP.ARCHIVED, details.archived())
			.set(VAT_GROUP.CREATED, now)
			.set(VAT_GROUP.MODIFIED, now)
			.set(VAT_GROUP.VERSION, 0)
			.returningResult(VAT_GROUP.ID)
			.fetchSingle()
			.value1();
		VatGroup created = get(caller, id);
		this.audit.record(caller, "vat_group.created", "vat_group", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public VatGroup get(Caller caller, long id) {
		return this.dsl.selectFrom(VAT_GROUP)
			.where(VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(VAT_GROUP.ID.eq(id))
			.fetchOptional(VatGroups::map)
			.orElseThrow(() -> new NotFound("vat_group", id));
	}

	@Transactional(readOnly = true)
	public List<VatGroup> getAll(Caller caller, Collection<Long> ids) {
		return this.dsl.selectFrom(VAT_GROUP)
			.where(VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(VAT_GROUP.ID.in(ids))
			.fetch(VatGroups::map);
	}

	/**
	 * The VAT groups in force with a percentage, oldest first.
	 * @param caller the caller
	 * @param percentage the percentage
	 * @return the groups
	 */
	@Transactional(readOnly = true)
	public List<VatGroup> withPercentage(Caller caller, java.math.BigDecimal percentage) {
		return this.dsl.selectFrom(VAT_GROUP)
			.where(VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(VAT_GROUP.PERCENTAGE.eq(percentage))
			.and(VAT_GROUP.ARCHIVED.isFalse())
			.orderBy(VAT_GROUP.ID)
			.fetch(VatGroups::map);
	}

	/**
	 * A numbered page of the VAT groups matching the criteria, in id order.
	 * @param caller the caller
	 * @param criteria filters over id, title, percentage, account_number, archived
	 * @param page the page
	 * @return the page and the number of matching VAT groups
	 */
	@Transactional(readOnly = true)
	public Counted<VatGroup> search(Caller caller, Criteria criteria, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return ListQueries.page(this.dsl, VAT_GROUP,
				VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()).and(FILTERS.condition(criteria, zone)),
				List.of(VAT_GROUP.ID.asc()), page, VatGroups::map);
	}

	@Transactional(readOnly = true)
	public Page<VatGroup> list(Caller caller, PageRequest page) {
		return Page.of(this.dsl.selectFrom(VAT_GROUP)
			.where(VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(VAT_GROUP.ID.gt(page.afterOrZero()))
			.orderBy(VAT_GROUP.ID)
			.limit(page.limit() + 1)
			.fetch(VatGroups::map), page.limit(), VatGroup::id);
	}

	@Transactional
	public VatGroup update(Caller caller, long id, int expectedVersion, VatGroupDetails details) {
		this.validator.validate(details);
		VatGroup before = get(caller, id);
		int updated = this.dsl.update(VAT_GROUP)
			.set(VAT_GROUP.TITLE, details.title())
			.set(VAT_GROUP.PERCENTAGE, details.percentage())
			.set(VAT_GROUP.ACCOUNT_NUMBER, details.accountNumber())
			.set(VAT_GROUP.ARCHIVED, details.archived())
			.set(VAT_GROUP.MODIFIED, Timestamps.now(this.clock))
			.set(VAT_GROUP.VERSION, VAT_GROUP.VERSION.plus(1))
			.where(VAT_GROUP.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(VAT_GROUP.ID.eq(id))
			.and(VAT_GROUP.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw Conflict.staleVersion("vat_group", id);
		}
		VatGroup after = get(caller, id);
		this.audit.record(caller, "vat_group.updated", "vat_group", id, before, after);
		return after;
	}

	static VatGroup map(Record r) {
		return new VatGroup(r.get(VAT_GROUP.ID),
				new VatGroupDetails(r.get(VAT_GROUP.TITLE), Decimals.trim(r.get(VAT_GROUP.PERCENTAGE), 1),
						r.get(VAT_GROUP.ACCOUNT_NUMBER), r.get(VAT_GROUP.ARCHIVED)),
				r.get(VAT_GROUP.CREATED), r.get(VAT_GROUP.MODIFIED), r.get(VAT_GROUP.VERSION));
	}

}
