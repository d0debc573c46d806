package org.vetbill.shared.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, the requests no handler could read safely,
 * each in its API's error format: a query string whose parameter names are empty or hold
 * control characters or unassigned code points, or whose names or values are not valid
 * percent-encoded UTF-8 or hold a NUL (400 naming the parameter as the client wrote it);
 * a header value with a control character or an unassigned code point (400 naming it); a
 * body whose {@code Content-Type} is a wildcard such as {@code *}{@code /*}, which names
 * no format (415); and a direct request for the error page (404), which only answers
 * errors of other requests. On the endpoints that answer RFC 6749 errors
 * ({@link OAuthPaths}, the token endpoints) it also reads a form body strictly, with the
 * same checks of its parameters, at most {@value OAuthRefusals#MAX_FORM} bytes, refuses a
 * multipart body there whose parts cannot be read or hold a NUL, and answers every
 * refusal there as an OAuth2 error ({@code invalid_request}).
 */
@Configuration(proxyBeanMethods = false)
class RequestSanity {

	/** What a header with a character the firewall refuses is told. */
	static final String HEADER_PROBLEM = "holds characters a header may not hold: control characters or bytes that are not printable ISO-8859-1";

	/** Runs right after the forwarded headers are read, before security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	@Bean
	FilterRegistrationBean<SanityFilter> requestSanityFilter(ErrorResponses errors, List<OAuthPaths> oauthPaths,
			JsonMapper json) {
		FilterRegistrationBean<SanityFilter> registration = new FilterRegistrationBean<>(
				new SanityFilter(errors, new OAuthRefusals(oauthPaths, json)));
		registration.setOrder(ORDER);
		return registration;
	}

	/**
	 * What is wrong with a query string.
	 * @param query the raw query string, or null
	 * @return a problem per bad parameter, in order; empty when all are good
	 */
	static List<ApiError.FieldProblem> queryProblems(@Nullable String query) {
		return problems(query);
	}

	/**
	 * The headers whose values hold what Spring Security's firewall refuses when a filter
	 * or handler reads them (a control character, tab included, or an unassigned code
	 * point): refused here, naming the header, rather than as a 500 wherever it is read.
	 * @param request the request
	 * @return a problem per such header, in the order the request has them
	 */
	static List<ApiError.FieldProblem> headerProblems(HttpServletRequest request) {
		List<ApiError.FieldProblem> problems = new ArrayList<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				if (value.chars().anyMatch((c) -> Character.isISOControl(c) || !Character.isDefined(c))) {
					problems.add(new ApiError.FieldProblem(name, HEADER_PROBLEM));
					break;
				}
			}
		}
		return problems;
	}

	/**
	 * What is wrong with a query string or a form body.
	 * @param query the raw text, or null
	 * @return a problem per bad parameter, in order; empty when all are good
	 */
	static List<ApiError.FieldProblem> problems(@Nullable String query) {
		List<ApiError.FieldProblem> problems = new ArrayList<>();
		if (query == null || query.isEmpty()) {
			return problems;
		}
		for (String pair : query.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String rawValue = (equals < 0) ? "" : pair.substring(equals + 1);
			String name = decode(rawName);
			String value = decode(rawValue);
			if (name == null || value == null) {
				problems.add(new ApiError.FieldProblem(rawName, "is not valid percent-encoded UTF-8"));
			}
			else if (name.isEmpty()) {
				problems.add(new ApiError.FieldProblem(rawName, "a query parameter needs a name"));
			}
			else if (!printable(name)) {
				problems.add(new ApiError.FieldProblem(rawName,
						"a parameter name may not contain control characters or unassigned characters"));
			}
			else if (value.indexOf('\0') >= 0) {
				problems.add(new ApiError.FieldProblem(name, "may not contain the NUL character"));
			}
		}
		return problems;
	}

	/**
	 * Whether a {@code Content-Type} names no format: a wildcard type or subtype, or a
	 * value that is not a media type at all.
	 * @param contentType the header, or null when there is none
	 * @return whether it must be refused
	 */
	static boolean unusableContentType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
	}

	private static boolean printable(String name) {
		return name.codePoints()
			.noneMatch((c) -> Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED
					|| Character.getType(c) == Character.SURROGATE);
	}

	/**
	 * Decodes a percent-encoded part of a query string strictly.
	 * @param raw the part as sent
	 * @return the text, or null when the encoding is broken or the bytes are not UTF-8
	 */
	static @Nullable String decode(String raw) {
		ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.put((byte) ((high << 4) + low));
				i += 2;
			}
			else if (c == '+') {
				bytes.put((byte) ' ');
			}
			else {
				bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		bytes.flip();
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean isForm(@Nullable String contentType) {
		return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
			.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	private static boolean isMultipart(@Nullable String contentType) {
		return contentType != null
				&& contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	/**
	 * What is wrong with a multipart body's parameters on an OAuth endpoint: a part that
	 * cannot be read, or a value holding a NUL, which no credential or token holds.
	 * @param request the request
	 * @return the problem in words, or null when the parameters are good
	 */
	private static @Nullable String multipartProblem(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException ex) {
			return "the multipart body cannot be read";
		}
		List<ApiError.FieldProblem> problems = new ArrayList<>();
		parameters.forEach((name, values) -> {
			for (String value : values) {
				if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
					problems
						.add(new ApiError.FieldProblem(name.replace('\0', '?'), "may not contain the NUL character"));
					return;
				}
			}
		});
		return problems.isEmpty() ? null : describe(problems);
	}

	/**
	 * Problems as one description, each naming its parameter.
	 */
	private static String describe(List<ApiError.FieldProblem> problems) {
		return problems.stream()
			.map((problem) -> "parameter '" + problem.field() + "' " + problem.message())
			.collect(java.util.stream.Collectors.joining("; "));
	}

	/**
	 * The filter that applies the checks.
	 */
	static final class SanityFilter extends OncePerRequestFilter {

		private static final String ERROR_PATH = "/error";

		private final ErrorResponses errors;

		private final OAuthRefusals oauth;

		SanityFilter(ErrorResponses errors, OAuthRefusals oauth) {
			this.errors = errors;
			this.oauth = oauth;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (ERROR_PATH.equals(request.getRequestURI()) || request.getRequestURI().startsWith(ERROR_PATH + "/")) {
				this.errors.write(
						ApiError.of(HttpStatus.NOT_FOUND, "not_found", "no resource at " + request.getRequestURI()),
						request, response);
				return;
			}
			boolean oauth = this.oauth.matches(request);
			List<ApiError.FieldProblem> problems = queryProblems(request.getQueryString());
			problems.addAll(headerProblems(request));
			if (!problems.isEmpty()) {
				if (oauth) {
					this.oauth.refuse(HttpStatus.BAD_REQUEST, describe(problems), response);
				}
				else {
					this.errors.write(ApiError.invalid(problems), request, response);
				}
				return;
			}
			String contentType = request.getContentType();
			if (unusableContentType(contentType)) {
				if (oauth) {
					this.oauth.refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
							"send the parameters as application/x-www-form-urlencoded", response);
				}
				else {
					this.errors.write(ApiExceptionHandler.unsupportedMediaType(String.valueOf(contentType)), request,
							response);
				}
				return;
			}
			if (oauth && isForm(contentType)) {
				byte[] body = StrictForm.read(request.getInputStream(), OAuthRefusals.MAX_FORM);
				if (body == null) {
					this.oauth.refuse(HttpStatus.CONTENT_TOO_LARGE,
							"the form body is larger than " + OAuthRefusals.MAX_FORM + " bytes", response);
					return;
				}
				String text = StrictForm.utf8(body);
				problems = (text != null) ? problems(text) : List.of();
				if (text == null || !problems.isEmpty()) {
					this.oauth.refuse(HttpStatus.BAD_REQUEST,
							(text == null) ? "the form body is not valid UTF-8" : describe(problems), response);
					return;
				}
				chain.doFilter(new StrictForm.Wrapper(request, body, text), response);
				return;
			}
			if (oauth && isMultipart(contentType)) {
				String problem = multipartProblem(request);
				if (problem != null) {
					this.oauth.refuse(HttpStatus.BAD_REQUEST, problem, response);
					return;
				}
			}
			try {
				chain.doFilter(request, response);
			}
			catch (HttpMessageNotReadableException ex) {
				// a PUT, PATCH or DELETE form body is parsed by a filter, outside the
				// handlers: a broken one (a bad percent escape) is the client's error
				if (response.isCommitted()) {
					throw ex;
				}
				response.reset();
				this.errors.write(
						ApiError.invalid(List.of(new ApiError.FieldProblem("body",
								"the form body is not valid percent-encoded UTF-8 (name=value&name=value)"))),
						request, response);
			}
			catch (InvalidParameterException ex) {
				// read by a filter (the CSRF check), outside the handlers
				if (response.isCommitted()) {
					throw ex;
				}
				response.reset();
				this.errors.write(ApiExceptionHandler.unreadableParameters(), request, response);
			}
		}

	}

}
