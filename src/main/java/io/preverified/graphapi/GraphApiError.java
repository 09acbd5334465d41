package io.preverified.graphapi;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

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

	/**
	 * The RFC 9457 problem of a call this error failed, with upstream's code, subcode,
	 * message and trace id as properties.
	 * @param status the answer's status
	 * @param detail what failed, this error's message included
	 * @return the problem
	 */
	public ProblemDetail toProblem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", this.code);
		problem.setProperty("subcode", this.subcode);
		problem.setProperty("message", this.message);
		problem.setProperty("fbtrace_id", this.fbtraceId);
		return problem;
	}

}
