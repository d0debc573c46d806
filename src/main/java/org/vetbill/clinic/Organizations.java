package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.HardLock;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.shared.Caller;
import org.vetbill.shared.RequestMemo;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads and changes organizations (tenants).
 */
@Service
public class Organizations {

	private final OrganizationRepository organizations;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	Organizations(OrganizationRepository organizations, InputValidator validator, AuditLog audit, Clock clock) {
		this.organizations = organizations;
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
			throw InvalidInput.of("provetId", "provet_id_format", "provetId", provetId);
		}
		this.validator.validate(settings, settings::problems);
		if (findByProvetId(provetId).isPresent()) {
			throw InvalidInput.of("provetId", "provet_id_in_use", "provetId", provetId);
		}
		Instant now = Timestamps.now(this.clock);
		long id = this.organizations.insert(provetId, settings, now);
		Organization created = get(id);
		this.audit.record(Caller.system(id, "admin"), "organization.created", "organization", id, null, created);
		return created;
	}

	/**
	 * An organization, read once per request: every step of a request sees the same
	 * settings.
	 * @param organizationId the organization
	 * @return the organization
	 */
	@Transactional(readOnly = true)
	public Organization get(long organizationId) {
		return RequestMemo.get(key(organizationId), Organization.class, () -> this.organizations.find(organizationId)
			.orElseThrow(() -> new NotFound("organization", organizationId)));
	}

	private static String key(long organizationId) {
		return "organization:" + organizationId;
	}

	@Transactional(readOnly = true)
	public Optional<Organization> findByProvetId(String provetId) {
		return this.organizations.findByProvetId(provetId);
	}

	@Transactional(readOnly = true)
	public List<Organization> list() {
		return this.organizations.findAll();
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
					Facts.of("currency", before.settings().currency(), "requested", settings.currency()));
		}
		if (before.version() != expectedVersion) {
			throw Conflict.staleVersion("organization", caller.organizationId());
		}
		if (before.settings().equals(settings)) {
			return before;
		}
		if (!this.organizations.update(caller.organizationId(), expectedVersion, settings,
				Timestamps.now(this.clock))) {
			throw Conflict.staleVersion("organization", caller.organizationId());
		}
		RequestMemo.forget(key(caller.organizationId()));
		Organization after = get(caller.organizationId());
		this.audit.record(caller, "organization.updated", "organization", after.id(), before, after);
		return after;
	}

	/**
	 * Moves the organization's hard lock date forward (never back, never past today). The
	 * organization's row is locked while it moves, so two moves never pass each other.
	 * @param caller the caller, scoped to the organization
	 * @param date the new hard lock date
	 * @return the organization
	 * @throws InvalidInput {@code hard_lock_backwards} or {@code hard_lock_ahead} naming
	 * {@code hardLockDate}
	 */
	@Transactional
	public Organization moveHardLock(Caller caller, LocalDate date) {
		Organization before = get(caller.organizationId());
		HardLock current = new HardLock(this.organizations.lockHardLockDate(caller.organizationId()));
		HardLock moved = current.movedTo(date, before.today(this.clock), "hardLockDate");
		if (moved.equals(current)) {
			return before;
		}
		this.organizations.setHardLockDate(caller.organizationId(), date, Timestamps.now(this.clock));
		RequestMemo.forget(key(caller.organizationId()));
		Organization after = get(caller.organizationId());
		this.audit.record(caller, "organization.hard_lock_moved", "organization", after.id(), current, moved);
		return after;
	}

}
