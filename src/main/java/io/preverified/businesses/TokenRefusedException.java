package io.preverified.businesses;

import io.preverified.graphapi.GraphApiError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when upstream refused a token tried before it is kept: {@code 422} with
 * upstream's code and message when it refused the token itself, {@code 502} when it could
 * not tell.
 */
class TokenRefusedException extends ErrorResponseException {

	TokenRefusedException(String businessId, GraphApiError error) {
		super(status(error),
				error.toProblem(status(error),
						"Graph API did not accept the token for business " + businessId + ": " + error.message()),
				null);
	}

	// the token's own refusals: invalid (190 and the other auth codes), or without the
	// permission (10, 200-299), or not for this business (100)
	private static HttpStatus status(GraphApiError error) {
		Integer code = error.code();
		boolean refused = code != null
				&& (code == 190 || code == 102 || code == 10 || code == 100 || (code >= 200 && code <= 299));
		return refused ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_GATEWAY;
	}

}
