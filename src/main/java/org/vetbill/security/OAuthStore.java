package org.vetbill.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.vetbill.shared.db.Tables.API_CLIENT;
import static org.vetbill.shared.db.Tables.APP_USER;
import static org.vetbill.shared.db.Tables.OAUTH_AUTHORIZATION_CODE;
import static org.vetbill.shared.db.Tables.OAUTH_GRANT;
import static org.vetbill.shared.db.Tables.OAUTH_REFRESH_TOKEN;

/**
 * SQL of the authorization-code flow: the apps a user can authorize, authorization codes,
 * grants (one user's approval of one app, the family of its tokens) and refresh tokens.
 * Codes and refresh tokens are looked up by their SHA-256 digest, within one
 * organization.
 */
@Repository
class OAuthStore {

	private final DSLContext dsl;

	OAuthStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * An API client as the authorization endpoint sees it.
	 *
	 * @param id its row id
	 * @param clientId the client id
	 * @param name what users see on the consent page
	 * @param secretHash the bcrypt hash of its secret
	 * @param publicClient whether it cannot keep a secret
	 * @param redirectUris where users may be sent back
	 */
	record App(long id, String clientId, String name, String secretHash, boolean publicClient,
			List<String> redirectUris) {
	}

	/**
	 * A user as apps see them.
	 *
	 * @param id the row id
	 * @param username the login name
	 * @param displayName the name
	 * @param email the e-mail address, if known
	 * @param permissions the permissions as stored
	 * @param active whether the user may still sign in
	 */
	record AppUser(long id, String username, String displayName, @Nullable String email, String permissions,
			boolean active) {
	}

	/**
	 * A stored authorization code.
	 *
	 * @param id the row id
	 * @param appId the API client's row id
	 * @param userId the user's row id
	 * @param redirectUri where the code was sent
	 * @param redirectUriGiven whether the app named it (then it must name it again)
	 * @param scope the approved scope
	 * @param codeChallenge the PKCE challenge (S256), if any
	 * @param expires when it stops being accepted
	 * @param grantId the grant it was exchanged for, if it was
	 */
	record Code(long id, long appId, long userId, String redirectUri, boolean redirectUriGiven, String scope,
			@Nullable String codeChallenge, Instant expires, @Nullable Long grantId) {
	}

	/**
	 * A grant.
	 *
	 * @param id the row id
	 * @param appId the API client's row id
	 * @param userId the user's row id
	 * @param scope the approved scope
	 * @param revoked when it was revoked, if it was
	 */
	record Grant(long id, long appId, long userId, String scope, @Nullable Instant revoked) {
	}

	/**
	 * A stored refresh token.
	 *
	 * @param id the row id
	 * @param grantId its grant
	 * @param expires when it stops being accepted
	 * @param used when it was exchanged, if it was
	 */
	record RefreshToken(long id, long grantId, Instant expires, @Nullable Instant used) {
	}

	Optional<App> activeApp(long organizationId, String clientId) {
		return this.dsl.selectFrom(API_CLIENT)
			.where(API_CLIENT.ORGANIZATION_ID.eq(organizationId))
			.and(API_CLIENT.CLIENT_ID.eq(clientId))
			.and(API_CLIENT.ACTIVE.isTrue())
			.fetchOptional((r) -> new App(r.getId(), r.getClientId(), r.getName(), r.getSecretHash(),
					r.getPublicClient(), RedirectUris.parseStored(r.getRedirectUris())));
	}

