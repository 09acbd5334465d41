package io.preverified.businesses;

import io.preverified.web.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a token would be stored but no key encrypts it: {@code 503}.
 */
class NoSecretsKeyException extends ErrorResponseException {

	NoSecretsKeyException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE,
				"Tokens are stored encrypted, and preverified.secrets.key is not set: set it to base64 of 32 random "
						+ "bytes (openssl rand -base64 32)");
		return problem;
	}

}
