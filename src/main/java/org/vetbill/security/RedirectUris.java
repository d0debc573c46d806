package org.vetbill.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.InvalidInput;

/**
 * The redirect URIs an app registers for the authorization-code flow, following RFC 6749
 * (absolute, no fragment) and RFC 8252 for native apps: {@code https}, {@code http} only
 * for a loopback host, or a private-use scheme with a dot ({@code com.example.app}). The
 * authorization endpoint compares them exactly, character by character.
 */
final class RedirectUris {

	static final int MAX_URIS = 10;

	static final int MAX_LENGTH = 2000;

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private RedirectUris() {
	}

	/**
	 * Checks the redirect URIs of a client to register.
	 * @param uris the URIs, or null for none
	 * @param field the request field that names them
	 * @return the URIs, duplicates dropped
	 */
	static List<String> validate(@Nullable List<String> uris, String field) {
		if (uris == null) {
			return List.of();
		}
		List<String> valid = new ArrayList<>();
		for (String uri : uris) {
			if (uri == null || !acceptable(uri)) {
				throw InvalidInput.of(field, "redirect_uri_invalid", "uri", uri);
			}
			if (!valid.contains(uri)) {
				valid.add(uri);
			}
		}
		if (valid.size() > MAX_URIS || format(valid).length() > MAX_LENGTH) {
			throw InvalidInput.of(field, "redirect_uris_too_many", "max", MAX_URIS, "length", MAX_LENGTH);
		}
		return List.copyOf(valid);
	}

	static String format(List<String> uris) {
		return String.join(" ", uris);
	}

	static List<String> parseStored(String stored) {
		return Arrays.stream(stored.split(" ")).filter((s) -> !s.isBlank()).toList();
	}

	private static boolean acceptable(String value) {
		if (value.isBlank() || value.chars().anyMatch((c) -> c <= ' ')) {
			return false;
		}
		try {
			URI uri = new URI(value);
			if (!uri.isAbsolute() || uri.getRawFragment() != null || uri.getScheme() == null) {
				return false;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			return switch (scheme) {
				case "https" -> uri.getHost() != null;
				case "http" -> uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
				default -> scheme.contains(".") && !uri.isOpaque();
			};
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
