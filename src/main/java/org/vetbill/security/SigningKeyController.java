package org.vetbill.security;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform operator's view of the keys that sign access tokens: listing them (ids and
 * dates, never a secret) and rotating them. After a rotation new tokens are signed with
 * the new key; tokens signed with an older one keep working until they expire.
 */
@RestController
@RequestMapping("/admin/v1/signing-keys")
class SigningKeyController {

	private final SigningKeys keys;

	SigningKeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping
	List<SigningKey> list() {
		SigningKeys.Key signing = this.keys.signing();
		return this.keys.all().stream().map((key) -> SigningKey.of(key, signing)).toList();
	}

	@PostMapping("/rotate")
	@ResponseStatus(HttpStatus.CREATED)
	SigningKey rotate() {
		SigningKeys.Key key = this.keys.rotate();
		return SigningKey.of(key, key);
	}

	/**
	 * A signing key as the operator sees it.
	 *
	 * @param kid its id, the {@code kid} of the tokens it signs
	 * @param created when it was made
	 * @param retired when a newer key took over signing, or null
	 * @param signing whether it signs new tokens
	 */
	record SigningKey(String kid, Instant created, @Nullable Instant retired, boolean signing) {

		static SigningKey of(SigningKeys.Key key, SigningKeys.Key signing) {
			return new SigningKey(key.id(), key.created(), key.retired(), key.id().equals(signing.id()));
		}

	}

}
