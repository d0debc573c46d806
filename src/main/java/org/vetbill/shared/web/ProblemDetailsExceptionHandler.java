package org.vetbill.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.vetbill.shared.error.BusinessError;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.FieldError;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.NotFound;
import org.vetbill.shared.error.RuleViolation;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error of vetbill's own API as RFC 9457 problem details: 400 for invalid
 * input (naming each field), 404, 409 for lost races, 422 for business rules, never a
 * stack trace. API dialects with their own error formats register advice of higher
 * precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsExceptionHandler.class);

	@ExceptionHandler(BusinessError.class)
	ResponseEntity<ProblemDetail> businessError(BusinessError error) {
		return switch (error) {
			case InvalidInput invalid -> Problems.invalid(invalid.errors());
			case RuleViolation rule ->
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, rule.code(), rule.detail(), rule.field(), List.of());
			case NotFound notFound -> Problems.of(HttpStatus.NOT_FOUND, notFound.code(), notFound.detail());
			case Conflict conflict -> Problems.of(HttpStatus.CONFLICT, conflict.code(), conflict.detail());
		};
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> bindingFailed(BindException ex) {
		List<FieldError> errors = new ArrayList<>();
		ex.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(FieldNames.snakeCase(error.getField()), message(error))));
		ex.getGlobalErrors()
			.forEach((error) -> errors
				.add(new FieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
		return Problems.invalid(errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> parameterValidationFailed(HandlerMethodValidationException ex) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldError(FieldNames.snakeCase(name == null ? "parameter" : name),
						String.valueOf(error.getDefaultMessage()))));
		});
		return Problems.invalid(errors);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException ex) {
		return Problems.invalid(ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(FieldNames.snakeCase(lastNode(violation.getPropertyPath().toString())),
					violation.getMessage()))
			.collect(Collectors.toList()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof JacksonException jackson) {
			String field = FieldNames.of(jackson.getPath());
			return Problems
				.invalid(List.of(new FieldError(field.isEmpty() ? "body" : field, JsonErrors.describe(jackson))));
		}
		return Problems.invalid(List.of(new FieldError("body", "the request body is missing or is not valid JSON")));
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, truncated) is the client's
	 * error, like unreadable JSON. A too large upload keeps its own status (413).
	 * @param ex the parsing failure
	 * @return the problem
	 * @throws MultipartException when it carries its own status
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
		if (ex instanceof org.springframework.web.ErrorResponse) {
			throw ex;
		}
		return Problems.invalid(List.of(new FieldError("body", "the multipart request body cannot be read")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		return Problems.invalid(List.of(new FieldError(FieldNames.snakeCase(ex.getName()),
				"'" + ex.getValue() + "' is not a valid " + (type == null ? "value" : JsonErrors.typeName(type)))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return Problems.invalid(List.of(new FieldError(ex.getParameterName(), "is required")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return Problems.invalid(List.of(new FieldError(ex.getHeaderName(), "header is required")));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not_found", "no resource at " + ex.getResourcePath());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				ex.getMethod() + " is not supported here; allowed: " + ex.getSupportedHttpMethods());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
				"content type " + ex.getContentType() + " is not supported; send application/json");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "your credentials do not permit this action");
	}

	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lockFailure(PessimisticLockingFailureException ex) {
		return Problems.of(HttpStatus.CONFLICT, "concurrent_update",
				"another request changed the same data at the same time; retry");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		logger.warn("Data integrity violation not caught by validation", ex);
		return Problems.of(HttpStatus.CONFLICT, "integrity_violation",
				"the change conflicts with existing data (a duplicate or a missing reference)");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
		if (ex instanceof org.springframework.web.ErrorResponse
				|| ex instanceof org.springframework.security.core.AuthenticationException) {
			throw ex;
		}
		logger.error("Unexpected error", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"an unexpected error occurred; it has been logged");
	}

	private static String message(org.springframework.validation.FieldError error) {
		if (error.isBindingFailure()) {
			return "'" + error.getRejectedValue() + "' is not a valid value";
		}
		return String.valueOf(error.getDefaultMessage());
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.indexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

}
