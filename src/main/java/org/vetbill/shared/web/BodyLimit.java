package org.vetbill.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body, before anything reads it: a {@code Content-Length} over the
 * limit is answered 413 at once, unread, in the API's error format; a body sent without
 * one (chunked) is read up to the limit and answered 413 as soon as it goes beyond, so no
 * request holds more than the limit in memory. The limit is
 * {@code vetbill.web.max-body-size} (1 MB), or {@code vetbill.web.max-import-size} (20
 * MB) on the endpoints that import whole files ({@link LargeBodies}). Form and multipart
 * bodies without a length are left to the container's own limits, since it parses them
 * itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimit.Properties.class)
class BodyLimit {

	/** Right after the request sanity checks, before security. */
	static final int ORDER = RequestSanity.ORDER + 1;

	@Bean
	FilterRegistrationBean<LimitFilter> bodyLimitFilter(Properties properties, List<LargeBodies> large,
			ErrorResponses errors) {
		FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(
				new LimitFilter(properties, large, errors));
		registration.setOrder(ORDER);
		return registration;
	}

	/**
	 * The settings under {@code vetbill.web}.
	 *
	 * @param maxBodySize the largest request body
	 * @param maxImportSize the largest request body of an import of a whole file
	 */
	@ConfigurationProperties("vetbill.web")
	record Properties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("20MB") DataSize maxImportSize) {

	}

	/**
	 * The filter that applies the limit.
	 */
	static final class LimitFilter extends OncePerRequestFilter {

		private final Properties properties;

		private final List<LargeBodies> large;

		private final ErrorResponses errors;

		LimitFilter(Properties properties, List<LargeBodies> large, ErrorResponses errors) {
			this.properties = properties;
			this.large = List.copyOf(large);
			this.errors = errors;
		}

		long limit(HttpServletRequest request) {
			return this.large.stream().anyMatch((endpoint) -> endpoint.matches(request))
					? this.properties.maxImportSize().toBytes() : this.properties.maxBodySize().toBytes();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long limit = limit(request);
			long length = request.getContentLengthLong();
			if (length > limit) {
				tooLarge(limit, request, response);
				return;
			}
			if (length < 0 && request.getHeader("Transfer-Encoding") != null && !parsedByContainer(request)) {
				byte[] body = read(request.getInputStream(), limit);
				if (body == null) {
					tooLarge(limit, request, response);
					return;
				}
				chain.doFilter(new CachedBodyRequest(request, body), response);
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean parsedByContainer(HttpServletRequest request) {
			String type = request.getContentType();
			return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
					|| type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
		}

		private static byte @Nullable [] read(InputStream in, long limit) throws IOException {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			return (body.length > limit) ? null : body;
		}

		private void tooLarge(long limit, HttpServletRequest request, HttpServletResponse response) throws IOException {
			// the unread body is not wanted: the connection closes after the answer
			response.setHeader("Connection", "close");
			this.errors.write(
					ApiError.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
							"the request body is larger than " + limit + " bytes, the most this endpoint accepts"),
					request, response);
		}

	}

}
