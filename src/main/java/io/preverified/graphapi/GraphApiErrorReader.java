package io.preverified.graphapi;

import java.io.IOException;
import java.net.ConnectException;

import io.netty.handler.timeout.ReadTimeoutException;
import io.preverified.graphapi.payload.GraphApiErrorResponse;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * How the Graph API's answers and failures read: its {@code GraphAPIError} bodies, and
 * the transport failures that mean it could not be reached or read.
 */
final class GraphApiErrorReader {

	private GraphApiErrorReader() {
	}

	static GraphApiError error(JsonMapper jsonMapper, String version, int status, String body) {
		try {
			GraphApiErrorResponse.Error error = jsonMapper.readValue(body, GraphApiErrorResponse.class).error();
			if (error != null && error.message() != null) {
				String message = (error.code() != null && error.code() == GraphApiErrorClassifier.DEPRECATED_VERSION)
						? error.message() + " The configured preverified.graph-api.version is " + version
								+ ": raise it to a version Meta still serves."
						: error.message();
				return new GraphApiError(status, error.code(), error.subcode(), error.type(), message,
						error.fbtraceId(), Boolean.TRUE.equals(error.isTransient()));
			}
		}
		catch (JacksonException ex) {
			// not a Graph API error body, such as a proxy's HTML error page
		}
		// a body that is not upstream's own error comes from something in between: worth
		// another try
		return new GraphApiError(status, null, null, null,
				"Graph API answered HTTP " + status + " without a Graph API error body", null, true);
	}

	// a connection refused, reset or cut off, or a response stalled past the read
	// timeout,
	// before the headers or while reading the body
	static boolean isTransportFailure(Throwable ex) {
		if (ex instanceof GraphApiException) {
			return false;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebClientRequestException || cause instanceof IOException
					|| cause instanceof ReadTimeoutException || cause instanceof PrematureCloseException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * A call that got no answer. A request that never left, or a read, is worth another
	 * try; a write that may have reached upstream may have acted, and is not sent again.
	 * @param ex the transport failure
	 * @param write whether the call was a write
	 * @return the failure
	 */
	static GraphApiException unanswered(Throwable ex, boolean write) {
		Throwable cause = (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
		String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		boolean notSent = ex instanceof WebClientRequestException && ex.getCause() instanceof ConnectException;
		if (!write || notSent) {
			return new GraphApiException(
					new GraphApiError(0, null, null, null, "Graph API could not be reached: " + reason, null, true),
					ex);
		}
		return new GraphApiException(new GraphApiError(0, null, null, null,
				"No answer from the Graph API (" + reason + "); upstream may have acted, so the call is not retried",
				null, false), ex);
	}

}
