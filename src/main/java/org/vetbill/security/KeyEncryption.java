package org.vetbill.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the keys that sign access tokens before they are stored, with AES-256-GCM (the
 * JDK's) under a key-encryption key that never enters the database: the setting
 * {@code vetbill.security.key-encryption-key} (environment
 * {@code VETBILL_SECURITY_KEY_ENCRYPTION_KEY}), 32 bytes in Base64. Without the setting
 * (the demo and development), a key generated once into the file
 * {@code key-encryption-key} of the data directory is used, with a warning: in production
 * the setting is required, so that a copy of the database alone reveals no signing key.
 * Each stored value is {@code <iv>.<ciphertext>} (URL-safe Base64), authenticated
 * together with the key's id, so a value moved to another key's row does not decrypt.
 */
@Component
class KeyEncryption {

	static final String FILE_NAME = "key-encryption-key";

	private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);

	private static final String CIPHER = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	KeyEncryption(@Value("${vetbill.security.key-encryption-key:}") String configured,
			@Value("${vetbill.data-dir:./data}") String dataDir) {
		this.key = configured.isBlank() ? fromFile(Path.of(dataDir, FILE_NAME))
				: parse(configured, "vetbill.security.key-encryption-key");
	}

	/**
	 * Encrypts a secret.
	 * @param id the id of the key the secret is (authenticated with it)
	 * @param secret the secret
	 * @return the stored form
	 */
	String encrypt(String id, byte[] secret) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, id);
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			return base64.encodeToString(iv) + "." + base64.encodeToString(cipher.doFinal(secret));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is always available", ex);
		}
	}

	/**
	 * Decrypts a stored secret.
	 * @param id the key's id
	 * @param stored what {@link #encrypt} returned
	 * @return the secret
	 * @throws IllegalStateException when the value was encrypted under another
	 * key-encryption key, or altered
	 */
	byte[] decrypt(String id, String stored) {
		int dot = stored.indexOf('.');
		try {
			if (dot < 0) {
				throw new IllegalArgumentException("no iv");
			}
			Base64.Decoder base64 = Base64.getUrlDecoder();
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, base64.decode(stored.substring(0, dot)), id);
			return cipher.doFinal(base64.decode(stored.substring(dot + 1)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("the token signing key " + id
					+ " cannot be decrypted: vetbill.security.key-encryption-key is not the key it was encrypted with",
					ex);
		}
	}

	private Cipher cipher(int mode, byte[] iv, String id) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(CIPHER);
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static SecretKey parse(String value, String source) {
		byte[] bytes;
		try {
			String trimmed = value.trim();
			bytes = (trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(trimmed)
					: Base64.getDecoder().decode(trimmed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " must be 32 bytes in Base64 (openssl rand -base64 32)");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(
					source + " must be 32 bytes in Base64 (openssl rand -base64 32), not " + bytes.length + " bytes");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static SecretKey fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			log.warn("Token signing keys are encrypted with the generated key in {}; in production set "
					+ "vetbill.security.key-encryption-key (VETBILL_SECURITY_KEY_ENCRYPTION_KEY)", file);
			return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read or create " + file
					+ ": set vetbill.security.key-encryption-key (VETBILL_SECURITY_KEY_ENCRYPTION_KEY)", ex);
		}
	}

	private static void create(Path file) throws IOException {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		Path directory = file.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		try {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException ex) {
			// another process created it meanwhile: read that one
		}
	}

}
