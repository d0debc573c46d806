package org.vetbill.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Prometheus scrape endpoint is not public: it answers only a request bearing the
 * scrape token ({@code vetbill.metrics.scrape-token}), never a tenant's token, and is
 * closed (404) while no token is configured. Its own filter chain, ahead of the APIs'.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeSecurity {

	static final String[] PATHS = { "/actuator/prometheus", "/actuator/prometheus/**" };

	@Bean
	@Order(1)
	SecurityFilterChain prometheusScrape(HttpSecurity http, MetricsProperties properties) throws Exception {
		http.securityMatcher(PATHS)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ScrapeTokenFilter(properties.scrapeToken()), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * Lets a request through only with {@code Authorization: Bearer <scrape token>}
	 * (compared in constant time); 401 otherwise, 404 when no token is configured.
	 */
	static final class ScrapeTokenFilter extends OncePerRequestFilter {

		private final byte[] expected;

		ScrapeTokenFilter(String token) {
			this.expected = token.isEmpty() ? new byte[0] : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.expected.length == 0) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			byte[] given = (header != null) ? header.getBytes(StandardCharsets.UTF_8) : new byte[0];
			if (!MessageDigest.isEqual(this.expected, given)) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
