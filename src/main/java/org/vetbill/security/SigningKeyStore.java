package org.vetbill.security;

import java.time.Instant;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.SIGNING_KEY;

/**
 * SQL for the keys that sign access tokens, kept in the database so that every node
 * sharing it uses the same ones.
 */
@Repository
class SigningKeyStore {

	private final DSLContext dsl;

	SigningKeyStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A key's secret.
	 * @param id the key
	 * @return its secret, or null when there is no such key yet
	 */
	@Nullable String find(String id) {
		return this.dsl.select(SIGNING_KEY.SECRET)
			.from(SIGNING_KEY)
			.where(SIGNING_KEY.ID.eq(id))
			.fetchOne(SIGNING_KEY.SECRET);
	}

	/**
	 * Stores a key unless another node has stored one of that id meanwhile.
	 * @param id the key
	 * @param secret its secret
	 * @param created the time
	 */
	void insertIfAbsent(String id, String secret, Instant created) {
		this.dsl.insertInto(SIGNING_KEY)
			.set(SIGNING_KEY.ID, id)
			.set(SIGNING_KEY.SECRET, secret)
			.set(SIGNING_KEY.CREATED, created)
			.onConflictDoNothing()
			.execute();
	}

	/**
	 * A key's secret; the key must exist.
	 * @param id the key
	 * @return its secret
	 */
	@Nullable String get(String id) {
		return this.dsl.select(SIGNING_KEY.SECRET)
			.from(SIGNING_KEY)
			.where(SIGNING_KEY.ID.eq(id))
			.fetchSingle(SIGNING_KEY.SECRET);
	}

}
