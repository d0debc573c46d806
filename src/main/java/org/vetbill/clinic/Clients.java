package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.ClientDetails;
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
 * The clinic's clients.
 */
@Service
public class Clients {

	private final ClientRepository clients;

	private final DepartmentRepository departments;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	Clients(ClientRepository clients, DepartmentRepository departments, InputValidator validator, AuditLog audit,
			Clock clock, Organizations organizations) {
		this.clients = clients;
		this.departments = departments;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public Client create(Caller caller, ClientDetails details) {
		ClientDetails normalized = normalize(details);
		this.validator.validate(normalized, () -> problems(caller, normalized));
		Instant now = Timestamps.now(this.clock);
		long id = this.clients.insert(caller, normalized, now);
		Client created = get(caller, id);
		this.audit.record(caller, "client.created", "client", id, null, created);
		return created;
	}

	@Transactional(readOnly = true)
	public Client get(Caller caller, long id) {
		return find(caller, id).orElseThrow(() -> new NotFound("client", id));
	}

	@Transactional(readOnly = true)
	public Optional<Client> find(Caller caller, long id) {
		return this.clients.find(caller, id);
	}

	/**
	 * The clients with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the clients, in id order
	 */
	@Transactional(readOnly = true)
	public List<Client> getAll(Caller caller, Collection<Long> ids) {
		return this.clients.getAll(caller, ids);
	}

	/**
	 * A numbered page of the clients matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, names, email, customer_type, VAT and register
	 * numbers, city, zip_code, country, archived, home_department, created, modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching clients
	 */
	@Transactional(readOnly = true)
	public Counted<Client> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.clients.search(caller, criteria, zone, order, page);
	}

	/**
	 * The ids of the clients whose first, last or organization name contains a text,
	 * ignoring case.
	 * @param caller the caller
	 * @param text the text
	 * @param limit at most this many
	 * @return the ids, in id order
	 */
	@Transactional(readOnly = true)
	public List<Long> idsByName(Caller caller, String text, int limit) {
		return this.clients.idsByName(caller, text, limit);
	}

	/**
	 * Lists clients.
	 * @param caller the caller
	 * @param page the page
	 * @param search text contained in the first, last or organization name (any case)
	 * @param archived only archived or only active clients, or both when null
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<Client> list(Caller caller, PageRequest page, @Nullable String search, @Nullable Boolean archived) {
		return this.clients.list(caller, page, search, archived);
	}

	@Transactional
	public Client update(Caller caller, long id, int expectedVersion, ClientDetails details) {
		ClientDetails normalized = normalize(details);
		this.validator.validate(normalized, () -> problems(caller, normalized));
		Client before = get(caller, id);
		if (!this.clients.update(caller, id, expectedVersion, normalized, Timestamps.now(this.clock))
			.changedElse(() -> Conflict.staleVersion("client", id))) {
			return before;
		}
		Client after = get(caller, id);
		this.audit.record(caller, "client.updated", "client", id, before, after);
		return after;
	}

	private List<FieldError> problems(Caller caller, ClientDetails details) {
		List<FieldError> problems = new ArrayList<>(details.problems());
		Long department = details.homeDepartmentId();
		if (department != null && !this.departments.exists(caller, department)) {
			problems.add(FieldError.of("homeDepartmentId", "does_not_exist", "entity", "department", "id", department));
		}
		return problems;
	}

	/**
	 * Upper-cases codes and drops blanks, so that {@code "fi"} and {@code "FI "} are
	 * stored as {@code FI}, and a VAT number loses its spaces.
	 */
	private static ClientDetails normalize(ClientDetails d) {
		return new ClientDetails(d.customerType(), blankToNull(d.firstname()), blankToNull(d.lastname()),
				blankToNull(d.organizationName()), upper(removeSpaces(d.vatNumber())), blankToNull(d.registerNumber()),
				blankToNull(d.streetAddress()), blankToNull(d.streetAddress2()), blankToNull(d.zipCode()),
				blankToNull(d.city()), blankToNull(d.state()), upper(d.country()), blankToNull(d.email()),
				d.paymentTermsDays(), d.homeDepartmentId(), d.archived());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static @Nullable String upper(@Nullable String value) {
		String trimmed = blankToNull(value);
		return (trimmed == null) ? null : trimmed.toUpperCase(Locale.ROOT);
	}

	private static @Nullable String removeSpaces(@Nullable String value) {
		return (value == null) ? null : value.replace(" ", "");
	}

}
