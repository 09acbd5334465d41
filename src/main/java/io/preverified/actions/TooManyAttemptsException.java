package io.preverified.actions;

import java.time.Duration;

import io.preverified.web.ApiProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a number had as many code requests, or verifications, as it may within the
 * request window: {@code 429} with {@code Retry-After}.
 */
class TooManyAttemptsException extends ErrorResponseException {

	TooManyAttemptsException(String numberId, AttemptLimit limit, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(numberId, limit, retryAfter), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
	}

	private static ProblemDetail problem(String numberId, AttemptLimit limit, Duration retryAfter) {
		ProblemDetail problem = ApiProblem.of(HttpStatus.TOO_MANY_REQUESTS,
				"Number " + numberId + " had " + limit.max() + " " + limit.what() + " within " + limit.window() + " ("
						+ limit.key() + "); try again in " + seconds(retryAfter) + " s");
		return problem;
	}

	private static long seconds(Duration retryAfter) {
		return Math.max(1, retryAfter.toSeconds() + 1);
	}

}
