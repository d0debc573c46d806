package org.vetbill.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The encryption of token-signing keys at rest: AES-256-GCM under the configured key, or
 * under a key generated once into the data folder when none is configured.
 */
class KeyEncryptionTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');

	@TempDir
	Path dataDir;

	@Test
	void aSecretEncryptedUnderTheConfiguredKeyDecryptsOnlyUnderThatKeyAndItsId() {
		KeyEncryption encryption = new KeyEncryption(KEY, this.dataDir.toString());
		byte[] secret = "a signing key of thirty-two byte".getBytes(StandardCharsets.US_ASCII);
		String stored = encryption.encrypt("k1", secret);
		assertThat(stored).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
			.doesNotContain(new String(secret, StandardCharsets.US_ASCII));
		// a new random IV each time
		assertThat(encryption.encrypt("k1", secret)).isNotEqualTo(stored);
		assertThat(encryption.decrypt("k1", stored)).isEqualTo(secret);
		// moved to another key's row, or decrypted under another key-encryption key:
		// refused
		assertThatIllegalStateException().isThrownBy(() -> encryption.decrypt("k2", stored))
			.withMessageContaining("vetbill.security.key-encryption-key");
		String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
		assertThatIllegalStateException()
			.isThrownBy(() -> new KeyEncryption(otherKey, this.dataDir.toString()).decrypt("k1", stored));
		// an altered value: refused
		char last = stored.charAt(stored.length() - 1);
		String altered = stored.substring(0, stored.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThatIllegalStateException().isThrownBy(() -> encryption.decrypt("k1", altered));
		assertThat(Files.exists(this.dataDir.resolve(KeyEncryption.FILE_NAME))).isFalse();
	}

	@Test
	void withoutTheSettingAKeyIsGeneratedOnceIntoTheDataFolder() throws Exception {
		KeyEncryption first = new KeyEncryption("", this.dataDir.toString());
		Path file = this.dataDir.resolve(KeyEncryption.FILE_NAME);
		assertThat(file).exists();
		assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
		String stored = first.encrypt("k1", new byte[] { 1, 2, 3 });
		// the next start reads the same key
		assertThat(new KeyEncryption("", this.dataDir.toString()).decrypt("k1", stored))
			.isEqualTo(new byte[] { 1, 2, 3 });
	}

	@Test
	void aConfiguredKeyMustBe32BytesOfBase64() {
		assertThatIllegalStateException().isThrownBy(() -> new KeyEncryption("not base64!", this.dataDir.toString()))
			.withMessageContaining("32 bytes");
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException().isThrownBy(() -> new KeyEncryption(short16, this.dataDir.toString()))
			.withMessageContaining("not 16 bytes");
	}

}
