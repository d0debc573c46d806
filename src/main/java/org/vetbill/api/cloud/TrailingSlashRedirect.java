package org.vetbill.api.cloud;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a Cloud API path without its trailing slash with 301 to the path with it, as
 * Django does, before authentication.
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlashRedirect {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> cloudApiTrailingSlash() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI();
			if (path.endsWith("/") || !CloudApi.PATH.matcher(path).matches()) {
				chain.doFilter(request, response);
				return;
			}
			String query = request.getQueryString();
			response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
			response.setHeader(HttpHeaders.LOCATION, path + "/" + ((query != null) ? "?" + query : ""));
		}

	}

}
