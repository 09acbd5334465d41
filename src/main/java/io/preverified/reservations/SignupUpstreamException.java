package io.preverified.reservations;

import java.net.URI;

import io.preverified.graphapi.GraphApiError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when upstream could not say which phone number Embedded Signup registered:
 * {@code 502} with upstream's code, message and trace id; nothing recorded, and the same
 * FINISH may be sent again.
 */
class SignupUpstreamException extends ErrorResponseException {

	SignupUpstreamException(String phoneNumberId, GraphApiError error) {
		super(HttpStatus.BAD_GATEWAY, problem(phoneNumberId, error), null);
	}

	private static ProblemDetail problem(String phoneNumberId, GraphApiError error) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"Graph API could not read phone number id " + phoneNumberId + ": " + error.message());
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", error.code());
		problem.setProperty("subcode", error.subcode());
		problem.setProperty("message", error.message());
		problem.setProperty("fbtrace_id", error.fbtraceId());
		return problem;
	}

}
