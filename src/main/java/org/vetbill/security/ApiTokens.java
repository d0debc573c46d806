package org.vetbill.security;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Legacy API tokens ({@code Authorization: Token <key>}) as {@link Credentials} creates
 * and lists them.
 */
public final class ApiTokens {

	private ApiTokens() {
	}

	/**
	 * A legacy API token to create.
	 *
	 * @param name what the token is for
	 * @param permissions {@code read}, {@code billing}, {@code settings}
	 */
	public record NewApiToken(@NotBlank @Size(max = 200) String name, @NotEmpty List<String> permissions) {
	}

	/**
	 * A legacy API token (without its key).
	 *
	 * @param id the id
	 * @param name what it is for
	 * @param keyHint the first characters of the key, to recognize it
	 * @param permissions what it may do
	 * @param active whether it is still accepted
	 * @param created when it was created
	 */
	public record ApiToken(long id, String name, String keyHint, List<String> permissions, boolean active,
			Instant created) {
	}

	/**
	 * A newly created legacy token with its key, shown this once.
	 *
	 * @param token the token
	 * @param key the key to send as {@code Authorization: Token <key>}
	 */
	public record IssuedApiToken(ApiToken token, String key) {
	}

}
