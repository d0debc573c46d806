package org.vetbill.security;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.access.Permission;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scopes of access tokens and the permissions they bound.
 */
class TokenScopesTests {

	private static final Set<Permission> ALL = EnumSet.allOf(Permission.class);

	@Test
	void restapiAllowsEveryPermissionOfTheCredentialAndTheOthersTheirOwn() {
		assertThat(TokenScopes.bound(ALL, "restapi")).isEqualTo(ALL);
		assertThat(TokenScopes.bound(ALL, "read")).containsExactly(Permission.READ);
		assertThat(TokenScopes.bound(ALL, "billing read")).containsExactly(Permission.READ, Permission.BILLING);
		assertThat(TokenScopes.bound(ALL, "openid")).isEmpty();
		assertThat(TokenScopes.bound(ALL, "restapi openid")).isEqualTo(ALL);
		assertThat(TokenScopes.bound(ALL, null)).isEmpty();
		assertThat(TokenScopes.bound(ALL, "admin")).isEmpty();
		// a scope never adds a permission the credential lacks
		assertThat(TokenScopes.bound(EnumSet.of(Permission.READ), "settings")).isEmpty();
	}

	@Test
	void theRequestedScopeIsNormalisedOrRefused() {
		assertThat(TokenScopes.requested(null, TokenScopes.API)).isEqualTo("restapi");
		assertThat(TokenScopes.requested("  ", TokenScopes.API)).isEqualTo("restapi");
		assertThat(TokenScopes.requested(" read  billing read ", TokenScopes.API)).isEqualTo("read billing");
		assertThat(TokenScopes.requested("read openid", TokenScopes.API)).isNull();
		assertThat(TokenScopes.requested("read openid", TokenScopes.DELEGATED)).isEqualTo("read openid");
		assertThat(TokenScopes.requested("admin", TokenScopes.DELEGATED)).isNull();
	}

}
