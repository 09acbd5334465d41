package io.preverified.reservations;

import java.time.Duration;

import io.preverified.web.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when fewer numbers can be held than asked for: {@code 409} with how many are
 * {@code available}; nothing is held.
 */
class NotEnoughNumbersException extends ErrorResponseException {

	NotEnoughNumbersException(int asked, int available, Duration validFor) {
		super(HttpStatus.CONFLICT, problem(asked, available, validFor), null);
	}

	private static ProblemDetail problem(int asked, int available, Duration validFor) {
		ProblemDetail problem = ApiProblem.of(HttpStatus.CONFLICT, "Asked for " + asked + " numbers, but only "
				+ available + " listed VERIFIED numbers valid for " + validFor + " more are free; nothing was held");
		problem.setProperty("available", available);
		return problem;
	}

}
