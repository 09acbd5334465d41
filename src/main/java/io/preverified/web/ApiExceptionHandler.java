package io.preverified.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failed API request with an RFC 9457 problem.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		return badParameter(ex.getParameter(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail tooLarge(RequestBodyTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("Request failed unexpectedly", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be served; the service logged why");
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String parameter = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String expected = (ex.getRequiredType() != null) ? describe(ex.getRequiredType()) : "a valid value";
		String detail = "Parameter '" + parameter + "' must be " + expected + ", was '" + ex.getValue() + "'";
		return ResponseEntity.badRequest().body(badParameter(parameter, detail));
	}

	// a body cut off at the limit while it was read is too large, not malformed
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
			}
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape: " + reason(ex));
		return ResponseEntity.badRequest().body(problem);
	}

	// RFC 9457 problems name their type; these use about:blank, with the HTTP reason as
	// title
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getType() == null) {
			problem.setType(ABOUT_BLANK);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		return ApiProblem.of(status, detail);
	}

	private static ProblemDetail badParameter(String parameter, String detail) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", List.of(Map.of("parameter", parameter, "detail", detail)));
		return problem;
	}

	// what the JSON reader found, without echoing the body
	private static String reason(HttpMessageNotReadableException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		String firstLine = message.lines().findFirst().orElse("");
		return (firstLine.length() > 200) ? firstLine.substring(0, 200) + "..." : firstLine;
	}

	private static String describe(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of " + List.of(type.getEnumConstants());
		}
		return "a valid " + type.getSimpleName();
	}

}
