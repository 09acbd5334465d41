package io.preverified.actions;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a number had as many codes as it may within the request window: {@code 429}
 * with {@code Retry-After}.
 */
class TooManyCodeRequestsException extends ErrorResponseException {

	TooManyCodeRequestsException(String numberId, int max, Duration window, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(numberId, max, window, retryAfter), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds() + 1)));
	}

	private static ProblemDetail problem(String numberId, int max, Duration window, Duration retryAfter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Number " + numberId + " was sent " + max + " codes within " + window
						+ " (preverified.verification.max-requests-per-number); ask again in "
						+ Math.max(1, retryAfter.toSeconds() + 1) + " s");
		problem.setType(URI.create("about:blank"));
		return problem;
	}

}
