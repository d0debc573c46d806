package org.vetbill.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a request made with a bearer token or a legacy API token.
 */
final class VetbillAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final VetbillPrincipal principal;

	private final AccessTokens.@Nullable Delegation delegation;

	VetbillAuthentication(VetbillPrincipal principal) {
		this(principal, null);
	}

	VetbillAuthentication(VetbillPrincipal principal, AccessTokens.@Nullable Delegation delegation) {
		super(authorities(principal));
		this.principal = principal;
		this.delegation = delegation;
		setAuthenticated(true);
	}

	/**
	 * The user's approval of an app the token comes from.
	 * @return the grant, or null for other credentials
	 */
	AccessTokens.@Nullable Delegation delegation() {
		return this.delegation;
	}

	private static List<GrantedAuthority> authorities(VetbillPrincipal principal) {
		return principal.permissions()
			.stream()
			.map((permission) -> (GrantedAuthority) new SimpleGrantedAuthority(permission.authority()))
			.toList();
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public VetbillPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.actor();
	}

}
