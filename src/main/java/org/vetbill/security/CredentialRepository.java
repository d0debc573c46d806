package org.vetbill.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.vetbill.shared.Caller;
import org.vetbill.shared.access.Permission;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.API_CLIENT;
import static org.vetbill.shared.db.Tables.API_TOKEN;
import static org.vetbill.shared.db.Tables.APP_USER;

/**
 * SQL for the credentials of organizations: API clients, users and legacy API tokens.
 * What a caller manages is scoped to the caller's organization; the look-ups that
 * authenticate a request read the stored hashes and permissions as they are, for
 * {@link Credentials} to check.
 */
@Repository
class CredentialRepository {

	private final DSLContext dsl;

	CredentialRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The stored hash of an active client's secret or an active user's password, and what
	 * the credential may do.
	 *
	 * @param hash the bcrypt hash
	 * @param permissions the permissions as stored
	 */
	record Secret(String hash, String permissions) {
	}

	/**
	 * An active user of some organization, for a sign-in that does not name the
	 * organization.
	 *
	 * @param organizationId the user's organization
	 * @param passwordHash the bcrypt hash of the password
	 * @param permissions the permissions as stored
	 */
	record UserLogin(long organizationId, String passwordHash, String permissions) {
	}

	/**
	 * An active legacy API token.
	 *
	 * @param organizationId the token's organization
	 * @param name what it is for
	 * @param permissions the permissions as stored
	 */
	record TokenOwner(long organizationId, String name, String permissions) {
	}

	boolean apiClientExists(Caller caller, String clientId) {
		return this.dsl.fetchExists(API_CLIENT, API_CLIENT.ORGANIZATION_ID.eq(caller.organizationId()),
				API_CLIENT.CLIENT_ID.eq(clientId));
	}

	/**
	 * An API client to insert.
	 *
	 * @param clientId the client id
	 * @param name its name
	 * @param secretHash the bcrypt hash of its secret
	 * @param permissions what it may do
	 * @param redirectUris where users may be sent back
	 * @param publicClient whether it has no secret
	 */
	record NewClient(String clientId, String name, String secretHash, Set<Permission> permissions,
			List<String> redirectUris, boolean publicClient) {
	}

	long insertApiClient(Caller caller, NewClient client, Instant now) {
		return this.dsl.insertInto(API_CLIENT)
			.set(API_CLIENT.ORGANIZATION_ID, caller.organizationId())
			.set(API_CLIENT.CLIENT_ID, client.clientId())
			.set(API_CLIENT.NAME, client.name())
			.set(API_CLIENT.SECRET_HASH, client.secretHash())
			.set(API_CLIENT.PERMISSIONS, Permissions.format(client.permissions()))
			.set(API_CLIENT.REDIRECT_URIS, RedirectUris.format(client.redirectUris()))
			.set(API_CLIENT.PUBLIC_CLIENT, client.publicClient())
			.set(API_CLIENT.ACTIVE, true)
			.set(API_CLIENT.CREATED, now)
			.set(API_CLIENT.MODIFIED, now)
			.returningResult(API_CLIENT.ID)
			.fetchSingle()
			.value1();
	}

