package org.vetbill.api.connect;

import jakarta.servlet.http.HttpServletRequest;
import org.vetbill.shared.web.ErrorResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link ConnectRefusal} in the Connect API's error format.
 */
@RestControllerAdvice(assignableTypes = ConnectInvoiceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectRefusals {

	private final ErrorResponses responses;

	ConnectRefusals(ErrorResponses responses) {
		this.responses = responses;
	}

	@ExceptionHandler(ConnectRefusal.class)
	ResponseEntity<Object> refused(ConnectRefusal refusal, HttpServletRequest request) {
		return this.responses.toResponse(refusal.error(), request);
	}

}
