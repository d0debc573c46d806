package org.vetbill.security;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.SIGNING_KEY;

/**
 * SQL for the keys that sign access tokens, kept in the database (encrypted, see
 * {@link KeyEncryption}) so that every node sharing it uses the same ones.
 */
@Repository
class SigningKeyStore {

	private final DSLContext dsl;

	SigningKeyStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A stored key.
	 *
	 * @param id the key id ({@code kid})
	 * @param secret its secret: encrypted, or, stored before keys were encrypted, plain
	 * @param encrypted whether the secret is encrypted
	 * @param created when it was made
	 * @param retired when a newer key took over signing, or null for a key that signs
	 */
	record StoredKey(String id, String secret, boolean encrypted, Instant created, @Nullable Instant retired) {
	}

	/**
	 * Every key, newest first.
	 * @return the keys
	 */
	List<StoredKey> all() {
		return this.dsl.selectFrom(SIGNING_KEY)
			.orderBy(SIGNING_KEY.CREATED.desc(), SIGNING_KEY.ID.desc())
			.fetch((r) -> new StoredKey(r.getId(), r.getSecret(), Boolean.TRUE.equals(r.getEncrypted()), r.getCreated(),
					r.getRetired()));
	}

	/**
	 * Stores a key unless another node has stored one of that id meanwhile.
	 * @param id the key
	 * @param encryptedSecret its encrypted secret
	 * @param created the time
	 */
	void insertIfAbsent(String id, String encryptedSecret, Instant created) {
		this.dsl.insertInto(SIGNING_KEY)
			.set(SIGNING_KEY.ID, id)
			.set(SIGNING_KEY.SECRET, encryptedSecret)
			.set(SIGNING_KEY.ENCRYPTED, true)
			.set(SIGNING_KEY.CREATED, created)
			.onConflictDoNothing()
			.execute();
	}

	/**
	 * Replaces a plain secret by its encrypted form, unless another node did it first.
	 * @param id the key
	 * @param encryptedSecret the encrypted secret
	 */
	void encrypt(String id, String encryptedSecret) {
		this.dsl.update(SIGNING_KEY)
			.set(SIGNING_KEY.SECRET, encryptedSecret)
			.set(SIGNING_KEY.ENCRYPTED, true)
			.where(SIGNING_KEY.ID.eq(id))
			.and(SIGNING_KEY.ENCRYPTED.isFalse())
			.execute();
	}

	/**
	 * Retires every signing key but one.
	 * @param keep the key that signs from now on
	 * @param now the time
	 */
	void retireAllBut(String keep, Instant now) {
		this.dsl.update(SIGNING_KEY)
			.set(SIGNING_KEY.RETIRED, now)
			.where(SIGNING_KEY.ID.ne(keep))
			.and(SIGNING_KEY.RETIRED.isNull())
			.execute();
	}

}
