package org.vetbill.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.time.Timestamps;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and verifies bearer tokens: JWTs signed with HMAC-SHA256, valid for 10 hours.
 * The key is created on first use and kept in the database, so every vetbill node sharing
 * the database accepts every other node's tokens; verifying a token costs no database
 * access.
 */
@Component
class AccessTokens implements JwtDecoder {

	static final Duration LIFETIME = Duration.ofHours(10);

	static final String ISSUER = "vetbill";

	static final String SCOPE = "restapi";

	private static final String KEY_ID = "access-token";

	private static final String GRANT = "grant";

	private final SigningKeyStore signingKeys;

	private final OAuthStore grants;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile @Nullable Keys keys;

	AccessTokens(SigningKeyStore signingKeys, OAuthStore grants, TransactionTemplate transactions, Clock clock) {
		this.signingKeys = signingKeys;
		this.grants = grants;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Issues a token for an authenticated principal.
	 * @param principal who the token is for
	 * @return the token
	 */
	String issue(VetbillPrincipal principal) {
		return issue(principal, null);
	}

	/**
	 * Issues a token for a principal, from a user's approval of an app when there is one.
	 * @param principal who the token is for
	 * @param delegation the grant it comes from, or null
	 * @return the token
	 */
	String issue(VetbillPrincipal principal, @Nullable Delegation delegation) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(principal.actor())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.claim("org", principal.organizationId())
			.claim("pid", principal.provetId())
			.claim("scope", (delegation != null) ? delegation.scope() : SCOPE)
			.claim("perms", Permissions.names(principal.permissions()));
		if (delegation != null) {
			claims.claim(GRANT, delegation.grantId())
				.claim("uid", delegation.userId())
				.claim("client_id", delegation.clientId());
		}
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return keys().encoder().encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	/**
	 * Verifies a token. A token from a user's approval of an app is also checked against
	 * its grant (one look-up by primary key), so that revoking the grant, or deactivating
	 * its user or app, ends it at once.
	 */
	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = keys().decoder().decode(token);
		Delegation delegation = delegation(jwt);
		Number organization = jwt.getClaim("org");
		if (delegation != null
				&& (organization == null || !this.grants.grantActive(organization.longValue(), delegation.grantId()))) {
			throw new BadJwtException("the token's authorization was revoked");
		}
		return jwt;
	}

	/**
	 * The grant a verified token comes from.
	 * @param jwt the token
	 * @return the grant, or null for a token of client credentials or a password
	 */
	static @Nullable Delegation delegation(Jwt jwt) {
		Number grant = jwt.getClaim(GRANT);
		Number user = jwt.getClaim("uid");
		String clientId = jwt.getClaimAsString("client_id");
		String scope = jwt.getClaimAsString("scope");
		if (grant == null || user == null || clientId == null || scope == null) {
			return null;
		}
		return new Delegation(grant.longValue(), user.longValue(), clientId, scope);
	}

	/**
	 * What a token from a user's approval of an app carries besides the principal.
	 *
	 * @param grantId the grant (the family of tokens)
	 * @param userId the user who approved the app
	 * @param clientId the app
	 * @param scope the scopes, space-separated
	 */
	record Delegation(long grantId, long userId, String clientId, String scope) {

		boolean hasScope(String wanted) {
			return OAuthStore.scopes(this.scope).contains(wanted);
		}

	}

	/**
	 * The principal a verified token stands for.
	 * @param jwt the verified token
	 * @return the principal
	 */
	static VetbillPrincipal principal(Jwt jwt) {
		Number organization = jwt.getClaim("org");
		String provetId = jwt.getClaimAsString("pid");
		List<String> permissions = jwt.getClaimAsStringList("perms");
		if (organization == null || provetId == null || permissions == null || jwt.getSubject() == null) {
			throw new JwtException("the token lacks vetbill claims");
		}
		return new VetbillPrincipal(organization.longValue(), provetId, jwt.getSubject(),
				Permissions.parse(permissions, "perms"));
	}

	private Keys keys() {
		Keys current = this.keys;
		if (current == null) {
			synchronized (this) {
				current = this.keys;
				if (current == null) {
					current = new Keys(loadOrCreateKey(), this.clock);
					this.keys = current;
				}
			}
		}
		return current;
	}

	private SecretKey loadOrCreateKey() {
		String secret = this.transactions.execute((status) -> {
			String existing = this.signingKeys.find(KEY_ID);
			if (existing != null) {
				return existing;
			}
			this.signingKeys.insertIfAbsent(KEY_ID, Credentials.randomSecret(32), Timestamps.now(this.clock));
			return this.signingKeys.get(KEY_ID);
		});
		if (secret == null) {
			throw new IllegalStateException("no token signing key");
		}
		return new SecretKeySpec(Base64.getUrlDecoder().decode(secret), "HmacSHA256");
	}

	private record Keys(NimbusJwtEncoder encoder, NimbusJwtDecoder decoder) {

		Keys(SecretKey key, Clock clock) {
			this(new NimbusJwtEncoder(new ImmutableSecret<>(key)), decoder(key, clock));
		}

		private static NimbusJwtDecoder decoder(SecretKey key, Clock clock) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
			JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
			timestamps.setClock(clock);
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
			return decoder;
		}

	}

}
