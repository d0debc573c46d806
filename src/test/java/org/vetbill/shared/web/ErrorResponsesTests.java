package org.vetbill.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an error is written outside Spring MVC, as the security and rate-limit filters
 * write theirs: a dialect's headers replace what the filter set, the others stay; and
 * problem details write each field error as its field and message only.
 */
class ErrorResponsesTests {

	/** A dialect for {@code /dialect/...} that challenges with a plain Bearer. */
	private static final ErrorDialect DIALECT = new ErrorDialect() {

		@Override
		public boolean handles(HttpServletRequest request) {
			return request.getRequestURI().startsWith("/dialect/");
		}

		@Override
		public String catalog() {
			return "raw";
		}

		@Override
		public ResponseEntity<Object> render(ApiError error) {
			ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status());
			if (error.status() == HttpStatus.UNAUTHORIZED) {
				response.header("WWW-Authenticate", "Bearer");
			}
			return response.body(Map.of("detail", error.detail()));
		}

	};

	private final ErrorResponses responses = new ErrorResponses(List.of(DIALECT), new ErrorCatalogs(),
			JsonMapper.builder().build());

	@Test
	void aDialectsHeaderReplacesTheOneTheFilterSet() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		this.responses.write(ApiError.of(HttpStatus.UNAUTHORIZED, "invalid_token", "bad token"),
				new MockHttpServletRequest("GET", "/dialect/x"), response);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeaders("WWW-Authenticate")).containsExactly("Bearer");
		assertThat(response.getContentAsString()).isEqualTo("{\"detail\":\"bad token\"}");
	}

	@Test
	void headersTheDialectDoesNotSetStay() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("Retry-After", "3");
		this.responses.write(ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "throttled", "wait"),
				new MockHttpServletRequest("GET", "/dialect/x"), response);
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeaders("Retry-After")).containsExactly("3");
	}

	@Test
	void problemDetailsWriteAFieldErrorAsItsFieldAndMessage() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.responses.write(
				ApiError.invalid(List.of(new ApiError.FieldProblem("body", "is not valid JSON", "json_invalid"),
						new ApiError.FieldProblem("limit", "must be positive"))),
				new MockHttpServletRequest("GET", "/1234/vetbill/v1/invoices"), response);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"urn:vetbill:problem:invalid_input\","
				+ "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"2 fields are invalid\","
				+ "\"instance\":\"/1234/vetbill/v1/invoices\",\"code\":\"invalid_input\","
				+ "\"errors\":[{\"field\":\"body\",\"message\":\"is not valid JSON\"},"
				+ "{\"field\":\"limit\",\"message\":\"must be positive\"}]}");
	}

}
