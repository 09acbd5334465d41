package io.preverified.graphapi;

import java.time.Duration;

/**
 * Thrown instead of waiting when upstream blocks a business for longer than
 * {@code preverified.graph-api.retry.max-backoff}: a thread is not held for that long,
 * and the next run tries again.
 */
class GraphApiThrottledException extends GraphApiException {

	GraphApiThrottledException(String businessId, Duration blockedFor, Duration maxWait) {
		super(new GraphApiError(0, null, null, null,
				"Graph API blocks calls for business " + businessId + " for another " + blockedFor.toSeconds()
						+ "s (estimated_time_to_regain_access), longer than "
						+ "preverified.graph-api.retry.max-backoff (" + maxWait.toSeconds()
						+ "s); the run stops instead of " + "waiting",
				null, false));
	}

	// stays what it is, so that the circuit breaker can tell a block from a failure
	@Override
	GraphApiException afterAttempts(int attempts) {
		return this;
	}

}
