package org.vetbill.security;

import java.util.Optional;
import java.util.Set;

import org.vetbill.shared.access.Permission;

import org.springframework.stereotype.Component;

/**
 * What the credential behind an access token may do now. An access token lives 10 hours
 * (the Cloud API's documented {@code expires_in}), but a credential deactivated or given
 * fewer permissions must not keep its power that long: every request with a token looks
 * its API client or user up (one read by its unique key, no cache, so a change applies at
 * once on every node), refuses the token when the credential is gone or inactive, and
 * bounds the token's permissions by the credential's current ones.
 */
@Component
class CredentialCheck {

	static final String CLIENT = "client:";

	static final String USER = "user:";

	private final CredentialRepository repository;

	CredentialCheck(CredentialRepository repository) {
		this.repository = repository;
	}

	/**
	 * The current permissions of a token's credential.
	 * @param organizationId the token's organization
	 * @param actor the token's subject: {@code client:<client_id>} or
	 * {@code user:<username>}
	 * @return the permissions, or empty when the credential is unknown in that
	 * organization or inactive
	 */
	Optional<Set<Permission>> currentPermissions(long organizationId, String actor) {
		Optional<CredentialRepository.Secret> found;
		if (actor.startsWith(CLIENT)) {
			found = this.repository.activeClientSecret(organizationId, actor.substring(CLIENT.length()));
		}
		else if (actor.startsWith(USER)) {
			found = this.repository.activeUserPassword(organizationId, actor.substring(USER.length()));
		}
		else {
			found = Optional.empty();
		}
		return found.map((secret) -> Permissions.parseStored(secret.permissions()));
	}

}
