package org.vetbill.shared.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a reverse proxy, requests take their scheme, host, port and client address from
 * the proxy's headers ({@code Forwarded} of RFC 7239, {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host}, {@code X-Forwarded-Port}, {@code X-Forwarded-For}), so every
 * absolute link an API writes points where the client connected; but only when the
 * request comes straight from a trusted proxy ({@code vetbill.web.trusted-proxies}, by
 * default the loopback addresses). From anyone else these headers are removed before
 * anything reads them, so a client cannot make the server write links to a host of its
 * choosing.
 * <p>
 * Spring's {@link ForwardedHeaderFilter} reads the headers; it trusts whoever sends them,
 * hence the check of the peer's address first. (Tomcat's RemoteIpValve has a
 * trusted-proxy list but does not read {@code Forwarded}.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForwardedHeaders.Properties.class)
class ForwardedHeaders {

	@Bean
	FilterRegistrationBean<TrustedProxyFilter> trustedProxyForwardedHeaders(Properties properties) {
		FilterRegistrationBean<TrustedProxyFilter> registration = new FilterRegistrationBean<>(
				new TrustedProxyFilter(properties.trustedProxies()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The settings under {@code vetbill.web}.
	 *
	 * @param trustedProxies the addresses (such as {@code 10.0.0.5}) and ranges in CIDR
	 * notation (such as {@code 10.0.0.0/24}) of the proxies whose forwarded headers are
	 * believed; empty to believe none
	 */
	@ConfigurationProperties("vetbill.web")
	record Properties(@DefaultValue( {
			"127.0.0.0/8", "::1" }) List<String> trustedProxies){

		Properties {
			trustedProxies = List.copyOf(trustedProxies);
		}

	}

	/**
	 * Applies the forwarded headers of a request from a trusted proxy, and removes them
	 * from any other.
	 */
	static final class TrustedProxyFilter extends OncePerRequestFilter {

		private final List<IpAddressMatcher> trusted;

		private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();

		private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

		TrustedProxyFilter(List<String> trustedProxies) {
			this.trusted = trustedProxies.stream().map(String::trim).map(IpAddressMatcher::new).toList();
			this.remove.setRemoveOnly(true);
		}

		boolean trusts(String address) {
			return this.trusted.stream().anyMatch((matcher) -> matcher.matches(address));
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			(trusts(request.getRemoteAddr()) ? this.apply : this.remove).doFilter(request, response, chain);
		}

	}

}
