package org.vetbill.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a request made with a bearer token or a legacy API token.
 */
final class VetbillAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final VetbillPrincipal principal;

	VetbillAuthentication(VetbillPrincipal principal) {
		super(authorities(principal));
		this.principal = principal;
		setAuthenticated(true);
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