	Optional<Credentials.ApiClient> apiClient(Caller caller, long id) {
		return this.dsl.selectFrom(API_CLIENT)
			.where(API_CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(API_CLIENT.ID.eq(id))
			.fetchOptional(CredentialRepository::mapClient);
	}

	List<Credentials.ApiClient> apiClients(Caller caller) {
		return this.dsl.selectFrom(API_CLIENT)
			.where(API_CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.orderBy(API_CLIENT.ID)
			.fetch(CredentialRepository::mapClient);
	}

	void deactivateApiClient(Caller caller, long id, Instant now) {
		this.dsl.update(API_CLIENT)
			.set(API_CLIENT.ACTIVE, false)
			.set(API_CLIENT.MODIFIED, now)
			.where(API_CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(API_CLIENT.ID.eq(id))
			.execute();
	}

	void updateRedirectUris(Caller caller, long id, List<String> redirectUris, Instant now) {
		this.dsl.update(API_CLIENT)
			.set(API_CLIENT.REDIRECT_URIS, RedirectUris.format(redirectUris))
			.set(API_CLIENT.MODIFIED, now)
			.where(API_CLIENT.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(API_CLIENT.ID.eq(id))
			.execute();
	}

	/**
	 * The secret of an active API client.
	 * @param organizationId the organization
	 * @param clientId the client id
	 * @return its secret's hash and permissions, or empty when no active client has this
	 * id
	 */
	Optional<Secret> activeClientSecret(long organizationId, String clientId) {
		return this.dsl.selectFrom(API_CLIENT)
			.where(API_CLIENT.ORGANIZATION_ID.eq(organizationId))
			.and(API_CLIENT.CLIENT_ID.eq(clientId))
			.and(API_CLIENT.ACTIVE.isTrue())
			.fetchOptional((r) -> new Secret(r.get(API_CLIENT.SECRET_HASH), r.get(API_CLIENT.PERMISSIONS)));
	}

	boolean userExists(Caller caller, String username) {
		return this.dsl.fetchExists(APP_USER, APP_USER.ORGANIZATION_ID.eq(caller.organizationId()),
				APP_USER.USERNAME.eq(username));
	}

	long insertUser(Caller caller, Credentials.NewUser user, String passwordHash, Set<Permission> permissions,
			Instant now) {
		return this.dsl.insertInto(APP_USER)
			.set(APP_USER.ORGANIZATION_ID, caller.organizationId())
			.set(APP_USER.USERNAME, user.username())
			.set(APP_USER.DISPLAY_NAME, user.displayName())
			.set(APP_USER.EMAIL, user.email())
			.set(APP_USER.PASSWORD_HASH, passwordHash)
			.set(APP_USER.PERMISSIONS, Permissions.format(permissions))
			.set(APP_USER.ACTIVE, true)
			.set(APP_USER.CREATED, now)
			.set(APP_USER.MODIFIED, now)
			.returningResult(APP_USER.ID)
			.fetchSingle()
			.value1();
	}

	/**
	 * A user that is known to exist, such as one just created.
	 * @param caller the caller
	 * @param id the user
	 * @return the user
	 */
	Credentials.User user(Caller caller, long id) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(APP_USER.ID.eq(id))
			.fetchSingle(CredentialRepository::mapUser);
	}

	List<Credentials.User> users(Caller caller) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.ORGANIZATION_ID.eq(caller.organizationId()))
			.orderBy(APP_USER.ID)
			.fetch(CredentialRepository::mapUser);
	}

	/**
	 * The password of an active user.
	 * @param organizationId the organization
	 * @param username the username
	 * @return its password's hash and permissions, or empty when no active user has this
	 * name
	 */
	Optional<Secret> activeUserPassword(long organizationId, String username) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.ORGANIZATION_ID.eq(organizationId))
			.and(APP_USER.USERNAME.eq(username))
			.and(APP_USER.ACTIVE.isTrue())
			.fetchOptional((r) -> new Secret(r.get(APP_USER.PASSWORD_HASH), r.get(APP_USER.PERMISSIONS)));
	}

	/**
	 * The active users of a name in every organization, by organization id.
	 * @param username the username
	 * @param limit how many at most
	 * @return the users
	 */
	List<UserLogin> activeUsersNamed(String username, int limit) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.USERNAME.eq(username))
			.and(APP_USER.ACTIVE.isTrue())
			.orderBy(APP_USER.ORGANIZATION_ID)
			.limit(limit)
			.fetch((r) -> new UserLogin(r.get(APP_USER.ORGANIZATION_ID), r.get(APP_USER.PASSWORD_HASH),
					r.get(APP_USER.PERMISSIONS)));
	}

	long insertApiToken(Caller caller, String name, String keyHash, String keyHint, Set<Permission> permissions,
			Instant now) {
		return this.dsl.insertInto(API_TOKEN)
			.set(API_TOKEN.ORGANIZATION_ID, caller.organizationId())
			.set(API_TOKEN.NAME, name)
			.set(API_TOKEN.KEY_HASH, keyHash)
			.set(API_TOKEN.KEY_HINT, keyHint)
			.set(API_TOKEN.PERMISSIONS, Permissions.format(permissions))
			.set(API_TOKEN.ACTIVE, true)
			.set(API_TOKEN.CREATED, now)
			.returningResult(API_TOKEN.ID)
			.fetchSingle()
			.value1();
	}

	Optional<ApiTokens.ApiToken> apiToken(Caller caller, long id) {
		return this.dsl.selectFrom(API_TOKEN)
			.where(API_TOKEN.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(API_TOKEN.ID.eq(id))
			.fetchOptional(CredentialRepository::mapToken);
	}

	List<ApiTokens.ApiToken> apiTokens(Caller caller) {
		return this.dsl.selectFrom(API_TOKEN)
			.where(API_TOKEN.ORGANIZATION_ID.eq(caller.organizationId()))
			.orderBy(API_TOKEN.ID)
			.fetch(CredentialRepository::mapToken);
	}

	void revokeApiToken(Caller caller, long id) {
		this.dsl.update(API_TOKEN)
			.set(API_TOKEN.ACTIVE, false)
			.where(API_TOKEN.ORGANIZATION_ID.eq(caller.organizationId()))
			.and(API_TOKEN.ID.eq(id))
			.execute();
	}

	/**
	 * The active legacy token with a key.
	 * @param keyHash the SHA-256 digest of the key
	 * @return the token, or empty when no active token has this key
	 */
	Optional<TokenOwner> activeApiToken(String keyHash) {
		return this.dsl.selectFrom(API_TOKEN)
			.where(API_TOKEN.KEY_HASH.eq(keyHash))
			.and(API_TOKEN.ACTIVE.isTrue())
			.fetchOptional((r) -> new TokenOwner(r.get(API_TOKEN.ORGANIZATION_ID), r.get(API_TOKEN.NAME),
					r.get(API_TOKEN.PERMISSIONS)));
	}

	private static Credentials.ApiClient mapClient(Record r) {
		return new Credentials.ApiClient(r.get(API_CLIENT.ID), r.get(API_CLIENT.CLIENT_ID), r.get(API_CLIENT.NAME),
				Permissions.names(Permissions.parseStored(r.get(API_CLIENT.PERMISSIONS))), r.get(API_CLIENT.ACTIVE),
				r.get(API_CLIENT.CREATED), RedirectUris.parseStored(r.get(API_CLIENT.REDIRECT_URIS)),
				r.get(API_CLIENT.PUBLIC_CLIENT));
	}

	private static Credentials.User mapUser(Record r) {
		return new Credentials.User(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
				Permissions.names(Permissions.parseStored(r.get(APP_USER.PERMISSIONS))), r.get(APP_USER.ACTIVE),
				r.get(APP_USER.CREATED), r.get(APP_USER.EMAIL));
	}

	private static ApiTokens.ApiToken mapToken(Record r) {
		return new ApiTokens.ApiToken(r.get(API_TOKEN.ID), r.get(API_TOKEN.NAME), r.get(API_TOKEN.KEY_HINT),
				Permissions.names(Permissions.parseStored(r.get(API_TOKEN.PERMISSIONS))), r.get(API_TOKEN.ACTIVE),
				r.get(API_TOKEN.CREATED));
	}

}
