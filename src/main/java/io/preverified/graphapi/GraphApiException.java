package io.preverified.graphapi;

/**
 * Thrown when the Graph API answers with an error or cannot be read.
 */
public class GraphApiException extends RuntimeException {

	private final GraphApiError error;

	GraphApiException(GraphApiError error) {
		super(describe(error));
		this.error = error;
	}

	public GraphApiError getError() {
		return this.error;
	}

	private static String describe(GraphApiError error) {
		StringBuilder description = new StringBuilder(error.message());
		if (error.code() != null) {
			description.append(" (code ").append(error.code());
			if (error.subcode() != null) {
				description.append(", subcode ").append(error.subcode());
			}
			description.append(")");
		}
		if (error.httpStatus() > 0) {
			description.append(" [HTTP ").append(error.httpStatus()).append("]");
		}
		return description.toString();
	}

}
