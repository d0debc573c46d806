package org.vetbill.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.time.Timestamps;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Throttles password and client-secret guessing, for every place a secret is checked
 * (both token endpoints and the sign-in page of the authorization-code flow, through
 * {@link Credentials}). Failed sign-ins are counted per account (an API client or a user,
 * within its organization) and per client address (the request's remote address, which
 * the trusted-proxy filter takes from forwarded headers only for trusted proxies):
 * <ul>
 * <li>after {@code account-max-failures} (5) consecutive failures an account is locked
 * for {@code account-lock-time} (1 minute); each further failure locks it again for twice
 * as long, up to {@code account-max-lock-time} (15 minutes); a success starts the count
 * again;</li>
 * <li>after {@code address-max-failures} (50) failures over any accounts, each within
 * {@code address-window} (15 minutes) of the one before, an address is locked for that
 * window.</li>
 * </ul>
 * A locked account or address is refused without checking the secret, so the right secret
 * fails too until the lock is over ({@link SignInLocked}). Each lock is written to the
 * audit log of the organization signed in to, with the account and address. The counters
 * are in the database, shared by every node; they are written in transactions of their
 * own, so a failure counts even when the sign-in's own transaction is read-only or rolled
 * back. Counters of failures long past whose lock is over are deleted on the failure
 * path, every ten minutes at most on each node.
 */
@Service
@EnableConfigurationProperties(SignInProperties.class)
public class SignInThrottle {

	static final String ADDRESS = "address";

	/** How often a node deletes the counters of failures long past. */
	static final Duration FORGET_EVERY = Duration.ofMinutes(10);

	private final SignInFailureStore store;

	private final SignInProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	/** When this node last deleted the counters long past, or null before it has. */
	private volatile @Nullable Instant forgotten;

