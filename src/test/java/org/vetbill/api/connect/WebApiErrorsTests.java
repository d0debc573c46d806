package org.vetbill.api.connect;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.web.ApiError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connect API's errors as ASP.NET Web API writes them, in JSON or XML by the
 * request's {@code Accept}.
 */
class WebApiErrorsTests {

	private final WebApiErrors errors = new WebApiErrors();

	private static MockHttpServletRequest request(String method, String path, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return request;
	}

	private static String body(ResponseEntity<Object> response) {
		return new String((byte[]) response.getBody(), StandardCharsets.UTF_8);
	}

	@Test
	void anUnexpectedErrorSaysOnlyThatOneHasOccurred() {
		ApiError error = ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"an unexpected error occurred; it has been logged");
		ResponseEntity<Object> json = this.errors.render(error, request("GET", "/connect/invoices", null));
		assertThat(json.getStatusCode().value()).isEqualTo(500);
		assertThat(json.getHeaders().getContentType()).hasToString("application/json;charset=UTF-8");
		assertThat(body(json)).isEqualTo("{\"Message\":\"An error has occurred.\"}");
		ResponseEntity<Object> xml = this.errors.render(error, request("GET", "/connect/invoices", "application/xml"));
		assertThat(body(xml)).isEqualTo("<Error><Message>An error has occurred.</Message></Error>");
	}

	@Test
	void invalidInputNamesEachFieldAndOtherErrorsKeepTheirDetail() {
		ApiError invalid = ApiError.invalid(List.of(new ApiError.FieldProblem("Client", "header is required"),
				new ApiError.FieldProblem("User", "header is required")));
		assertThat(body(this.errors.render(invalid, request("GET", "/connect/invoices", "text/html"))))
			.isEqualTo("{\"Message\":\"Client: header is required; User: header is required\"}");
		ApiError conflict = ApiError.of(HttpStatus.CONFLICT, "concurrent_update", "retry <now> & \"then\"");
		assertThat(body(this.errors.render(conflict, request("GET", "/connect/invoices", "text/xml"))))
			.isEqualTo("<Error><Message>retry &lt;now> &amp; \"then\"</Message></Error>");
		assertThat(body(this.errors.render(conflict))).isEqualTo("{\"Message\":\"retry <now> & \\\"then\\\"\"}");
	}

	@Test
	void unknownPathsAndMethodsHaveWebApisTexts() {
		ApiError noResource = ApiError.of(HttpStatus.NOT_FOUND, "not_found", "no resource at connect/orders");
		assertThat(body(this.errors.render(noResource, request("GET", "/connect/orders", null))))
			.isEqualTo("{\"Message\":\"No HTTP resource was found that matches the request URI "
					+ "'http://localhost/connect/orders'.\"}");
		ApiError method = ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "PUT is not supported");
		assertThat(body(this.errors.render(method, request("PUT", "/connect/invoices", null))))
			.isEqualTo("{\"Message\":\"The requested resource does not support http method 'PUT'.\"}");
	}

	@Test
	void itHandlesTheConnectPathsOnly() {
		assertThat(this.errors.handles(request("GET", "/connect/invoices", null))).isTrue();
		assertThat(this.errors.handles(request("GET", "/connect", null))).isTrue();
		assertThat(this.errors.handles(request("GET", "/connector/invoices", null))).isFalse();
		assertThat(this.errors.handles(request("GET", "/invoice/", null))).isFalse();
	}

}
