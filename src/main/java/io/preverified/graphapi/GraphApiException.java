package io.preverified.graphapi;

/**
 * Thrown when the Graph API answers with an error, cannot be reached or cannot be read.
 */
public class GraphApiException extends RuntimeException {

	private final GraphApiError error;

	private final int attempts;

	private final boolean circuitOpen;

	GraphApiException(GraphApiError error) {
		this(error, null);
	}

	GraphApiException(GraphApiError error, Throwable cause) {
		this(describe(error), error, 1, false, cause);
	}

	private GraphApiException(String message, GraphApiError error, int attempts, boolean circuitOpen, Throwable cause) {
		super(message, cause);
		this.error = error;
		this.attempts = attempts;
		this.circuitOpen = circuitOpen;
	}

	/**
	 * What upstream said, or what went wrong on the way.
	 * @return the error
	 */
	public GraphApiError getError() {
		return this.error;
	}

	/**
	 * How many requests were made for the failed call, retries included; {@code 0} when
	 * the circuit was open and none was made.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Whether the call was refused without a request because the business's circuit was
	 * open.
	 * @return whether the circuit was open
	 */
	public boolean isCircuitOpen() {
		return this.circuitOpen;
	}

	GraphApiException afterAttempts(int attempts) {
		return new GraphApiException(getMessage(), this.error, attempts, this.circuitOpen, getCause());
	}

	static GraphApiException circuitOpen(String businessId) {
		GraphApiError error = new GraphApiError(0, null, null, null, "Calls for business " + businessId
				+ " are suspended after repeated failures (circuit open); no request was made", null, false);
		return new GraphApiException(error.message(), error, 0, true, null);
	}

	/**
	 * A page whose body is larger than the client reads; worded as upstream's own "reduce
	 * the amount of data" error, so that it halves the page size the same way.
	 * @param maxBytes the largest body read
	 * @param cause the failure of the read
	 * @return the error
	 */
	static GraphApiException pageTooLarge(int maxBytes, Throwable cause) {
		return new GraphApiException(new GraphApiError(200, null, null, null, "Graph API page was larger than "
				+ (maxBytes / (1024 * 1024)) + " MB; asking again to reduce the amount of data", null, false), cause);
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
