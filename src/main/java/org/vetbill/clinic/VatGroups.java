package org.vetbill.clinic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * VAT groups. A changed rate applies to rows added afterwards; existing rows keep theirs.
 */
@Service
public class VatGroups {

	private final VatGroupRepository vatGroups;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	VatGroups(VatGroupRepository vatGroups, InputValidator validator, AuditLog audit, Clock clock,
			Organizations organizations) {
		this.vatGroups = vatGroups;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public VatGroup create(Caller caller, VatGroupDetails details) {
		this.validator.validate(details);
		Instant now = Timestamps.now(this.clock);
		long id = this.vatGroups.insert(caller, details, now);
		VatGroup created = get(caller, id);
		this.audit.record(caller, "vat_group.created", "vat_group", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public VatGroup get(Caller caller, long id) {
		return this.vatGroups.find(caller, id).orElseThrow(() -> new NotFound("vat_group", id));
	}

	@Transactional(readOnly = true)
	public List<VatGroup> getAll(Caller caller, Collection<Long> ids) {
		return this.vatGroups.getAll(caller, ids);
	}

	/**
	 * The VAT groups in force with a percentage, oldest first.
	 * @param caller the caller
	 * @param percentage the percentage
	 * @return the groups
	 */
	@Transactional(readOnly = true)
	public List<VatGroup> withPercentage(Caller caller, BigDecimal percentage) {
		return this.vatGroups.withPercentage(caller, percentage);
	}

	/**
	 * A numbered page of the VAT groups matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, title, percentage, account_number, archived
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching VAT groups
	 */
	@Transactional(readOnly = true)
	public Counted<VatGroup> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.vatGroups.search(caller, criteria, zone, order, page);
	}

	@Transactional(readOnly = true)
	public Page<VatGroup> list(Caller caller, PageRequest page) {
		return this.vatGroups.list(caller, page);
	}

	@Transactional
	public VatGroup update(Caller caller, long id, int expectedVersion, VatGroupDetails details) {
		this.validator.validate(details);
		VatGroup before = get(caller, id);
		if (!this.vatGroups.update(caller, id, expectedVersion, details, Timestamps.now(this.clock))
			.changedElse(() -> Conflict.staleVersion("vat_group", id))) {
			return before;
		}
		VatGroup after = get(caller, id);
		this.audit.record(caller, "vat_group.updated", "vat_group", id, before, after);
		return after;
	}

}
