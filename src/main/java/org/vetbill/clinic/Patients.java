package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Page;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
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
 * The clinic's patients.
 */
@Service
public class Patients {

	private final PatientRepository patients;

	private final ClientRepository clients;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Patients(PatientRepository patients, ClientRepository clients, InputValidator validator, AuditLog audit,
			Clock clock, Organizations organizations) {
		this.patients = patients;
		this.clients = clients;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Patient create(Caller caller, PatientDetails details) {
		this.validator.validate(details, () -> problems(caller, details));
		Instant now = Timestamps.now(this.clock);
		long id = this.patients.insert(caller, details, now);
		Patient created = get(caller, id);
		this.audit.record(caller, "patient.created", "patient", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Patient get(Caller caller, long id) {
		return find(caller, id).orElseThrow(() -> new NotFound("patient", id));
	}

	@Transactional(readOnly = true)
	public Optional<Patient> find(Caller caller, long id) {
		return this.patients.find(caller, id);
	}

	/**
	 * Several patients at once.
	 * @param caller the caller
	 * @param ids the patient ids
	 * @return the patients found, by id
	 */
	@Transactional(readOnly = true)
	public Map<Long, Patient> getAll(Caller caller, Collection<Long> ids) {
		Map<Long, Patient> found = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.patients.getAll(caller, ids).forEach((patient) -> found.put(patient.id(), patient));
		}
		return found;
	}

	/**
	 * Patients by their UUIDs (their public ids).
	 * @param caller the caller
	 * @param uuids the UUIDs
	 * @return the patients found, by UUID
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Patient> getAllByUuid(Caller caller, Collection<UUID> uuids) {
		Map<UUID, Patient> found = new LinkedHashMap<>();
		if (!uuids.isEmpty()) {
			this.patients.getAllByUuid(caller, uuids).forEach((patient) -> found.put(patient.uuid(), patient));
		}
		return found;
	}

	/**
	 * The ids of the patients whose name contains a text, ignoring case.
	 * @param caller the caller
	 * @param text the text
	 * @param limit at most this many
	 * @return the ids, in id order
	 */
	@Transactional(readOnly = true)
	public List<Long> idsByName(Caller caller, String text, int limit) {
		return this.patients.idsByName(caller, text, limit);
	}

	/**
	 * A numbered page of the patients matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, client, name, species, breed, date_of_birth,
	 * archived, created, modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching patients
	 */
	@Transactional(readOnly = true)
	public Counted<Patient> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.patients.search(caller, criteria, zone, order, page);
	}

	/**
	 * The patients of several clients, in one query.
	 * @param caller the caller
	 * @param clientIds the clients
	 * @return the ids of each client's patients in id order, for the clients that have
	 * any
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Long>> idsByClient(Caller caller, Collection<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return Map.of();
		}
		return this.patients.idsByClient(caller, clientIds);
	}

	@Transactional(readOnly = true)
	public Page<Patient> list(Caller caller, PageRequest page, @Nullable Long clientId) {
		return this.patients.list(caller, page, clientId);
	}

	@Transactional
	public Patient update(Caller caller, long id, int expectedVersion, PatientDetails details) {
		this.validator.validate(details, () -> problems(caller, details));
		Patient before = get(caller, id);
		if (!this.patients.update(caller, id, expectedVersion, details, Timestamps.now(this.clock))
			.changedElse(() -> Conflict.staleVersion("patient", id))) {
			return before;
		}
		Patient after = get(caller, id);
		this.audit.record(caller, "patient.updated", "patient", id, before, after);
		return after;
	}

	private List<FieldError> problems(Caller caller, PatientDetails details) {
		if (!this.clients.exists(caller, details.clientId())) {
			return List.of(FieldError.of("clientId", "does_not_exist", "entity", "client", "id", details.clientId()));
		}
		return List.of();
	}

}
