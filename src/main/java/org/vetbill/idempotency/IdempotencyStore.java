package org.vetbill.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.IDEMPOTENT_REQUEST;

/**
 * SQL for the answers kept for Idempotency-Key requests.
 */
@Repository
class IdempotencyStore {

	/** The status of a request whose answer is not written yet. */
	static final int PENDING = 0;

	private final DSLContext dsl;

	IdempotencyStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A request seen before, and its answer.
	 */
	record Answer(String requestHash, int status, @Nullable String contentType, byte @Nullable [] body) {
	}

	Optional<Answer> find(long organizationId, String actor, String key) {
		return this.dsl.selectFrom(IDEMPOTENT_REQUEST)
			.where(IDEMPOTENT_REQUEST.ORGANIZATION_ID.eq(organizationId))
			.and(IDEMPOTENT_REQUEST.ACTOR.eq(actor))
			.and(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY.eq(key))
			.fetchOptional((r) -> new Answer(r.getRequestHash(), r.getResponseStatus(), r.getResponseType(),
					(r.getResponseBody() != null) ? r.getResponseBody().getBytes(StandardCharsets.UTF_8) : null));
	}

	/**
	 * Claims a key for a request, unless it was claimed before: the first statement of a
	 * request with a key, so that a new key costs no read. A concurrent claim of the same
	 * key waits for this one's transaction, and claims nothing if it commits; some
	 * databases fail it on the primary key instead.
	 * @return whether the key was claimed (false: an earlier request has it)
	 */
	boolean claim(long organizationId, String actor, String key, String requestHash, Instant now) {
		return this.dsl.insertInto(IDEMPOTENT_REQUEST)
			.set(IDEMPOTENT_REQUEST.ORGANIZATION_ID, organizationId)
			.set(IDEMPOTENT_REQUEST.ACTOR, actor)
			.set(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY, key)
			.set(IDEMPOTENT_REQUEST.REQUEST_HASH, requestHash)
			.set(IDEMPOTENT_REQUEST.RESPONSE_STATUS, PENDING)
			.set(IDEMPOTENT_REQUEST.CREATED, now)
			.onConflictDoNothing()
			.execute() == 1;
	}

	void answer(long organizationId, String actor, String key, int status, @Nullable String contentType, String body) {
		this.dsl.update(IDEMPOTENT_REQUEST)
			.set(IDEMPOTENT_REQUEST.RESPONSE_STATUS, status)
			.set(IDEMPOTENT_REQUEST.RESPONSE_TYPE, contentType)
			.set(IDEMPOTENT_REQUEST.RESPONSE_BODY, body)
			.where(IDEMPOTENT_REQUEST.ORGANIZATION_ID.eq(organizationId))
			.and(IDEMPOTENT_REQUEST.ACTOR.eq(actor))
			.and(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY.eq(key))
			.execute();
	}

}
