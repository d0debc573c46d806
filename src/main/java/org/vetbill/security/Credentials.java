package org.vetbill.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.vetbill.audit.AuditLog;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.Secrets;
import org.vetbill.shared.access.Permission;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.time.Timestamps;
import org.vetbill.shared.validation.InputValidator;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credentials of an organization: API clients (client id and secret), users (username
 * and password) and legacy API tokens. Secrets and passwords are stored as bcrypt hashes,
 * checked only when a token is issued; legacy token keys, being long random values, as
 * SHA-256 digests that can be looked up on every request.
 */
@Service
public class Credentials {

	private final CredentialRepository repository;

	private final Organizations organizations;

	private final InputValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInThrottle throttle;

	private final PasswordEncoder passwords;

	/**
	 * Checked against when a client or user is unknown, so both cases take the same time.
	 */
	private final String dummyHash;

	Credentials(CredentialRepository repository, Organizations organizations, InputValidator validator, AuditLog audit,
			Clock clock, PasswordEncoder passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.dummyHash = passwords.encode("not a real secret");
		this.repository = repository;
		this.organizations = organizations;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An API client to register.
	 *
	 * @param name what the client is, such as {@code Business Central}
	 * @param clientId the client id, or null to generate one
	 * @param permissions {@code read}, {@code billing}, {@code settings}
	 * @param redirectUris where the authorization endpoint may send users back (none: the
	 * app cannot use the authorization code)
	 * @param publicClient whether the app cannot keep a secret (then it has none and must
	 * use PKCE)
	 */
	public record NewApiClient(@NotBlank @Size(max = 200) String name,
			@Nullable @Pattern(regexp = "[A-Za-z0-9._-]{3,64}",
					message = "must be 3 to 64 letters, digits, dots, dashes or underscores") String clientId,
			@NotEmpty List<String> permissions, @Nullable List<String> redirectUris, @Nullable Boolean publicClient) {

		public NewApiClient(String name, @Nullable String clientId, List<String> permissions) {
			this(name, clientId, permissions, null, null);
		}

	}

	/**
	 * A registered API client.
	 *
	 * @param id the id
	 * @param clientId the client id
	 * @param name its name
	 * @param permissions what it may do
	 * @param active whether it may still get tokens
	 * @param created when it was registered
	 * @param redirectUris where the authorization endpoint may send users back
	 * @param publicClient whether it has no secret
	 */
	public record ApiClient(long id, String clientId, String name, List<String> permissions, boolean active,
			Instant created, List<String> redirectUris, boolean publicClient) {
	}

	/**
	 * A newly registered client with its secret, shown this once (none for a public one).
	 *
	 * @param client the client
	 * @param clientSecret the secret
	 */
	public record IssuedApiClient(ApiClient client, @Nullable String clientSecret) {
	}

	/**
	 * A user to create.
	 *
	 * @param username the login name
	 * @param displayName the name shown in the audit log
	 * @param password at least 8 characters
	 * @param permissions {@code read}, {@code billing}, {@code settings}
	 * @param email the e-mail address apps are told (OpenID userinfo), if any
	 */
	public record NewUser(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}",
					message = "must be 2 to 100 letters, digits or . _ @ -") String username,
			@NotBlank @Size(max = 200) String displayName,
			@NotNull @Size(min = 8, max = 200, message = "must be 8 to 200 characters") String password,
			@NotEmpty List<String> permissions, @Nullable @Email @Size(max = 254) String email) {

		public NewUser(String username, String displayName, String password, List<String> permissions) {
			this(username, displayName, password, permissions, null);
		}

	}

	/**
	 * A user.
	 *
	 * @param id the id
	 * @param username the login name
	 * @param displayName the display name
	 * @param permissions what the user may do
	 * @param active whether the user may still log in
	 * @param created when the user was created
	 * @param email the e-mail address, if known
	 */
	public record User(long id, String username, String displayName, List<String> permissions, boolean active,
			Instant created, @Nullable String email) {
	}

	@Transactional
	public IssuedApiClient createApiClient(Caller caller, NewApiClient request) {
		return createApiClient(caller, request, randomSecret(32));
	}

	/**
	 * Registers an API client with a given secret (used for fixed demo credentials).
	 * @param caller the caller
	 * @param request the client
	 * @param secret its secret
	 * @return the client and secret
	 */
	@Transactional
	public IssuedApiClient createApiClient(Caller caller, NewApiClient request, String secret) {
		this.validator.validate(request);
		Set<Permission> permissions = Permissions.parse(request.permissions(), "permissions");
		String clientId = (request.clientId() != null) ? request.clientId() : "vb-" + randomSecret(12);
		if (this.repository.apiClientExists(caller, clientId)) {
			throw InvalidInput.of("clientId", "client_id_taken", "clientId", clientId);
		}
		List<String> redirectUris = RedirectUris.validate(request.redirectUris(), "redirectUris");
		boolean publicClient = Boolean.TRUE.equals(request.publicClient());
		long id = this.repository.insertApiClient(caller, new CredentialRepository.NewClient(clientId, request.name(),
				this.passwords.encode(secret), permissions, redirectUris, publicClient), Timestamps.now(this.clock));
		ApiClient client = apiClient(caller, id);
		this.audit.record(caller, "api_client.created", "api_client", id, null, client);
		return new IssuedApiClient(client, publicClient ? null : secret);
	}

	@Transactional(readOnly = true)
	public List<ApiClient> apiClients(Caller caller) {
		return this.repository.apiClients(caller);
	}

	@Transactional
	public ApiClient deactivateApiClient(Caller caller, long id) {
		ApiClient before = apiClient(caller, id);
		this.repository.deactivateApiClient(caller, id, Timestamps.now(this.clock));
		ApiClient after = apiClient(caller, id);
		this.audit.record(caller, "api_client.deactivated", "api_client", id, before, after);
		return after;
	}

	@Transactional
	public User createUser(Caller caller, NewUser request) {
		this.validator.validate(request);
		Set<Permission> permissions = Permissions.parse(request.permissions(), "permissions");
		if (this.repository.userExists(caller, request.username())) {
			throw InvalidInput.of("username", "username_taken", "username", request.username());
		}
		Instant now = Timestamps.now(this.clock);
		long id = this.repository.insertUser(caller, request, this.passwords.encode(request.password()), permissions,
				now);
		User user = this.repository.user(caller, id);
		this.audit.record(caller, "user.created", "user", id, null, user);
		return user;
	}

	@Transactional(readOnly = true)
	public List<User> users(Caller caller) {
		return this.repository.users(caller);
	}

	@Transactional
	public ApiTokens.IssuedApiToken createApiToken(Caller caller, ApiTokens.NewApiToken request) {
		return createApiToken(caller, request, "vbt_" + randomSecret(32));
	}

	/**
	 * Creates a legacy API token with a given key (used for fixed demo credentials).
	 * @param caller the caller
	 * @param request the token
	 * @param key its key
	 * @return the token and key
	 */
	@Transactional
	public ApiTokens.IssuedApiToken createApiToken(Caller caller, ApiTokens.NewApiToken request, String key) {
		this.validator.validate(request);
		Set<Permission> permissions = Permissions.parse(request.permissions(), "permissions");
		long id = this.repository.insertApiToken(caller, request.name(), sha256(key),
				key.substring(0, Math.min(8, key.length())), permissions, Timestamps.now(this.clock));
		ApiTokens.ApiToken token = apiToken(caller, id);
		this.audit.record(caller, "api_token.created", "api_token", id, null, token);
		return new ApiTokens.IssuedApiToken(token, key);
	}

	@Transactional(readOnly = true)
	public List<ApiTokens.ApiToken> apiTokens(Caller caller) {
		return this.repository.apiTokens(caller);
	}

	@Transactional
	public ApiTokens.ApiToken revokeApiToken(Caller caller, long id) {
		ApiTokens.ApiToken before = apiToken(caller, id);
		this.repository.revokeApiToken(caller, id);
		ApiTokens.ApiToken after = apiToken(caller, id);
		this.audit.record(caller, "api_token.revoked", "api_token", id, before, after);
		return after;
	}

	/**
	 * Checks an API client's id and secret.
	 * @param organization the organization the token is asked for
	 * @param clientId the client id
	 * @param secret the secret
	 * @return the principal, or empty when the client is unknown, inactive or the secret
	 * wrong
	 */
	@Transactional(readOnly = true)
	public Optional<VetbillPrincipal> authenticateClient(Organization organization, String clientId, String secret) {
		return check(organization, this.repository.activeClientSecret(organization.id(), clientId), secret,
				"client:" + clientId);
	}

	/**
	 * Checks a user's name and password.
	 * @param organization the organization
	 * @param username the username
	 * @param password the password
	 * @return the principal, or empty when the user is unknown, inactive or the password
	 * wrong
	 */
	@Transactional(readOnly = true)
	public Optional<VetbillPrincipal> authenticateUser(Organization organization, String username, String password) {
		return check(organization, this.repository.activeUserPassword(organization.id(), username), password,
				"user:" + username);
	}

	/**
	 * Checks a secret against its hash (or the dummy one) unless locked:
	 * {@link SignInThrottle}.
	 */
	private Optional<VetbillPrincipal> check(Organization organization, Optional<CredentialRepository.Secret> stored,
			String given, String actor) {
		this.throttle.check(organization.id(), actor);
		String hash = stored.map(CredentialRepository.Secret::hash).orElse(this.dummyHash);
		boolean matches = this.passwords.matches(given, hash);
		if (stored.isEmpty() || !matches) {
			this.throttle.failed(organization.id(), actor);
			return Optional.empty();
		}
		this.throttle.succeeded(organization.id(), actor);
		return Optional.of(new VetbillPrincipal(organization.id(), organization.provetId(), actor,
				Permissions.parseStored(stored.get().permissions())));
	}

	/**
	 * Checks a password against the active users of a name in every organization, for a
	 * sign-in that does not name the organization. Each candidate's hash is checked (none
	 * but the dummy one when there is no candidate, so an unknown name takes the time of
	 * a wrong password); beyond {@code maxCandidates} organizations no password is
	 * checked but the dummy one, so a common name cannot make one request cost many
	 * bcrypt checks.
	 * @param username the username, without organization
	 * @param password the password
	 * @param maxCandidates the most organizations whose user of that name is checked
	 * @return the users whose password matches, by organization id
	 */
	@Transactional(readOnly = true)
	UserMatches authenticateUserInAnyOrganization(String username, String password, int maxCandidates) {
		List<CredentialRepository.UserLogin> users = this.repository.activeUsersNamed(username, maxCandidates + 1);
		if (users.isEmpty() || users.size() > maxCandidates) {
			this.passwords.matches(password, this.dummyHash);
			return new UserMatches(users.size() > maxCandidates, List.of());
		}
		String actor = "user:" + username;
		List<CredentialRepository.UserLogin> open = this.throttle.unlocked(users,
				CredentialRepository.UserLogin::organizationId, actor);
		List<VetbillPrincipal> matches = new ArrayList<>();
		for (CredentialRepository.UserLogin user : open) {
			if (this.passwords.matches(password, user.passwordHash())) {
				Organization organization = this.organizations.get(user.organizationId());
				matches.add(new VetbillPrincipal(organization.id(), organization.provetId(), actor,
						Permissions.parseStored(user.permissions())));
			}
		}
		open.forEach((user) -> this.throttle.record(user.organizationId(), actor,
				matches.stream().anyMatch((match) -> match.organizationId() == user.organizationId())));
		return new UserMatches(false, matches);
	}

	/**
	 * Checks a user's name and password in the organization with a given public id.
	 * @param provetId the organization's public id
	 * @param username the username
	 * @param password the password
	 * @return the principal, or empty when the organization or user is unknown, the user
	 * inactive or the password wrong (each taking the time of one password check)
	 */
	@Transactional(readOnly = true)
	Optional<VetbillPrincipal> authenticateUser(String provetId, String username, String password) {
		Optional<Organization> organization = this.organizations.findByProvetId(provetId);
		if (organization.isEmpty()) {
			this.passwords.matches(password, this.dummyHash);
			return Optional.empty();
		}
		return authenticateUser(organization.get(), username, password);
	}

	/**
	 * The outcome of {@link #authenticateUserInAnyOrganization}.
	 *
	 * @param tooManyCandidates whether more organizations than allowed have an active
	 * user of that name (then no password was checked)
	 * @param matches the users whose password matches
	 */
	record UserMatches(boolean tooManyCandidates, List<VetbillPrincipal> matches) {

		UserMatches {
			matches = List.copyOf(matches);
		}

	}

	/**
	 * Looks up a legacy API token by its key.
	 * @param key the key from {@code Authorization: Token <key>}
	 * @return the principal, or empty when no active token has this key
	 */
	@Transactional(readOnly = true)
	public Optional<VetbillPrincipal> authenticateToken(String key) {
		return this.repository.activeApiToken(sha256(key)).map((token) -> {
			Organization organization = this.organizations.get(token.organizationId());
			return new VetbillPrincipal(organization.id(), organization.provetId(), "token:" + token.name(),
					Permissions.parseStored(token.permissions()));
		});
	}

	private ApiClient apiClient(Caller caller, long id) {
		return this.repository.apiClient(caller, id).orElseThrow(() -> new NotFound("api_client", id));
	}

	private ApiTokens.ApiToken apiToken(Caller caller, long id) {
		return this.repository.apiToken(caller, id).orElseThrow(() -> new NotFound("api_token", id));
	}

	static String randomSecret(int bytes) {
		return Secrets.random(bytes);
	}

	static String sha256(String value) {
		return Secrets.sha256(value);
	}

}
