package io.preverified.actions;

import io.preverified.graphapi.GraphApiError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when upstream refuses an action: {@code 502} with upstream's code, message and
 * trace id, or {@code 422} when the code sent was wrong.
 */
public class UpstreamRefusedException extends ErrorResponseException {

	/** Upstream's "the code is not correct". */
	static final int WRONG_CODE = 136025;

	UpstreamRefusedException(String action, GraphApiError error) {
		super(status(error), error.toProblem(status(error), "Graph API refused " + action + ": " + error.message()),
				null);
	}

	private static HttpStatus status(GraphApiError error) {
		return (error.code() != null && error.code() == WRONG_CODE) ? HttpStatus.UNPROCESSABLE_ENTITY
				: HttpStatus.BAD_GATEWAY;
	}

}
