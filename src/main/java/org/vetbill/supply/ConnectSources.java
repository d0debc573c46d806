package org.vetbill.supply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.net.OutboundGuard;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;
import org.vetbill.supply.ConnectSourceRepository.StoredSource;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Connect sources of a buying organization's suppliers and their import schedule: a
 * poll is claimed (one node at a time, never sooner than the poll interval after the last
 * one), then finished as a success (the next poll asks for what changed since it began)
 * or a failure (the next poll waits twice as long as the last, up to the longest
 * back-off).
 */
@Service
public class ConnectSources {

	private static final int HINT = 6;

	private static final int MAX_ERROR = 1000;

	private final ConnectSourceRepository repository;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final Suppliers suppliers;

	private final ConnectProperties properties;

	private final OutboundGuard guard;

	ConnectSources(ConnectSourceRepository repository, InputValidator validator, AuditLog audit, Clock clock,
			Suppliers suppliers, ConnectProperties properties, OutboundGuard guard) {
		this.repository = repository;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
		this.suppliers = suppliers;
		this.properties = properties;
		this.guard = guard;
	}

	/**
	 * Sets where a supplier's invoices are imported from; the first poll is due at once.
	 * Another endpoint, token or account starts the import over from the first invoice
	 * (invoices already imported are recognised by their numbers).
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @param source the endpoint and headers
	 * @return the source's status
	 */
	@Transactional
	public ConnectSourceStatus configure(Caller caller, long supplierId, ConnectSource source) {
		this.validator.validate(source);
		String internal = this.guard.literalProblem(source.baseUrl());
		if (internal != null) {
			throw new InvalidInput(
					List.of(FieldError.of("baseUrl", "url_not_public", "url", source.baseUrl(), "address", internal)));
		}
		this.suppliers.lock(caller, supplierId);
		Instant now = Timestamps.now(this.clock);
		SourceKey key = new SourceKey(caller.organizationId(), supplierId);
		Optional<ConnectSource> before = this.repository.find(key).map(StoredSource::source);
		String baseUrl = source.baseUrl().replaceAll("/+$", "");
		ConnectSource stored = new ConnectSource(baseUrl, source.client(), source.clientAuth(), source.userAuth(),
				source.practice(), source.user(), source.accountCode());
		if (before.isEmpty()) {
			this.repository.insert(key, stored, now);
		}
		else {
			ConnectSource old = before.get();
			boolean startOver = !old.baseUrl().equals(baseUrl) || !old.userAuth().equals(source.userAuth())
					|| !Objects.equals(old.accountCode(), source.accountCode());
			this.repository.update(key, stored, now, startOver);
		}
		this.audit.record(caller, before.isEmpty() ? "connect_source.created" : "connect_source.updated", "supplier",
				supplierId, null, source);
		return status(caller, supplierId);
	}

	@Transactional(readOnly = true)
	public ConnectSourceStatus status(Caller caller, long supplierId) {
		this.suppliers.get(caller, supplierId);
		return this.repository.find(new SourceKey(caller.organizationId(), supplierId))
			.map(ConnectSources::status)
			.orElseThrow(() -> new NotFound("connect_source", supplierId));
	}

	/**
	 * The sources whose next poll is due and that no node is polling.
	 * @return organization and supplier of each
	 */
	@Transactional(readOnly = true)
	public List<SourceKey> due() {
		return this.repository.due(Timestamps.now(this.clock));
	}

	/**
	 * How many enabled sources, of every organization, failed their last poll (and are
	 * tried again later), for the metrics.
	 * @return the number
	 */
	@Transactional(readOnly = true)
	public int failingCount() {
		return this.repository.countFailing();
	}

	/**
	 * A source by its organization and supplier.
	 *
	 * @param organizationId the buying organization
	 * @param supplierId its supplier
	 */
	public record SourceKey(long organizationId, long supplierId) {

	}

	/**
	 * Claims a poll of a source for this node.
	 * @param key the source
	 * @param onlyWhenDue whether the poll must be due (the schedule) or may come early (a
	 * poll asked for by a user), never sooner than the poll interval after the last one
	 * @return the source with the time after which to ask for changes, or empty when
	 * another node polls it, it is not due, or it was polled less than the poll interval
	 * ago
	 */
	@Transactional
	public Optional<Claimed> claim(SourceKey key, boolean onlyWhenDue) {
		Instant now = Timestamps.now(this.clock);
		if (!this.repository.claim(key, now, now.plus(this.properties.lease()),
				now.minus(this.properties.pollInterval()), onlyWhenDue)) {
			return Optional.empty();
		}
		StoredSource row = this.repository.find(key).orElseThrow();
		return Optional.of(new Claimed(key, row.source(), row.updatedAfter(), now));
	}

	/**
	 * A poll this node has claimed.
	 *
	 * @param key the source
	 * @param source its endpoint and headers
	 * @param updatedAfter ask for the invoices changed after this time (null: everything)
	 * @param started when the poll began
	 */
	public record Claimed(SourceKey key, ConnectSource source, @Nullable Instant updatedAfter, Instant started) {

	}

	/**
	 * Ends a successful poll: the next one asks for the changes since this one began
	 * (less the overlap) after the poll interval.
	 * @param poll the poll
	 * @return when the next poll is due
	 */
	@Transactional
	public Instant succeeded(Claimed poll) {
		Instant next = poll.started().plus(this.properties.pollInterval());
		Instant since = poll.started().minus(this.properties.overlap());
		if (poll.updatedAfter() != null && since.isBefore(poll.updatedAfter())) {
			since = poll.updatedAfter();
		}
		this.repository.succeeded(poll.key(), since, next, Timestamps.now(this.clock));
		return next;
	}

	/**
	 * Ends a failed poll: the next one waits the poll interval doubled for each failure
	 * in a row, up to the longest back-off, and asks for the same changes again.
	 * @param poll the poll
	 * @param error what went wrong
	 * @return when the next poll is due
	 */
	@Transactional
	public Instant failed(Claimed poll, String error) {
		int failures = this.repository.failures(poll.key()) + 1;
		Instant next = Timestamps.now(this.clock).plus(backoff(failures));
		this.repository.failed(poll.key(), next, failures,
				(error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error);
		return next;
	}

	/**
	 * The wait after a number of failed polls in a row: the poll interval, doubled for
	 * each failure after the first, up to the longest back-off.
	 * @param failures failures in a row, from 1
	 * @return the wait
	 */
	Duration backoff(int failures) {
		Duration wait = this.properties.pollInterval();
		for (int i = 1; i < failures && wait.compareTo(this.properties.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	private static ConnectSourceStatus status(StoredSource stored) {
		ConnectSource source = stored.source();
		return new ConnectSourceStatus(source.baseUrl(), source.client(), hint(source.clientAuth()),
				hint(source.userAuth()), source.practice(), source.user(), source.accountCode(), stored.enabled(),
				stored.updatedAfter(), stored.nextPoll(), stored.failures(), stored.lastPoll(), stored.lastSuccess(),
				stored.lastError());
	}

	private static String hint(String secret) {
		return ((secret.length() > HINT) ? secret.substring(0, HINT) : "") + "…";
	}

}