	SignInThrottle(SignInFailureStore store, SignInProperties properties, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Refuses a sign-in whose account or address is locked, before its secret is checked.
	 * @param organizationId the organization signed in to
	 * @param account {@code client:<client id>} or {@code user:<username>}
	 * @throws SignInLocked when the account or the address is locked
	 */
	void check(long organizationId, String account) {
		Optional<SignInLocked> locked = lock(organizationId, account);
		if (locked.isPresent()) {
			throw locked.get();
		}
	}

	/**
	 * The candidates of a sign-in whose account is not locked, for a sign-in that tries
	 * the accounts of one name in several organizations: a lock in one organization does
	 * not refuse the account of another.
	 * @param <T> the type of the candidates
	 * @param candidates the candidates
	 * @param organization the organization of a candidate
	 * @param account {@code user:<username>}
	 * @return the candidates that are not locked
	 * @throws SignInLocked when every candidate is locked (or the address)
	 */
	<T> List<T> unlocked(List<T> candidates, ToLongFunction<T> organization, String account) {
		List<T> open = new ArrayList<>();
		Optional<SignInLocked> anyLock = Optional.empty();
		for (T candidate : candidates) {
			Optional<SignInLocked> locked = lock(organization.applyAsLong(candidate), account);
			if (locked.isEmpty()) {
				open.add(candidate);
			}
			anyLock = anyLock.or(() -> locked);
		}
		if (open.isEmpty() && anyLock.isPresent()) {
			throw anyLock.get();
		}
		return open;
	}

	/**
	 * Whether a sign-in would be refused because its account or address is locked.
	 * @param organizationId the organization signed in to
	 * @param account {@code client:<client id>} or {@code user:<username>}
	 * @return the refusal, or empty when the secret may be checked
	 */
	Optional<SignInLocked> lock(long organizationId, String account) {
		if (!this.properties.enabled()) {
			return Optional.empty();
		}
		Instant now = Timestamps.now(this.clock);
		Account key = Account.of(organizationId, account);
		Optional<Instant> until = latest(this.store.lockedUntil(key.kind(), key.subject()),
				address().flatMap((address) -> this.store.lockedUntil(ADDRESS, address)));
		if (until.isPresent() && until.get().isAfter(now)) {
			long seconds = Math.max(1, (Duration.between(now, until.get()).toMillis() + 999) / 1000);
			return Optional.of(new SignInLocked(key.kind(), seconds));
		}
		return Optional.empty();
	}

	/**
	 * Counts a wrong secret against the account and the address, and locks either when it
	 * has failed too often.
	 * @param organizationId the organization signed in to
	 * @param account {@code client:<client id>} or {@code user:<username>}
	 */
	void failed(long organizationId, String account) {
		if (!this.properties.enabled()) {
			return;
		}
		Account key = Account.of(organizationId, account);
		@Nullable String address = address().orElse(null);
		this.ownTransaction.executeWithoutResult((status) -> {
			Instant now = Timestamps.now(this.clock);
			int failures = this.store.fail(key.kind(), key.subject(), now,
					now.minus(this.properties.accountForgetAfter()));
			if (failures >= this.properties.accountMaxFailures()) {
				Instant until = now.plus(this.properties.accountLock(failures));
				this.store.lock(key.kind(), key.subject(), until);
				audit(organizationId, account, "sign_in.account_locked", account, address, failures, until);
			}
			if (address != null) {
				int fromAddress = this.store.fail(ADDRESS, address, now, now.minus(this.properties.addressWindow()));
				if (fromAddress >= this.properties.addressMaxFailures()) {
					Instant until = now.plus(this.properties.addressWindow());
					this.store.lock(ADDRESS, address, until);
					audit(organizationId, "address:" + address, "sign_in.address_locked", account, address, fromAddress,
							until);
				}
			}
		});
		forgetOldNowAndThen();
	}

	/**
	 * Deletes the counters long past at most once per {@link #FORGET_EVERY} on each node,
	 * on the path that makes them: the table holds only the failures of the last window
	 * or so, however many addresses guess.
	 */
	private void forgetOldNowAndThen() {
		Instant now = Timestamps.now(this.clock);
		Instant last = this.forgotten;
		if (last == null || !now.isBefore(last.plus(FORGET_EVERY)) || now.isBefore(last)) {
			this.forgotten = now;
			forgetOld();
		}
	}

	/**
	 * Starts an account's count again after its right secret was given.
	 * @param organizationId the organization signed in to
	 * @param account {@code client:<client id>} or {@code user:<username>}
	 */
	void succeeded(long organizationId, String account) {
		if (!this.properties.enabled()) {
			return;
		}
		Account key = Account.of(organizationId, account);
		this.ownTransaction.executeWithoutResult((status) -> this.store.clear(key.kind(), key.subject()));
	}

	/**
	 * Records the outcome of a sign-in: a success starts the account's count again, a
	 * failure counts against it and the address.
	 * @param organizationId the organization signed in to
	 * @param account {@code client:<client id>} or {@code user:<username>}
	 * @param succeeded whether the secret was right
	 */
	void record(long organizationId, String account, boolean succeeded) {
		if (succeeded) {
			succeeded(organizationId, account);
		}
		else {
			failed(organizationId, account);
		}
	}

	/**
	 * Deletes the counters of failures long past whose lock is over.
	 * @return the counters deleted
	 */
	int forgetOld() {
		Instant now = Timestamps.now(this.clock);
		Duration longest = this.properties.accountForgetAfter().compareTo(this.properties.addressWindow()) > 0
				? this.properties.accountForgetAfter() : this.properties.addressWindow();
		Integer deleted = this.ownTransaction.execute((status) -> this.store.forget(now.minus(longest), now));
		return (deleted != null) ? deleted : 0;
	}

	private void audit(long organizationId, String actor, String action, String account, @Nullable String address,
			int failures, Instant until) {
		Map<String, @Nullable Object> lock = new LinkedHashMap<>();
		lock.put("account", account);
		lock.put("address", address);
		lock.put("failures", failures);
		lock.put("locked_until", until.toString());
		this.audit.record(new Caller(organizationId, actor), action, "sign_in", 0, null, lock);
	}

	private static Optional<Instant> latest(Optional<Instant> one, Optional<Instant> other) {
		if (one.isEmpty()) {
			return other;
		}
		if (other.isEmpty()) {
			return one;
		}
		return one.get().isAfter(other.get()) ? one : other;
	}

	/**
	 * The address of the client of the request being served, if there is one.
	 * @return the address
	 */
	private static Optional<String> address() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return Optional.ofNullable(servlet.getRequest().getRemoteAddr());
		}
		return Optional.empty();
	}

	/**
	 * An account's row: its kind and its name within its organization.
	 */
	private record Account(String kind, String subject) {

		/** The longest name kept as it is; a longer one is kept as its digest. */
		private static final int LONGEST_NAME = 200;

		static Account of(long organizationId, String account) {
			int colon = account.indexOf(':');
			String name = account.substring(colon + 1);
			if (name.length() > LONGEST_NAME) {
				name = "sha256:" + Credentials.sha256(name);
			}
			return new Account(account.substring(0, colon), organizationId + ":" + name);
		}

	}

}
