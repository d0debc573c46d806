package org.vetbill.security;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.SIGN_IN_FAILURE;

/**
 * SQL of the failed sign-in counters ({@link SignInThrottle}): one row per account or
 * client address, shared by every node on the database. A failure is counted by an update
 * of the row, or its insert when there is none; the update locks the row until the
 * transaction ends, so concurrent failures of one account are counted one after the
 * other, on H2 and PostgreSQL alike.
 */
@Repository
class SignInFailureStore {

	private final DSLContext dsl;

	SignInFailureStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Until when an account or address is locked.
	 * @param kind {@code client}, {@code user} or {@code address}
	 * @param subject the account or address
	 * @return the end of its lock, if it has one (possibly past)
	 */
	Optional<Instant> lockedUntil(String kind, String subject) {
		return this.dsl.select(SIGN_IN_FAILURE.LOCKED_UNTIL)
			.from(SIGN_IN_FAILURE)
			.where(SIGN_IN_FAILURE.KIND.eq(kind), SIGN_IN_FAILURE.SUBJECT.eq(subject))
			.fetchOptional(SIGN_IN_FAILURE.LOCKED_UNTIL);
	}

	/**
	 * Counts a failure; failures older than {@code forgetBefore} are forgotten first.
	 * Call in a transaction: the row stays locked until it ends.
	 * @param kind {@code client}, {@code user} or {@code address}
	 * @param subject the account or address
	 * @param now the time of the failure
	 * @param forgetBefore when the last failure is older than this, the count starts
	 * again
	 * @return the failures counted, this one included
	 */
	int fail(String kind, String subject, Instant now, Instant forgetBefore) {
		for (int attempt = 0; attempt < 3; attempt++) {
			int updated = this.dsl.update(SIGN_IN_FAILURE)
				.set(SIGN_IN_FAILURE.FAILURES,
						DSL.when(SIGN_IN_FAILURE.LAST_FAILURE.lt(forgetBefore), DSL.inline(1))
							.otherwise(SIGN_IN_FAILURE.FAILURES.plus(1)))
				.set(SIGN_IN_FAILURE.LAST_FAILURE, now)
				.where(SIGN_IN_FAILURE.KIND.eq(kind), SIGN_IN_FAILURE.SUBJECT.eq(subject))
				.execute();
			if (updated == 0) {
				int inserted = this.dsl.insertInto(SIGN_IN_FAILURE)
					.set(SIGN_IN_FAILURE.KIND, kind)
					.set(SIGN_IN_FAILURE.SUBJECT, subject)
					.set(SIGN_IN_FAILURE.FAILURES, 1)
					.set(SIGN_IN_FAILURE.LAST_FAILURE, now)
					.onConflictDoNothing()
					.execute();
				if (inserted == 0) {
					// another node inserted it meanwhile: count on its row
					continue;
				}
			}
			Integer failures = this.dsl.select(SIGN_IN_FAILURE.FAILURES)
				.from(SIGN_IN_FAILURE)
				.where(SIGN_IN_FAILURE.KIND.eq(kind), SIGN_IN_FAILURE.SUBJECT.eq(subject))
				.fetchOne(SIGN_IN_FAILURE.FAILURES);
			return (failures != null) ? failures : 1;
		}
		throw new IllegalStateException("the failed sign-in of " + kind + " could not be counted");
	}

	void lock(String kind, String subject, @Nullable Instant until) {
		this.dsl.update(SIGN_IN_FAILURE)
			.set(SIGN_IN_FAILURE.LOCKED_UNTIL, until)
			.where(SIGN_IN_FAILURE.KIND.eq(kind), SIGN_IN_FAILURE.SUBJECT.eq(subject))
			.execute();
	}

	void clear(String kind, String subject) {
		this.dsl.deleteFrom(SIGN_IN_FAILURE)
			.where(SIGN_IN_FAILURE.KIND.eq(kind), SIGN_IN_FAILURE.SUBJECT.eq(subject))
			.execute();
	}

	/**
	 * Deletes the rows of failures older than a time whose lock, if any, is over.
	 * @param before the time
	 * @param now the time now
	 * @return the rows deleted
	 */
	int forget(Instant before, Instant now) {
		return this.dsl.deleteFrom(SIGN_IN_FAILURE)
			.where(SIGN_IN_FAILURE.LAST_FAILURE.lt(before),
					SIGN_IN_FAILURE.LOCKED_UNTIL.isNull().or(SIGN_IN_FAILURE.LOCKED_UNTIL.lt(now)))
			.execute();
	}

}
