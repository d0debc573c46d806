package org.vetbill.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The type an unreadable body's field error carries, for the dialects that write one: a
 * body that is not JSON, a value of the wrong kind, no body at all.
 */
class ApiExceptionHandlerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A dialect that answers the error itself, to look at. */
	private static final ErrorDialect RAW = new ErrorDialect() {

		@Override
		public boolean handles(HttpServletRequest request) {
			return true;
		}

		@Override
		public String catalog() {
			return "raw";
		}

		@Override
		public ResponseEntity<Object> render(ApiError error) {
			return ResponseEntity.status(error.status()).body(error);
		}

	};

	private final ApiExceptionHandler handler = new ApiExceptionHandler(
			new ErrorResponses(List.of(RAW), new ErrorCatalogs(), JSON));

	record Row(int quantity) {
	}

	private ApiError.FieldProblem unreadable(@Nullable Throwable cause) {
		ResponseEntity<Object> response = this.handler.unreadable(
				new HttpMessageNotReadableException("unreadable", cause, new MockHttpInputMessage(new byte[0])),
				new MockHttpServletRequest("POST", "/x"));
		ApiError error = (ApiError) response.getBody();
		assertThat(error).isNotNull();
		assertThat(error.errors()).hasSize(1);
		return error.errors().get(0);
	}

	private static JacksonException reading(String json) {
		return catchThrowableOfType(JacksonException.class, () -> JSON.readValue(json, Row.class));
	}

	@Test
	void aBodyThatIsNotJsonIsJsonInvalid() {
		ApiError.FieldProblem error = unreadable(reading("{\"quantity\": }"));
		assertThat(error.type()).isEqualTo("json_invalid");
		assertThat(error.message()).startsWith("is not valid JSON");
	}

	@Test
	void aValueOfTheWrongKindHasNoType() {
		ApiError.FieldProblem error = unreadable(reading("{\"quantity\": \"many\"}"));
		assertThat(error.field()).isEqualTo("quantity");
		assertThat(error.type()).isNull();
		// nor does a number too large for its field
		assertThat(unreadable(reading("{\"quantity\": 99999999999}")).type()).isNull();
	}

	@Test
	void noBodyIsMissing() {
		ApiError.FieldProblem error = unreadable(null);
		assertThat(error).isEqualTo(
				new ApiError.FieldProblem("body", "the request body is missing or is not valid JSON", "missing"));
	}

}
