package org.vetbill.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetbill.shared.Secrets;
import org.vetbill.shared.time.Timestamps;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys that sign access tokens, by key id ({@code kid}): the newest signs, and a key
 * a newer one replaced (a rotation) still verifies the tokens it signed for as long as
 * they live. They are stored encrypted ({@link KeyEncryption}); a key stored in plain
 * text by an older vetbill is encrypted in place the first time the keys are loaded. Each
 * node keeps them in memory and reloads them before signing when they were loaded more
 * than a minute ago (so a rotation on another node takes over within a minute) and when a
 * token names a key it does not know (at most every few seconds).
 */
@Component
class SigningKeys implements SmartInitializingSingleton {

	/** The id of the first key, which every node tries to create on an empty database. */
	static final String FIRST_KEY_ID = "access-token";

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final Duration RELOAD_BEFORE_SIGNING = Duration.ofMinutes(1);

	private static final Duration RELOAD_FOR_UNKNOWN_KID = Duration.ofSeconds(5);

	private static final DateTimeFormatter KID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
		.withZone(ZoneOffset.UTC);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SigningKeyStore store;

	private final KeyEncryption encryption;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile @Nullable Loaded loaded;

	SigningKeys(SigningKeyStore store, KeyEncryption encryption, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.encryption = encryption;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * A key, decrypted.
	 *
	 * @param id its id, the tokens' {@code kid}
	 * @param secret the HMAC-SHA256 key
	 * @param created when it was made
	 * @param retired when a newer key took over signing, or null
	 */
	record Key(String id, SecretKey secret, Instant created, @Nullable Instant retired) {

		/**
		 * Whether tokens signed with this key may still be alive.
		 * @param now the time
		 * @return true while the key signs, and an access token's lifetime (and the clock
		 * skew allowed) after its retirement
		 */
		boolean verifies(Instant now) {
			return this.retired == null
					|| this.retired.plus(AccessTokens.LIFETIME).plus(AccessTokens.CLOCK_SKEW).isAfter(now);
		}

	}

	/**
	 * Loads the keys once the application is built, so that a node whose key-encryption
	 * key is not the one the stored keys were encrypted with refuses to start, saying so,
	 * instead of answering every token request with an error.
	 * @throws IllegalStateException naming the setting and the keys it cannot decrypt
	 */
	@Override
	public void afterSingletonsInstantiated() {
		Loaded keys = reload();
		if (!keys.undecryptable().isEmpty()) {
			throw new IllegalStateException("the token signing keys " + keys.undecryptable()
					+ " cannot be decrypted: vetbill.security.key-encryption-key is not the key they were encrypted "
					+ "with; start every node with the same key-encryption key");
		}
	}

	/**
	 * The key that signs new tokens.
	 * @return the newest key
	 */
	Key signing() {
		Loaded current = this.loaded;
		if (current == null || current.at().plus(RELOAD_BEFORE_SIGNING).isBefore(this.clock.instant())
				|| current.at().isAfter(this.clock.instant())) {
			current = reload();
		}
		return current.signing();
	}

	/**
	 * The keys that may verify a token.
	 * @param kid the token's key id, or null for a token signed before keys had ids
	 * @return the keys still verifying, of that id when one is named
	 */
	List<Key> verifying(@Nullable String kid) {
		Loaded current = this.loaded;
		if (current == null) {
			current = reload();
		}
		if (kid != null && current.find(kid) == null
				&& !current.at().plus(RELOAD_FOR_UNKNOWN_KID).isAfter(this.clock.instant())) {
			current = reload();
		}
		Instant now = this.clock.instant();
		return current.keys()
			.stream()
			.filter((key) -> (kid == null || key.id().equals(kid)) && key.verifies(now))
			.toList();
	}

	/**
	 * Makes a new key the signing one; the others are retired, verifying their tokens
	 * until these expire.
	 * @return the new key
	 */
	Key rotate() {
		Instant now = Timestamps.now(this.clock);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String id = "k" + KID_TIME.format(now) + "-" + Secrets.random(6);
		this.transactions.executeWithoutResult((status) -> {
			this.store.insertIfAbsent(id, this.encryption.encrypt(id, secret), now);
			this.store.retireAllBut(id, now);
		});
		Key key = reload().find(id);
		if (key == null) {
			throw new IllegalStateException("the new signing key " + id + " is not stored");
		}
		return key;
	}

	/**
	 * Every key, newest first.
	 * @return the keys
	 */
	List<Key> all() {
		return reload().keys();
	}

	/**
	 * Loads the keys from the database: encrypts any stored in plain text, and creates
	 * the first key on an empty database.
	 * @return the keys
	 */
	synchronized Loaded reload() {
		List<SigningKeyStore.StoredKey> stored = this.transactions.execute((status) -> {
			List<SigningKeyStore.StoredKey> rows = this.store.all();
			for (SigningKeyStore.StoredKey row : rows) {
				if (!row.encrypted()) {
					byte[] secret = Base64.getUrlDecoder().decode(row.secret());
					this.store.encrypt(row.id(), this.encryption.encrypt(row.id(), secret));
				}
			}
			if (rows.stream().noneMatch((row) -> row.retired() == null)) {
				byte[] secret = new byte[32];
				RANDOM.nextBytes(secret);
				this.store.insertIfAbsent(FIRST_KEY_ID, this.encryption.encrypt(FIRST_KEY_ID, secret),
						Timestamps.now(this.clock));
			}
			return this.store.all();
		});
		List<Key> keys = new ArrayList<>();
		List<String> undecryptable = new ArrayList<>();
		for (SigningKeyStore.StoredKey row : (stored != null) ? stored : List.<SigningKeyStore.StoredKey>of()) {
			try {
				byte[] secret = row.encrypted() ? this.encryption.decrypt(row.id(), row.secret())
						: Base64.getUrlDecoder().decode(row.secret());
				keys.add(new Key(row.id(), new SecretKeySpec(secret, "HmacSHA256"), row.created(), row.retired()));
			}
			catch (IllegalStateException ex) {
				log.error(ex.getMessage());
				undecryptable.add(row.id());
				if (row.retired() == null) {
					throw ex;
				}
			}
		}
		Key signing = keys.stream()
			.filter((key) -> key.retired() == null)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no token signing key"));
		Loaded loaded = new Loaded(List.copyOf(keys), signing, List.copyOf(undecryptable), this.clock.instant());
		this.loaded = loaded;
		return loaded;
	}

	/**
	 * The keys as loaded.
	 *
	 * @param keys every key, newest first
	 * @param signing the newest key not retired
	 * @param undecryptable the ids of retired keys that cannot be decrypted with this
	 * node's key-encryption key, left out
	 * @param at when they were loaded
	 */
	record Loaded(List<Key> keys, Key signing, List<String> undecryptable, Instant at) {

		@Nullable Key find(String id) {
			return this.keys.stream().filter((key) -> key.id().equals(id)).findFirst().orElse(null);
		}

	}

}
