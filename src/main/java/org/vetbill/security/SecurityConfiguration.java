package org.vetbill.security;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.vetbill.shared.web.ErrorResponses;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP security: stateless bearer-token authentication for the tenant APIs (JWT access
 * tokens and legacy {@code Token} keys), a public token endpoint, and a separate chain
 * for the platform admin API protected by a configured key.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String ADMIN_AUTHORITY = "platform:admin";

	static final String[] AUTHORIZE_PATHS = { "/*/oauth2/authorize", "/*/oauth2/authorize/" };

	/**
	 * No observations of Spring Security's own: with them, every filter of every chain is
	 * wrapped in an observation on every request (about a tenth of a payment's CPU in the
	 * profile of issue 17). Requests are still observed as a whole
	 * ({@code http.server.requests}), and authentication failures are logged and counted
	 * by vetbill itself.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http, ProblemResponses problems,
			@Value("${vetbill.admin.key:}") String adminKey) throws Exception {
		http.securityMatcher("/admin/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(ADMIN_AUTHORITY))
			.addFilterBefore(new AdminKeyFilter(adminKey, problems), BearerTokenAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden));
		return http.build();
	}

	/**
	 * The authorization endpoint's pages: the one place where a browser signs in, so the
	 * one chain with a session (holding who signed in) and CSRF protection on its forms.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain authorizationPages(HttpSecurity http) throws Exception {
		http.securityMatcher(AUTHORIZE_PATHS)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
				.policyDirectives("default-src 'none'; style-src 'unsafe-inline'; " + "frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain tenantApis(HttpSecurity http, AccessTokens tokens, Credentials credentials,
			ProblemResponses problems) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.POST, "/*/oauth2/token", "/*/oauth2/token/")
						.permitAll()
						// RFC 7009: the client authenticates itself, in the endpoint
						.requestMatchers("/*/oauth2/revoke_token", "/*/oauth2/revoke_token/")
						.permitAll()
						// the Clinic API's token endpoint (every method, so that a GET is
						// its 405)
						.requestMatchers("/token", "/token/")
						.permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
						.permitAll()
						// the Connect API authenticates by its own headers (User-Auth,
						// Client-Auth)
						.requestMatchers("/connect", "/connect/**")
						.permitAll()
						// the OpenAPI descriptions and Swagger UI
						.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
								"/v3/api-docs.yaml/**", "/swagger-ui.html", "/swagger-ui/**")
						.permitAll()
						.anyRequest()
						.authenticated())
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer
						.jwt((jwt) -> jwt.decoder(tokens)
							.jwtAuthenticationConverter((token) -> new VetbillAuthentication(
									AccessTokens.principal(token), AccessTokens.delegation(token))))
						.authenticationEntryPoint(problems::unauthorized)
						.accessDeniedHandler(problems::forbidden))
			.addFilterBefore(new LegacyTokenFilter(credentials, problems), BearerTokenAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden));
		return http.build();
	}

	@Bean
	ProblemResponses problemResponses(ErrorResponses responses) {
		return new ProblemResponses(responses);
	}

	/**
	 * Authenticates {@code Authorization: Token <key>}, the Cloud API's legacy scheme.
	 */
	static final class LegacyTokenFilter extends OncePerRequestFilter {

		private final Credentials credentials;

		private final ProblemResponses problems;

		LegacyTokenFilter(Credentials credentials, ProblemResponses problems) {
			this.credentials = credentials;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, "Token ", 0, 6)) {
				chain.doFilter(request, response);
				return;
			}
			var principal = this.credentials.authenticateToken(header.substring(6).trim());
			if (principal.isEmpty()) {
				this.problems.unauthorized(request, response, null);
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(new VetbillAuthentication(principal.get()));
			chain.doFilter(request, response);
		}

	}

	/**
	 * Authenticates the platform operator by the key configured as
	 * {@code vetbill.admin.key}. Without a configured key the admin API is closed.
	 */
	static final class AdminKeyFilter extends OncePerRequestFilter {

		private final byte @Nullable [] keyDigest;

		private final ProblemResponses problems;

		AdminKeyFilter(String adminKey, ProblemResponses problems) {
			this.keyDigest = adminKey.isBlank() ? null : digest(adminKey);
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.keyDigest == null) {
				this.problems.write(request, response, HttpStatus.FORBIDDEN, "admin_api_disabled",
						"the admin API is disabled; start vetbill with vetbill.admin.key (VETBILL_ADMIN_KEY) set");
				return;
			}
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					&& MessageDigest.isEqual(this.keyDigest, digest(header.substring(7).trim()))) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("platform-admin", "",
							List.of(new SimpleGrantedAuthority(ADMIN_AUTHORITY))));
			}
			chain.doFilter(request, response);
		}

		private static byte[] digest(String value) {
			return Credentials.sha256(value).getBytes(StandardCharsets.US_ASCII);
		}

	}

}
