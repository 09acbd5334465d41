package io.preverified.graphapi;

import java.util.function.Predicate;

/**
 * How a kind of call is retried, and whether it counts towards the business's circuit
 * breaker. Every policy waits out upstream's throttling and backs off exponentially with
 * jitter ({@code preverified.graph-api.retry}).
 */
enum CallPolicy {

	/**
	 * A page of a run: retried on every failure worth another try, under the business's
	 * circuit breaker, which stops runs that keep failing.
	 */
	SYNC(GraphApiErrorClassifier::isRetryable, true, "", true),

	/**
	 * A read for an action or a check: it never acts, so it is retried like a page;
	 * outside the circuit, which watches the runs.
	 */
	READ(GraphApiErrorClassifier::isRetryable, false, "-read", true),

	/**
	 * A write: retried only when upstream surely did not act (the request never left, or
	 * upstream throttled it or called its error temporary), so that no retry sends a
	 * second code; outside the circuit, since a wrong code is no failure of upstream's.
	 */
	WRITE(GraphApiErrorClassifier::isSafeToRetryWrite, false, "-write", true),

	/**
	 * A token tried before it is kept: a read, but what upstream says of the token is not
	 * yet the business's (the token in use may be another).
	 */
	TRIAL(GraphApiErrorClassifier::isRetryable, false, "-read", false);

	private final Predicate<Throwable> retryOn;

	private final boolean underCircuitBreaker;

	private final String retryNameSuffix;

	private final boolean answersForTheToken;

	CallPolicy(Predicate<Throwable> retryOn, boolean underCircuitBreaker, String retryNameSuffix,
			boolean answersForTheToken) {
		this.retryOn = retryOn;
		this.underCircuitBreaker = underCircuitBreaker;
		this.retryNameSuffix = retryNameSuffix;
		this.answersForTheToken = answersForTheToken;
	}

	// whether upstream's answer tells whether the business's token is valid
	boolean answersForTheToken() {
		return this.answersForTheToken;
	}

	Predicate<Throwable> retryOn() {
		return this.retryOn;
	}

	boolean underCircuitBreaker() {
		return this.underCircuitBreaker;
	}

	// Resilience4j's name of the retry, in its metrics: graph-api-<business id> for runs
	String retryName(String businessId) {
		return "graph-api-" + businessId + this.retryNameSuffix;
	}

}