	Optional<AppUser> user(long organizationId, long userId) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.ORGANIZATION_ID.eq(organizationId))
			.and(APP_USER.ID.eq(userId))
			.fetchOptional((r) -> new AppUser(r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(),
					r.getPermissions(), r.getActive()));
	}

	Optional<AppUser> activeUser(long organizationId, String username) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.ORGANIZATION_ID.eq(organizationId))
			.and(APP_USER.USERNAME.eq(username))
			.and(APP_USER.ACTIVE.isTrue())
			.fetchOptional((r) -> new AppUser(r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(),
					r.getPermissions(), r.getActive()));
	}

	void insertCode(long organizationId, String codeHash, long appId, long userId, String redirectUri,
			boolean redirectUriGiven, String scope, @Nullable String codeChallenge, Instant now, Instant expires) {
		this.dsl.insertInto(OAUTH_AUTHORIZATION_CODE)
			.set(OAUTH_AUTHORIZATION_CODE.ORGANIZATION_ID, organizationId)
			.set(OAUTH_AUTHORIZATION_CODE.CODE_HASH, codeHash)
			.set(OAUTH_AUTHORIZATION_CODE.API_CLIENT_ID, appId)
			.set(OAUTH_AUTHORIZATION_CODE.USER_ID, userId)
			.set(OAUTH_AUTHORIZATION_CODE.REDIRECT_URI, redirectUri)
			.set(OAUTH_AUTHORIZATION_CODE.REDIRECT_URI_GIVEN, redirectUriGiven)
			.set(OAUTH_AUTHORIZATION_CODE.SCOPE, scope)
			.set(OAUTH_AUTHORIZATION_CODE.CODE_CHALLENGE, codeChallenge)
			.set(OAUTH_AUTHORIZATION_CODE.CREATED, now)
			.set(OAUTH_AUTHORIZATION_CODE.EXPIRES, expires)
			.execute();
	}

	/**
	 * A code, locked until the transaction ends, so that it is exchanged once.
	 * @param organizationId the organization
	 * @param codeHash the digest of the code
	 * @return the code, or empty when there is none
	 */
	Optional<Code> lockCode(long organizationId, String codeHash) {
		return this.dsl.selectFrom(OAUTH_AUTHORIZATION_CODE)
			.where(OAUTH_AUTHORIZATION_CODE.ORGANIZATION_ID.eq(organizationId))
			.and(OAUTH_AUTHORIZATION_CODE.CODE_HASH.eq(codeHash))
			.forUpdate()
			.fetchOptional((r) -> new Code(r.getId(), r.getApiClientId(), r.getUserId(), r.getRedirectUri(),
					r.getRedirectUriGiven(), r.getScope(), r.getCodeChallenge(), r.getExpires(), r.getGrantId()));
	}

	void codeExchanged(long organizationId, long codeId, long grantId) {
		this.dsl.update(OAUTH_AUTHORIZATION_CODE)
			.set(OAUTH_AUTHORIZATION_CODE.GRANT_ID, grantId)
			.where(OAUTH_AUTHORIZATION_CODE.ORGANIZATION_ID.eq(organizationId))
			.and(OAUTH_AUTHORIZATION_CODE.ID.eq(codeId))
			.execute();
	}

	long insertGrant(long organizationId, long appId, long userId, String scope, Instant now) {
		return this.dsl.insertInto(OAUTH_GRANT)
			.set(OAUTH_GRANT.ORGANIZATION_ID, organizationId)
			.set(OAUTH_GRANT.API_CLIENT_ID, appId)
			.set(OAUTH_GRANT.USER_ID, userId)
			.set(OAUTH_GRANT.SCOPE, scope)
			.set(OAUTH_GRANT.CREATED, now)
			.returningResult(OAUTH_GRANT.ID)
			.fetchSingle()
			.value1();
	}

	Optional<Grant> grant(long organizationId, long grantId) {
		return this.dsl.selectFrom(OAUTH_GRANT)
			.where(OAUTH_GRANT.ORGANIZATION_ID.eq(organizationId))
			.and(OAUTH_GRANT.ID.eq(grantId))
			.fetchOptional(
					(r) -> new Grant(r.getId(), r.getApiClientId(), r.getUserId(), r.getScope(), r.getRevoked()));
	}

	/**
	 * Whether the tokens of a grant are still good: the grant is not revoked, and its
	 * user and its app are still active. Read on every request made with such a token.
	 * @param organizationId the organization
	 * @param grantId the grant
	 * @return whether its tokens are accepted
	 */
	boolean grantActive(long organizationId, long grantId) {
		return this.dsl.fetchExists(this.dsl.selectOne()
			.from(OAUTH_GRANT)
			.join(APP_USER)
			.on(APP_USER.ORGANIZATION_ID.eq(OAUTH_GRANT.ORGANIZATION_ID).and(APP_USER.ID.eq(OAUTH_GRANT.USER_ID)))
			.join(API_CLIENT)
			.on(API_CLIENT.ORGANIZATION_ID.eq(OAUTH_GRANT.ORGANIZATION_ID)
				.and(API_CLIENT.ID.eq(OAUTH_GRANT.API_CLIENT_ID)))
			.where(OAUTH_GRANT.ORGANIZATION_ID.eq(organizationId))
			.and(OAUTH_GRANT.ID.eq(grantId))
			.and(OAUTH_GRANT.REVOKED.isNull())
			.and(APP_USER.ACTIVE.isTrue())
			.and(API_CLIENT.ACTIVE.isTrue()));
	}

	void revokeGrant(long organizationId, long grantId, Instant now) {
		this.dsl.update(OAUTH_GRANT)
			.set(OAUTH_GRANT.REVOKED, now)
			.where(OAUTH_GRANT.ORGANIZATION_ID.eq(organizationId))
			.and(OAUTH_GRANT.ID.eq(grantId))
			.and(OAUTH_GRANT.REVOKED.isNull())
			.execute();
	}

	void insertRefreshToken(long organizationId, long grantId, String tokenHash, Instant now, Instant expires) {
		this.dsl.insertInto(OAUTH_REFRESH_TOKEN)
			.set(OAUTH_REFRESH_TOKEN.ORGANIZATION_ID, organizationId)
			.set(OAUTH_REFRESH_TOKEN.GRANT_ID, grantId)
			.set(OAUTH_REFRESH_TOKEN.TOKEN_HASH, tokenHash)
			.set(OAUTH_REFRESH_TOKEN.CREATED, now)
			.set(OAUTH_REFRESH_TOKEN.EXPIRES, expires)
			.execute();
	}

	/**
	 * A refresh token, locked until the transaction ends, so that it is rotated once.
	 * @param organizationId the organization
	 * @param tokenHash the digest of the token
	 * @return the token, or empty when there is none
	 */
	Optional<RefreshToken> lockRefreshToken(long organizationId, String tokenHash) {
		return this.dsl.selectFrom(OAUTH_REFRESH_TOKEN)
			.where(OAUTH_REFRESH_TOKEN.ORGANIZATION_ID.eq(organizationId))
			.and(OAUTH_REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash))
			.forUpdate()
			.fetchOptional((r) -> new RefreshToken(r.getId(), r.getGrantId(), r.getExpires(), r.getUsed()));
	}

	void refreshTokenUsed(long organizationId, long tokenId, Instant now) {
		this.dsl.update(OAUTH_REFRESH_TOKEN)
			.set(OAUTH_REFRESH_TOKEN.USED, now)
			.where(OAUTH_REFRESH_TOKEN.ORGANIZATION_ID.eq(organizationId))
			.and(OAUTH_REFRESH_TOKEN.ID.eq(tokenId))
			.execute();
	}

	static List<String> scopes(String stored) {
		return Arrays.stream(stored.split(" ")).filter((s) -> !s.isBlank()).toList();
	}

}
