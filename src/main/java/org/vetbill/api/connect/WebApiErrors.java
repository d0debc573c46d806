package org.vetbill.api.connect;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.ErrorDialect;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors of the Connect API as an ASP.NET Web API service writes them (Provet Connect is
 * one; its document shows no error body, so this is the framework's shape):
 * {@code {"Message": "..."}}, in XML {@code <Error><Message>...</Message></Error>}, in
 * the format the request's {@code Accept} asks for (JSON when it asks for neither).
 * Invalid input names each parameter or header ({@code "DateFrom: ..."}); 404 for a path
 * the API does not have, 405 and 500 carry Web API's own texts.
 */
@Component
class WebApiErrors implements ErrorDialect {

	/** Web API's text of an unexpected error (its details are never sent). */
	static final String INTERNAL_ERROR = "An error has occurred.";

	@Override
	public boolean handles(HttpServletRequest request) {
		return ConnectApi.owns(request.getRequestURI());
	}

	@Override
	public String catalog() {
		return "connect";
	}

	@Override
	public ResponseEntity<Object> render(ApiError error) {
		return render(error, ConnectFormat.JSON, "GET", "");
	}

	@Override
	public ResponseEntity<Object> render(ApiError error, HttpServletRequest request) {
		return render(error, ConnectFormat.forError(request.getHeader(HttpHeaders.ACCEPT)), request.getMethod(),
				request.getRequestURL().toString());
	}

	private static ResponseEntity<Object> render(ApiError error, ConnectFormat format, String method, String url) {
		ConnectWire.Error body = new ConnectWire.Error(message(error, method, url));
		return format.answer(error.status(), body, body);
	}

	static String message(ApiError error, String method, String url) {
		if (!error.errors().isEmpty()) {
			return error.errors()
				.stream()
				.map((field) -> field.field() + ": " + field.message())
				.collect(Collectors.joining("; "));
		}
		HttpStatus status = error.status();
		if (status == HttpStatus.NOT_FOUND && "not_found".equals(error.code())
				&& error.detail().startsWith("no resource at ")) {
			return "No HTTP resource was found that matches the request URI '" + url + "'.";
		}
		return switch (status) {
			case METHOD_NOT_ALLOWED -> "The requested resource does not support http method '" + method + "'.";
			case INTERNAL_SERVER_ERROR -> INTERNAL_ERROR;
			default -> error.detail();
		};
	}

}
