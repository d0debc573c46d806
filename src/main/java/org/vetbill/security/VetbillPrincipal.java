package org.vetbill.security;

import java.util.Set;

import org.vetbill.shared.Caller;
import org.vetbill.shared.access.Permission;

/**
 * An authenticated caller: the organization its credential belongs to, who it is, and
 * what it may do.
 *
 * @param organizationId the tenant's internal id
 * @param provetId the tenant's public id
 * @param actor {@code client:<client_id>}, {@code user:<username>} or
 * {@code token:<name>}
 * @param permissions what it may do
 */
public record VetbillPrincipal(long organizationId, String provetId, String actor, Set<Permission> permissions) {

	public VetbillPrincipal {
		permissions = Set.copyOf(permissions);
	}

	public Caller caller() {
		return new Caller(this.organizationId, this.actor);
	}

}
