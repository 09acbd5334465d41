package io.preverified.web;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the API answers with: {@code about:blank} types, the HTTP reason
 * as title; and the problem an action's refusal stands for, for those that act without a
 * request of their own to answer.
 */
public final class ApiProblem {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private ApiProblem() {
	}

	/**
	 * A problem.
	 * @param status its status
	 * @param detail what went wrong
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ABOUT_BLANK);
		return problem;
	}

	/**
	 * A problem as a controller answers it.
	 * @param status its status
	 * @param detail what went wrong
	 * @return the response
	 */
	public static ResponseEntity<ProblemDetail> response(HttpStatus status, String detail) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(of(status, detail));
	}

	/**
	 * The problem a refusal of the API stands for.
	 * @param ex what was thrown
	 * @return its problem: for an {@link ErrorResponseException}, a
	 * {@link ConflictException} or a {@link NotFoundException}; empty for anything else
	 */
	public static Optional<ProblemDetail> of(RuntimeException ex) {
		if (ex instanceof ErrorResponseException response) {
			return Optional.of(response.getBody());
		}
		if (ex instanceof ConflictException) {
			return Optional.of(of(HttpStatus.CONFLICT, ex.getMessage()));
		}
		if (ex instanceof NotFoundException) {
			return Optional.of(of(HttpStatus.NOT_FOUND, ex.getMessage()));
		}
		return Optional.empty();
	}

}
