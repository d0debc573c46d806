package org.vetbill.security;

import java.util.List;

import org.vetbill.shared.Caller;
import org.vetbill.shared.access.SettingsAccess;
import org.vetbill.shared.web.ApiPaths;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's credentials: API clients, users and legacy API tokens. Secrets and
 * keys are returned once, when created.
 */
@RestController
@RequestMapping(ApiPaths.VETBILL)
class CredentialController {

	private final Credentials credentials;

	private final AppRegistrations apps;

	CredentialController(Credentials credentials, AppRegistrations apps) {
		this.credentials = credentials;
		this.apps = apps;
	}

	/**
	 * Who the caller is.
	 * @param caller the caller (checks the tenant)
	 * @param principal the authenticated principal
	 * @return the principal
	 */
	@GetMapping("/me")
	Me me(Caller caller, @AuthenticationPrincipal VetbillPrincipal principal) {
		return new Me(principal.provetId(), principal.actor(), Permissions.names(principal.permissions()));
	}

	@GetMapping("/api-clients")
	@SettingsAccess
	List<Credentials.ApiClient> apiClients(Caller caller) {
		return this.credentials.apiClients(caller);
	}

	@PostMapping("/api-clients")
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	Credentials.IssuedApiClient createApiClient(Caller caller, @RequestBody Credentials.NewApiClient request) {
		return this.credentials.createApiClient(caller, request);
	}

	@PostMapping("/api-clients/{id}/deactivate")
	@SettingsAccess
	Credentials.ApiClient deactivateApiClient(Caller caller, @PathVariable long id) {
		return this.credentials.deactivateApiClient(caller, id);
	}

	@PutMapping("/api-clients/{id}/redirect-uris")
	@SettingsAccess
	Credentials.ApiClient changeRedirectUris(Caller caller, @PathVariable long id,
			@RequestBody AppRegistrations.RedirectUrisChange change) {
		return this.apps.changeRedirectUris(caller, id, change);
	}

	@GetMapping("/users")
	@SettingsAccess
	List<Credentials.User> users(Caller caller) {
		return this.credentials.users(caller);
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	Credentials.User createUser(Caller caller, @RequestBody Credentials.NewUser request) {
		return this.credentials.createUser(caller, request);
	}

	@GetMapping("/api-tokens")
	@SettingsAccess
	List<ApiTokens.ApiToken> apiTokens(Caller caller) {
		return this.credentials.apiTokens(caller);
	}

	@PostMapping("/api-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@SettingsAccess
	ApiTokens.IssuedApiToken createApiToken(Caller caller, @RequestBody ApiTokens.NewApiToken request) {
		return this.credentials.createApiToken(caller, request);
	}

	@DeleteMapping("/api-tokens/{id}")
	@SettingsAccess
	ApiTokens.ApiToken revokeApiToken(Caller caller, @PathVariable long id) {
		return this.credentials.revokeApiToken(caller, id);
	}

	/**
	 * The authenticated caller.
	 *
	 * @param provetId the organization
	 * @param actor who
	 * @param permissions what it may do
	 */
	record Me(String provetId, String actor, List<String> permissions) {
	}

}
