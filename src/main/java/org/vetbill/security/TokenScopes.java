package org.vetbill.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.access.Permission;

/**
 * The scopes of access tokens and the permissions each allows: {@code restapi} every
 * permission of the credential, {@code read}, {@code billing} and {@code settings} that
 * one permission, {@code openid} none (the userinfo endpoint). A token may do what its
 * credential may do <em>and</em> its scope allows: a token of scope {@code read} cannot
 * bill, even for a credential that may.
 */
final class TokenScopes {

	static final String RESTAPI = "restapi";

	static final String OPENID = "openid";

	/** The scopes of client credentials and the password grant. */
	static final List<String> API = List.of(RESTAPI, "read", "billing", "settings");

	/** The scopes an app may ask a user for. */
	static final List<String> DELEGATED = List.of(RESTAPI, "read", "billing", "settings", OPENID);

	private static final Map<String, Set<Permission>> PERMISSIONS = Map.of(RESTAPI, EnumSet.allOf(Permission.class),
			"read", EnumSet.of(Permission.READ), "billing", EnumSet.of(Permission.BILLING), "settings",
			EnumSet.of(Permission.SETTINGS), OPENID, EnumSet.noneOf(Permission.class));

	private TokenScopes() {
	}

	/**
	 * The permissions a scope allows.
	 * @param scope scopes, space-separated
	 * @return the union of their permissions (none for an unknown scope)
	 */
	static Set<Permission> permissions(@Nullable String scope) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		if (scope != null) {
			for (String one : OAuthStore.scopes(scope)) {
				permissions.addAll(PERMISSIONS.getOrDefault(one, Set.of()));
			}
		}
		return permissions;
	}

	/**
	 * The scope a token is asked for at the token endpoint.
	 * @param asked the {@code scope} parameter, or null
	 * @param allowed the scopes that may be asked for
	 * @return the scopes, space-separated, without repetitions ({@code restapi} when none
	 * is asked for), or null when one is not allowed
	 */
	static @Nullable String requested(@Nullable String asked, List<String> allowed) {
		if (asked == null || asked.isBlank()) {
			return RESTAPI;
		}
		List<String> scopes = OAuthStore.scopes(asked.trim().replaceAll("\\s+", " ")).stream().distinct().toList();
		return allowed.containsAll(scopes) ? String.join(" ", scopes) : null;
	}

	/**
	 * Narrows permissions to what a scope allows.
	 * @param permissions the credential's permissions
	 * @param scope the token's scopes, space-separated
	 * @return the permissions both allow
	 */
	static Set<Permission> bound(Set<Permission> permissions, @Nullable String scope) {
		Set<Permission> bounded = EnumSet.noneOf(Permission.class);
		bounded.addAll(permissions);
		bounded.retainAll(permissions(scope));
		return bounded;
	}

}
