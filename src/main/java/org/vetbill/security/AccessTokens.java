package org.vetbill.security;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.access.Permission;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies bearer tokens: JWTs signed with HMAC-SHA256, valid for 10 hours,
 * naming their key ({@code kid}, see {@link SigningKeys}). A token must carry its expiry
 * ({@code exp}; expired is refused, allowing {@link #CLOCK_SKEW} between nodes), its
 * issuer and vetbill's claims; what it may do is its credential's permissions when issued
 * ({@code perms}), bounded by its {@code scope} ({@link TokenScopes}) and by what the
 * credential may do now ({@link CredentialCheck}, one look-up per request, so that a
 * deactivated or downgraded credential loses its tokens' power at once).
 */
@Component
class AccessTokens implements JwtDecoder {

	static final Duration LIFETIME = Duration.ofHours(10);

	/**
	 * How far the clocks of the nodes may differ: a token this late is still accepted.
	 */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	static final String ISSUER = "vetbill";

	static final String SCOPE = TokenScopes.RESTAPI;

	private static final String GRANT = "grant";

	private static final String PERMS = "perms";

	private final SigningKeys signingKeys;

	private final OAuthStore grants;

	private final CredentialCheck credentials;

	private final Clock clock;

	private final NimbusJwtDecoder decoder;

	AccessTokens(SigningKeys signingKeys, OAuthStore grants, CredentialCheck credentials, Clock clock) {
		this.signingKeys = signingKeys;
		this.grants = grants;
		this.credentials = credentials;
		this.clock = clock;
		this.decoder = decoder(signingKeys, clock);
	}

	/**
	 * Issues a token of the scope {@code restapi} for an authenticated principal.
	 * @param principal who the token is for
	 * @return the token
	 */
	String issue(VetbillPrincipal principal) {
		return issue(principal, SCOPE, null);
	}

	/**
	 * Issues a token for a principal, from a user's approval of an app when there is one.
	 * @param principal who the token is for
	 * @param scope the token's scopes, space-separated
	 * @param delegation the grant it comes from, or null
	 * @return the token
	 */
	String issue(VetbillPrincipal principal, String scope, @Nullable Delegation delegation) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(principal.actor())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.claim("org", principal.organizationId())
			.claim("pid", principal.provetId())
			.claim("scope", scope)
			.claim(PERMS, Permissions.names(TokenScopes.bound(principal.permissions(), scope)));
		if (delegation != null) {
			claims.claim(GRANT, delegation.grantId())
				.claim("uid", delegation.userId())
				.claim("client_id", delegation.clientId());
		}
		SigningKeys.Key key = this.signingKeys.signing();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).keyId(key.id()).build();
		OctetSequenceKey jwk = new OctetSequenceKey.Builder(key.secret()).keyID(key.id()).build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)))
			.encode(JwtEncoderParameters.from(header, claims.build()))
			.getTokenValue();
	}

	/**
	 * Verifies a token: its signature by the key it names, its expiry and issuer, and
	 * that its credential is still active; its permissions are narrowed to what the
	 * credential may do now. A token from a user's approval of an app is also checked
	 * against its grant (one look-up by primary key), so that revoking the grant, or
	 * deactivating its user or app, ends it at once.
	 */
	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.decoder.decode(token);
		Number organization = jwt.getClaim("org");
		if (organization == null || jwt.getSubject() == null) {
			throw new BadJwtException("the token lacks vetbill claims");
		}
		Delegation delegation = delegation(jwt);
		if (delegation != null && !this.grants.grantActive(organization.longValue(), delegation.grantId())) {
			throw new BadJwtException("the token's authorization was revoked");
		}
		Set<Permission> current = this.credentials.currentPermissions(organization.longValue(), jwt.getSubject())
			.orElseThrow(() -> new BadJwtException("the token's credential is no longer active"));
		List<String> issued = jwt.getClaimAsStringList(PERMS);
		if (issued == null) {
			throw new BadJwtException("the token lacks vetbill claims");
		}
		List<String> currentNames = Permissions.names(current);
		List<String> allowed = issued.stream().filter(currentNames::contains).toList();
		return Jwt.withTokenValue(jwt.getTokenValue())
			.headers((headers) -> headers.putAll(jwt.getHeaders()))
			.claims((claims) -> {
				claims.putAll(jwt.getClaims());
				claims.put(PERMS, allowed);
			})
			.build();
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
		List<String> permissions = jwt.getClaimAsStringList(PERMS);
		if (organization == null || provetId == null || permissions == null || jwt.getSubject() == null) {
			throw new JwtException("the token lacks vetbill claims");
		}
		return new VetbillPrincipal(organization.longValue(), provetId, jwt.getSubject(),
				TokenScopes.bound(Permissions.parse(permissions, PERMS), jwt.getClaimAsString("scope")));
	}

	private static OAuth2TokenValidatorResult hasExpiry(Jwt jwt) {
		return (jwt.getExpiresAt() != null) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
			.failure(new OAuth2Error("invalid_token", "the token has no expiry (exp)", null));
	}

	private static NimbusJwtDecoder decoder(SigningKeys keys, Clock clock) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector((header, context) -> JWSAlgorithm.HS256.equals(header.getAlgorithm())
				? keys.verifying(header.getKeyID()).stream().map((key) -> (Key) key.secret()).toList() : List.of());
		// the claims are checked by the validators below, on the application's clock
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		// the issuer stays the string it is: the default conversion tries it as a URL,
		// throwing and catching an exception on every request
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, (claim) -> (claim != null) ? claim.toString() : null)));
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setClock(clock);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(AccessTokens::hasExpiry, timestamps,
				new JwtIssuerValidator(ISSUER)));
		return decoder;
	}

}
