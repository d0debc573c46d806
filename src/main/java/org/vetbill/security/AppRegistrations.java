package org.vetbill.security;

import java.time.Clock;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.vetbill.audit.AuditLog;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes an API client's registration for the authorization code after it was created:
 * where users may be sent back. Whether it is public is fixed when it is registered (a
 * confidential client would need a secret it never got).
 */
@Service
public class AppRegistrations {

	private final CredentialRepository repository;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	AppRegistrations(CredentialRepository repository, InputValidator validator, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * New redirect URIs of an API client.
	 *
	 * @param redirectUris the whole new list (empty: the client cannot use the
	 * authorization code any more)
	 */
	public record RedirectUrisChange(@NotNull List<String> redirectUris) {
	}

	/**
	 * Replaces an API client's redirect URIs. Codes already issued keep the URI they were
	 * issued for.
	 * @param caller the caller
	 * @param id the API client
	 * @param change the new URIs
	 * @return the client
	 */
	@Transactional
	public Credentials.ApiClient changeRedirectUris(Caller caller, long id, RedirectUrisChange change) {
		this.validator.validate(change);
		Credentials.ApiClient before = this.repository.apiClient(caller, id)
			.orElseThrow(() -> new NotFound("api_client", id));
		List<String> uris = RedirectUris.validate(change.redirectUris(), "redirectUris");
		this.repository.updateRedirectUris(caller, id, uris, Timestamps.now(this.clock));
		Credentials.ApiClient after = this.repository.apiClient(caller, id)
			.orElseThrow(() -> new NotFound("api_client", id));
		this.audit.record(caller, "api_client.redirect_uris_changed", "api_client", id, before, after);
		return after;
	}

}
