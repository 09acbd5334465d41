package io.preverified.graphapi;

/**
 * A failed Graph API call, in the shape of upstream's {@code GraphAPIError}.
 *
 * @param httpStatus HTTP status of the response, or 0 when none was received
 * @param code numeric error code, or {@code null}
 * @param subcode more specific error code, or {@code null}
 * @param type error category, or {@code null}
 * @param message human-readable message
 * @param fbtraceId trace id for Meta's support, or {@code null}
 * @param isTransient whether upstream flagged the error as temporary
 */
public record GraphApiError(int httpStatus, Integer code, Integer subcode, String type, String message,
		String fbtraceId, boolean isTransient) {

	// an upstream message of megabytes must not become a stored row or an answer of
	// megabytes
	public GraphApiError {
		type = UpstreamText.bounded(type, UpstreamText.SHORT);
		message = UpstreamText.bounded(message, UpstreamText.MESSAGE);
		fbtraceId = UpstreamText.bounded(fbtraceId, UpstreamText.SHORT);
	}

}
