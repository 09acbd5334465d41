package io.preverified.reservations;

import io.preverified.graphapi.GraphApiError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when upstream could not say which phone number Embedded Signup registered:
 * {@code 502} with upstream's code, message and trace id; nothing recorded, and the same
 * FINISH may be sent again.
 */
class SignupUpstreamException extends ErrorResponseException {

	SignupUpstreamException(String phoneNumberId, GraphApiError error) {
		super(HttpStatus.BAD_GATEWAY, error.toProblem(HttpStatus.BAD_GATEWAY,
				"Graph API could not read phone number id " + phoneNumberId + ": " + error.message()), null);
	}

}
