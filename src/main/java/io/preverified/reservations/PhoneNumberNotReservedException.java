package io.preverified.reservations;

import io.preverified.web.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when Embedded Signup finished with a phone number that is none of the
 * reservation's: {@code 422}, nothing recorded.
 */
class PhoneNumberNotReservedException extends ErrorResponseException {

	PhoneNumberNotReservedException(long reservationId, String phoneNumberId, String phoneNumber) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, problem(reservationId, phoneNumberId, phoneNumber), null);
	}

	private static ProblemDetail problem(long reservationId, String phoneNumberId, String phoneNumber) {
		ProblemDetail problem = ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Phone number id " + phoneNumberId
				+ " is " + phoneNumber + ", none of the numbers of reservation " + reservationId);
		return problem;
	}

}
