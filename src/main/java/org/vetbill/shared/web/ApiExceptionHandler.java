package org.vetbill.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.vetbill.shared.error.BusinessError;
import org.vetbill.shared.web.ApiError.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionException;
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
 * Turns every error of a request into an {@link ApiError}, written by
 * {@link ErrorResponses} in the format of the request's API dialect: 400 for invalid
 * input (naming each field), 404, 409 for lost races, 422 for business rules, 503 for a
 * failing database ({@link DatabaseFailures}), never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	/** The {@link FieldProblem#type()} of a body that is not JSON. */
	static final String JSON_INVALID = "json_invalid";

	/**
	 * The {@link FieldProblem#type()} of a required body, parameter or field not sent.
	 */
	static final String MISSING = "missing";

	/** The header named in a {@link RequestRejectedException}'s message. */
	private static final Pattern REJECTED_HEADER = Pattern.compile("header(?: name)?:? \"([^\"]*)\"");

	private final ErrorResponses responses;

	ApiExceptionHandler(ErrorResponses responses) {
		this.responses = responses;
	}

	@ExceptionHandler(BusinessError.class)
	ResponseEntity<Object> businessError(BusinessError error, HttpServletRequest request) {
		return this.responses.toResponse(error, request);
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<Object> bindingFailed(BindException ex, HttpServletRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getFieldErrors()
			.forEach((error) -> errors.add(new FieldProblem(FieldNames.snakeCase(error.getField()), message(error))));
		ex.getGlobalErrors()
			.forEach((error) -> errors
				.add(new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
		return respond(request, ApiError.invalid(errors));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Object> parameterValidationFailed(HandlerMethodValidationException ex, HttpServletRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldProblem(FieldNames.snakeCase(name == null ? "parameter" : name),
						String.valueOf(error.getDefaultMessage()))));
		});
		return respond(request, ApiError.invalid(errors));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolated(ConstraintViolationException ex, HttpServletRequest request) {
		return respond(request, ApiError.invalid(ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(FieldNames.snakeCase(lastNode(violation.getPropertyPath().toString())),
					violation.getMessage()))
			.collect(Collectors.toList())));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof JacksonException jackson) {
			String field = FieldNames.of(jackson.getPath());
			// a body that is not JSON at all, rather than a value of the wrong kind or
			// size
			String type = (jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException))
					? JSON_INVALID : null;
			return respond(request, ApiError.invalid(
					List.of(new FieldProblem(field.isEmpty() ? "body" : field, JsonErrors.describe(jackson), type))));
		}
		return respond(request, ApiError.invalid(List.of(new FieldProblem("body",
				"the request body is missing or is not valid JSON", (cause == null) ? MISSING : JSON_INVALID))));
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, truncated) is the client's
	 * error, like unreadable JSON. A too large upload keeps its own status (413).
	 * @param ex the parsing failure
	 * @return the problem
	 * @throws MultipartException when it carries its own status
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> unreadableMultipart(MultipartException ex, HttpServletRequest request) {
		if (ex instanceof org.springframework.web.ErrorResponse) {
			throw ex;
		}
		return respond(request,
				ApiError.invalid(List.of(new FieldProblem("body", "the multipart request body cannot be read"))));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		Class<?> type = ex.getRequiredType();
		return respond(request, ApiError.invalid(List.of(new FieldProblem(FieldNames.snakeCase(ex.getName()),
				"'" + ex.getValue() + "' is not a valid " + (type == null ? "value" : JsonErrors.typeName(type))))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Object> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return respond(request,
				ApiError.invalid(List.of(new FieldProblem(ex.getParameterName(), "is required", MISSING))));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<Object> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		return respond(request,
				ApiError.invalid(List.of(new FieldProblem(ex.getHeaderName(), "header is required", MISSING))));
	}

	/**
	 * A header whose value Spring Security's firewall refuses (control characters, bytes
	 * that are not printable ISO-8859-1), found when a handler reads it: 400 naming the
	 * header, not 500.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejected(RequestRejectedException ex, HttpServletRequest request) {
		Matcher header = REJECTED_HEADER.matcher(String.valueOf(ex.getMessage()));
		String name = header.find() ? header.group(1).trim() : "request";
		return respond(request, ApiError.invalid(List.of(new FieldProblem(name, RequestSanity.HEADER_PROBLEM))));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Object> noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return respond(request,
				ApiError.of(HttpStatus.NOT_FOUND, "not_found", "no resource at " + ex.getResourcePath()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		ResponseEntity<Object> response = respond(request,
				ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
						ex.getMethod() + " is not supported here; allowed: " + ex.getSupportedHttpMethods()));
		if (!response.getStatusCode().isSameCodeAs(HttpStatus.METHOD_NOT_ALLOWED)) {
			return response;
		}
		// RFC 9110: a 405 lists the methods the resource has, in the order Django REST
		// framework lists them
		Set<String> supported = (ex.getSupportedMethods() != null) ? Set.of(ex.getSupportedMethods()) : Set.of();
		List<String> allowed = new ArrayList<>();
		for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
			if (supported.contains(method)) {
				allowed.add(method);
			}
		}
		if (supported.contains("GET")) {
			allowed.add("HEAD");
		}
		allowed.add("OPTIONS");
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header(HttpHeaders.ALLOW, String.join(", ", allowed))
			.body(response.getBody());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return respond(request, unsupportedMediaType(String.valueOf(ex.getContentType())));
	}

	/**
	 * The refusal of a body in a format no handler reads.
	 * @param contentType the request's {@code Content-Type}
	 * @return a 415
	 */
	static ApiError unsupportedMediaType(String contentType) {
		return ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
				"content type " + contentType + " is not supported; send application/json");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return respond(request,
				ApiError.of(HttpStatus.FORBIDDEN, "forbidden", "your credentials do not permit this action"));
	}

	/**
	 * A conflict with other data or another request is a 409 to retry; any other failure
	 * of the database is a 503, logged with its cause, never a conflict.
	 * @param ex the failure (jOOQ's are translated into Spring's)
	 * @return the answer
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<Object> databaseFailure(RuntimeException ex, HttpServletRequest request) {
		if (DatabaseFailures.isConflict(ex)) {
			logger.info("Conflict in the database: " + ex.getMessage());
			if (ex instanceof DataIntegrityViolationException) {
				return respond(request, ApiError.of(HttpStatus.CONFLICT, "integrity_violation",
						"the change conflicts with existing data (a duplicate or a missing reference)"));
			}
			return respond(request, ApiError.of(HttpStatus.CONFLICT, "concurrent_update",
					"another request changed the same data at the same time; retry"));
		}
		logger.error("Database failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
		return DatabaseFailures.withRetryAfter(respond(request, DatabaseFailures.unavailable()));
	}

	/**
	 * Parameters the servlet container would not read (more than its limit of 1,000,
	 * query and form together): 400, not 500.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> unreadableParameters(InvalidParameterException ex, HttpServletRequest request) {
		return respond(request, unreadableParameters());
	}

	/**
	 * The answer to parameters the servlet container would not read.
	 * @return a 400 naming the parameters
	 */
	static ApiError unreadableParameters() {
		return ApiError.invalid(List.of(new FieldProblem("parameters",
				"could not be read: at most 1000 parameters are read (query and form together), each validly percent-encoded UTF-8")));
	}

	/**
	 * A number the JSON reader cannot hold (an exponent such as {@code 1e2147483648}),
	 * met while a body is read as a JSON tree, where the reader does not wrap it: 400 on
	 * the body, not 500. Thrown by anything but the JSON reader, it stays unexpected.
	 */
	@ExceptionHandler(NumberFormatException.class)
	ResponseEntity<Object> unreadableNumber(NumberFormatException ex, HttpServletRequest request) throws Exception {
		StackTraceElement[] trace = ex.getStackTrace();
		if (trace.length == 0 || !trace[0].getClassName().startsWith("tools.jackson.")) {
			return unexpected(ex, request);
		}
		return respond(request, ApiError.invalid(List.of(new FieldProblem("body",
				"holds a number too large or too small to be read (its exponent is beyond what a number may have)"))));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof org.springframework.web.ErrorResponse
				|| ex instanceof org.springframework.security.core.AuthenticationException) {
			throw ex;
		}
		logger.error("Unexpected error", ex);
		return respond(request, ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"an unexpected error occurred; it has been logged"));
	}

	private ResponseEntity<Object> respond(HttpServletRequest request, ApiError error) {
		return this.responses.toResponse(error, request);
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
