package io.preverified.graphapi;

import java.io.IOException;

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

	static GraphApiException unreachable(Throwable ex) {
		Throwable cause = (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
		String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return new GraphApiException(
				new GraphApiError(0, null, null, null, "Graph API could not be reached: " + reason, null, true), ex);
	}

}
