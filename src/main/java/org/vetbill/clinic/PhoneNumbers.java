package org.vetbill.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.domain.PhoneNumberDetails;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.OffsetPage;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' phone numbers, any number of them per client.
 */
@Service
public class PhoneNumbers {

	private final PhoneNumberRepository phoneNumbers;

	private final ClientRepository clients;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Organizations organizations;

	PhoneNumbers(PhoneNumberRepository phoneNumbers, ClientRepository clients, InputValidator validator, AuditLog audit,
			Clock clock, Organizations organizations) {
		this.phoneNumbers = phoneNumbers;
		this.clients = clients;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	@Transactional
	public PhoneNumber create(Caller caller, PhoneNumberDetails details) {
		this.validator.validate(details, () -> this.clients.exists(caller, details.clientId()) ? List.of()
				: List.of(FieldError.of("clientId", "does_not_exist", "entity", "client", "id", details.clientId())));
		Instant now = Timestamps.now(this.clock);
		long id = this.phoneNumbers.insert(caller, details, now);
		PhoneNumber created = this.phoneNumbers.find(caller, id).orElseThrow(() -> new NotFound("phone_number", id));
		this.audit.record(caller, "phone_number.created", "phone_number", id, null, created);
		return created;
	}

	/**
	 * The phone numbers with the given ids that exist in the caller's organization.
	 * @param caller the caller
	 * @param ids the ids
	 * @return the phone numbers, in no particular order
	 */
	@Transactional(readOnly = true)
	public List<PhoneNumber> getAll(Caller caller, Collection<Long> ids) {
		return this.phoneNumbers.getAll(caller, ids);
	}

	/**
	 * A numbered page of the phone numbers matching the criteria, in the order asked.
	 * @param caller the caller
	 * @param criteria filters over id, clientId, typeCode, number, description, created,
	 * modified
	 * @param order the order, over the filterable fields, then by id in the same
	 * direction
	 * @param page the page
	 * @return the page and the number of matching phone numbers
	 */
	@Transactional(readOnly = true)
	public Counted<PhoneNumber> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		ZoneId zone = this.organizations.get(caller.organizationId()).zone();
		return this.phoneNumbers.search(caller, criteria, zone, order, page);
	}

	/**
	 * The ids of each client's phone numbers, read in one query for all of them.
	 * @param caller the caller
	 * @param clientIds the clients
	 * @return the ids by client, in id order; a client without numbers is left out
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Long>> idsByClient(Caller caller, Collection<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return Map.of();
		}
		return this.phoneNumbers.idsByClient(caller, clientIds);
	}

	/**
	 * A client's phone numbers.
	 * @param caller the caller
	 * @param clientId the client
	 * @return the numbers, in id order
	 */
	@Transactional(readOnly = true)
	public List<PhoneNumber> ofClient(Caller caller, long clientId) {
		List<Long> ids = this.phoneNumbers.idsByClient(caller, List.of(clientId)).getOrDefault(clientId, List.of());
		return this.phoneNumbers.getAll(caller, ids)
			.stream()
			.sorted(java.util.Comparator.comparingLong(PhoneNumber::id))
			.toList();
	}

}
