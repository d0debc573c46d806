package org.vetbill.api.clinic;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.web.ApiError;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Clinic API's errors as FastAPI writes them: which requests are the Clinic API's,
 * each status's body, and the {@code loc} of a field.
 */
class FastApiErrorsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FastApiErrors errors = new FastApiErrors();

	private ResponseEntity<Object> render(ApiError error) {
		ResponseEntity<Object> response = this.errors.render(error);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		return response;
	}

	private static String json(ResponseEntity<Object> response) {
		return JSON.writeValueAsString(response.getBody());
	}

	private void assertRendered(ApiError error, int status, String body) {
		ResponseEntity<Object> response = render(error);
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(json(response)).isEqualTo(body);
	}

	@Test
	void theClinicApiIsTheInvoicesAndTheTokenEndpoint() {
		for (String path : List.of("/invoice", "/invoice/", "/invoice/3fa85f64-5717-4562-b3fc-2c963f66afa6",
				"/invoice/x/y", "/token", "/token/")) {
			assertThat(this.errors.handles(new MockHttpServletRequest("GET", path))).as(path).isTrue();
		}
		for (String path : List.of("/invoices", "/invoicerow/", "/tokens", "/token/x", "/1234/api/0.1/invoice/",
				"/1234/vetbill/v1/invoices", "/1234/oauth2/token/", "/admin/v1/organizations", "/")) {
			assertThat(this.errors.handles(new MockHttpServletRequest("GET", path))).as(path).isFalse();
		}
	}

	@Test
	void invalidInputIsA422ListWithTheLocationOfEachField() {
		assertRendered(
				ApiError.invalid(List.of(new ApiError.FieldProblem("items[0].quantity", "must be greater than 0"),
						new ApiError.FieldProblem("query.limit", "must be at most 1000"),
						new ApiError.FieldProblem("patient_id", "is required"),
						new ApiError.FieldProblem("due_date", "must not be null"),
						new ApiError.FieldProblem("path.id", "'x' is not a valid UUID", "uuid_parsing"))),
				422,
				"{\"detail\":[{\"loc\":[\"body\",\"items\",0,\"quantity\"],\"msg\":\"must be greater than 0\","
						+ "\"type\":\"value_error\"},"
						+ "{\"loc\":[\"query\",\"limit\"],\"msg\":\"must be at most 1000\",\"type\":\"value_error\"},"
						+ "{\"loc\":[\"body\",\"patient_id\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
						+ "{\"loc\":[\"body\",\"due_date\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
						+ "{\"loc\":[\"path\",\"id\"],\"msg\":\"'x' is not a valid UUID\",\"type\":\"uuid_parsing\"}]}");
		// a required value with more to say keeps its words
		assertRendered(
				ApiError.invalid(
						List.of(new ApiError.FieldProblem("items[2].name", "is required for a free-text row"))),
				422,
				"{\"detail\":[{\"loc\":[\"body\",\"items\",2,\"name\"],\"msg\":\"is required for a free-text row\","
						+ "\"type\":\"missing\"}]}");
		// a field named by the missing-value type gets pydantic's words
		assertRendered(ApiError.invalid(List.of(new ApiError.FieldProblem("limit", "is required", "missing"))), 422,
				"{\"detail\":[{\"loc\":[\"body\",\"limit\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
	}

	@Test
	void aBodyThatIsNotJsonIsAJsonDecodeError() {
		String expected = "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"JSON decode error\",\"type\":\"json_invalid\"}]}";
		assertRendered(ApiError.invalid(List
			.of(new ApiError.FieldProblem("body", "is not valid JSON: Unexpected character ('}')", "json_invalid"))),
				422, expected);
		// where the parser stopped does not matter
		assertRendered(
				ApiError
					.invalid(List.of(new ApiError.FieldProblem("items[1]", "is not valid JSON: ...", "json_invalid"))),
				422, expected);
		// the missing body
		assertRendered(
				ApiError.invalid(List.of(new ApiError.FieldProblem("body", "the request body is missing", "missing"))),
				422, "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
	}

	@Test
	void locationsFollowTheFieldPath() {
		assertThat(FastApiErrors.loc("items[0].quantity")).containsExactly("body", "items", 0, "quantity");
		assertThat(FastApiErrors.loc("query.limit")).containsExactly("query", "limit");
		assertThat(FastApiErrors.loc("path.id")).containsExactly("path", "id");
		assertThat(FastApiErrors.loc("header.If-Match")).containsExactly("header", "If-Match");
		assertThat(FastApiErrors.loc("body.status")).containsExactly("body", "status");
		assertThat(FastApiErrors.loc("status")).containsExactly("body", "status");
		assertThat(FastApiErrors.loc("items[12]")).containsExactly("body", "items", 12);
		assertThat(FastApiErrors.loc("items[1].tags[0]")).containsExactly("body", "items", 1, "tags", 0);
		assertThat(FastApiErrors.loc("body")).containsExactly("body");
		assertThat(FastApiErrors.loc(null)).containsExactly("body");
		assertThat(FastApiErrors.loc("Idempotency-Key")).containsExactly("header", "Idempotency-Key");
		// a field that merely starts like a location is in the body
		assertThat(FastApiErrors.loc("query_text")).containsExactly("body", "query_text");
	}

	@Test
	void aRefusedRuleIsA422NamingItsFieldAndCode() {
		assertRendered(
				new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "status_not_requestable",
						"PAID comes from payments; it cannot be requested", "status", List.of()),
				422, "{\"detail\":[{\"loc\":[\"body\",\"status\"],\"msg\":\"PAID comes from payments; it cannot be "
						+ "requested\",\"type\":\"status_not_requestable\"}]}");
		assertRendered(
				new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "period_locked", "the period is locked",
						"items[1].price", List.of()),
				422, "{\"detail\":[{\"loc\":[\"body\",\"items\",1,\"price\"],\"msg\":\"the period is locked\","
						+ "\"type\":\"period_locked\"}]}");
		assertRendered(
				new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "invoice_voided", "a voided invoice cannot change", null,
						List.of()),
				422, "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"a voided invoice cannot change\","
						+ "\"type\":\"invoice_voided\"}]}");
		assertRendered(
				new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, ApiError.IDEMPOTENCY_KEY_REUSED,
						"This Idempotency-Key was used with another request", "Idempotency-Key", List.of()),
				422, "{\"detail\":[{\"loc\":[\"header\",\"Idempotency-Key\"],\"msg\":\"This Idempotency-Key was used "
						+ "with another request\",\"type\":\"idempotency_key_reused\"}]}");
		// a malformed Idempotency-Key is invalid input about a header
		assertRendered(
				ApiError.invalid(List.of(new ApiError.FieldProblem("Idempotency-Key", "must be 1 to 255 characters"))),
				422, "{\"detail\":[{\"loc\":[\"header\",\"Idempotency-Key\"],\"msg\":\"must be 1 to 255 characters\","
						+ "\"type\":\"value_error\"}]}");
	}

	@Test
	void otherErrorsAreADetailWithFastApisWords() {
		assertRendered(ApiError.of(HttpStatus.NOT_FOUND, "not_found", "invoice 7 not found"), 404,
				"{\"detail\":\"Not Found\"}");
		assertRendered(ApiError.of(HttpStatus.FORBIDDEN, "forbidden", "your credentials do not permit this action"),
				403, "{\"detail\":\"Not enough permissions\"}");
		assertRendered(ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "DELETE is not supported"), 405,
				"{\"detail\":\"Method Not Allowed\"}");
		assertRendered(ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "it has been logged"), 500,
				"{\"detail\":\"Internal Server Error\"}");
		assertRendered(ApiError.of(HttpStatus.CONFLICT, "concurrent_update", "another request changed it; retry"), 409,
				"{\"detail\":\"another request changed it; retry\"}");
		assertRendered(ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send JSON"), 415,
				"{\"detail\":\"send JSON\"}");
		// the rate limit's detail; its Retry-After header is the filter's, left as it is
		ResponseEntity<Object> throttled = render(ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "throttled",
				"Request was throttled. Expected available in 2 seconds."));
		assertThat(throttled.getStatusCode().value()).isEqualTo(429);
		assertThat(json(throttled))
			.isEqualTo("{\"detail\":\"Request was throttled. Expected available in 2 seconds.\"}");
		assertThat(throttled.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
		assertThat(throttled.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
		// invalid input about nothing in particular is still a detail
		assertRendered(ApiError.of(HttpStatus.BAD_REQUEST, "bad_request", "the request is malformed"), 400,
				"{\"detail\":\"the request is malformed\"}");
	}

	@Test
	void unauthenticatedIsFastApisBearerChallenge() {
		ResponseEntity<Object> none = render(
				ApiError.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "authentication is required"));
		assertThat(none.getStatusCode().value()).isEqualTo(401);
		assertThat(json(none)).isEqualTo("{\"detail\":\"Not authenticated\"}");
		assertThat(none.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer");

		ResponseEntity<Object> invalid = render(
				ApiError.of(HttpStatus.UNAUTHORIZED, "invalid_token", "the access token is invalid or has expired"));
		assertThat(invalid.getStatusCode().value()).isEqualTo(401);
		assertThat(json(invalid)).isEqualTo("{\"detail\":\"Could not validate credentials\"}");
		assertThat(invalid.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer");
	}

}
