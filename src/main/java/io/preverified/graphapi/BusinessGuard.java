package io.preverified.graphapi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.retry.Retry;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Mono;

/**
 * Protects the calls of one business: it waits for its {@link Throttle}, retries what the
 * call's {@link CallPolicy} finds worth retrying with Resilience4j's {@link Retry}, and,
 * for the calls of runs, fails fast through its {@link CircuitBreaker} once they keep
 * failing. One business's guard never delays another's calls.
 */
final class BusinessGuard {

	private final String businessId;

	private final Throttle throttle;

	private final Map<CallPolicy, Retry> retries;

	private final CircuitBreaker circuitBreaker;

	private final PauseScheduler pauses;

	BusinessGuard(String businessId, Throttle throttle, Map<CallPolicy, Retry> retries, CircuitBreaker circuitBreaker,
			PauseScheduler pauses) {
		this.businessId = businessId;
		this.throttle = throttle;
		this.retries = retries;
		this.circuitBreaker = circuitBreaker;
		this.pauses = pauses;
	}

	/**
	 * Makes a call, with the retries of its policy, and for a policy that says so under
	 * the business's circuit breaker.
	 * @param policy how the call is retried
	 * @param call makes one attempt; subscribed once per attempt
	 * @param observation the call's, whose span records each throttle wait and retry
	 * @param <T> the result type
	 * @return the result of the first successful attempt, or the error of the last one,
	 * as a {@link GraphApiException} that tells how many attempts were made
	 */
	<T> Mono<T> call(CallPolicy policy, Supplier<Mono<T>> call, Observation observation) {
		Mono<T> retried = Mono
			.defer(() -> attempt(call, this.retries.get(policy).<T>asyncContext(), new AtomicInteger(), observation));
		if (!policy.underCircuitBreaker()) {
			return retried;
		}
		return retried.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
			.onErrorMap(CallNotPermittedException.class, (ex) -> GraphApiException.circuitOpen(this.businessId));
	}

	private <T> Mono<T> attempt(Supplier<Mono<T>> call, Retry.AsyncContext<T> context, AtomicInteger attempts,
			Observation observation) {
		return this.throttle.awaitTurn((wait) -> observation.event(Event.throttled(wait))).then(Mono.defer(() -> {
			attempts.incrementAndGet();
			return call.get();
		})).doOnSuccess((result) -> context.onComplete()).onErrorResume((ex) -> {
			long waitMillis = context.onError(ex);
			if (waitMillis < 0) {
				return Mono.error((ex instanceof GraphApiException graphApiException)
						? graphApiException.afterAttempts(attempts.get()) : ex);
			}
			observation.event(Event.retry(attempts.get(), GraphApiErrorClassifier.outcome(ex), waitMillis));
			return this.pauses.pause(Duration.ofMillis(waitMillis)).then(attempt(call, context, attempts, observation));
		});
	}

	Throttle throttle() {
		return this.throttle;
	}

	CircuitBreaker.State circuitState() {
		return this.circuitBreaker.getState();
	}

	/**
	 * What a call's span records of its waits.
	 */
	private static final class Event {

		private Event() {
		}

		static Observation.Event throttled(Duration wait) {
			return Observation.Event.of("throttle wait", "throttle wait " + wait.toMillis() + " ms");
		}

		static Observation.Event retry(int attempt, String outcome, long waitMillis) {
			return Observation.Event.of("retry",
					"retry after attempt " + attempt + " (" + outcome + ") in " + waitMillis + " ms");
		}

	}

}
