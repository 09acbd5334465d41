package io.preverified.graphapi;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One {@link BusinessGuard} per business, made on first use. Its retries, one per
 * {@link CallPolicy}, follow {@code preverified.graph-api.retry}, backing off
 * exponentially with jitter; its circuit breaker takes Resilience4j's
 * {@code resilience4j.circuitbreaker.configs.graph-api} when configured, otherwise opens
 * when half of at least {@value #MINIMUM_CALLS} of the last {@value #WINDOW} calls
 * failed, and stays open for {@link #OPEN_FOR}. Throttling and slow calls never count as
 * failures.
 */
class BusinessGuardRegistry {

	static final String CONFIGURATION = "graph-api";

	static final int WINDOW = 10;

	static final int MINIMUM_CALLS = 3;

	static final Duration OPEN_FOR = Duration.ofMinutes(30);

	// longer than any call can take: retries and throttle waits are bounded well below it
	private static final Duration SLOW_CALL = Duration.ofDays(1);

	private final GraphApiProperties properties;

	private final RetryRegistry retries;

	private final CircuitBreakerRegistry circuitBreakers;

	private final MeterRegistry meters;

	private final PauseScheduler pauses;

	private final Clock clock;

	private final Map<String, BusinessGuard> guards = new ConcurrentHashMap<>();

	BusinessGuardRegistry(GraphApiProperties properties, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
			MeterRegistry meters, PauseScheduler pauses, Clock clock) {
		this.properties = properties;
		this.retries = retries;
		this.circuitBreakers = circuitBreakers;
		this.meters = meters;
		this.pauses = pauses;
		this.clock = clock;
	}

	BusinessGuard forBusiness(String businessId) {
		return this.guards.computeIfAbsent(businessId, this::create);
	}

	private BusinessGuard create(String businessId) {
		GraphApiProperties.Retry settings = this.properties.retry();
		Throttle throttle = new Throttle(businessId, settings.initialBackoff(), settings.maxBackoff(), this.pauses,
				this.clock);
		Gauge.builder("preverified.graph-api.usage", throttle, Throttle::lastUsagePercent)
			.description("Last rate-limit usage upstream reported for a business, in percent")
			.baseUnit("percent")
			.tag("business_id", businessId)
			.register(this.meters);
		IntervalFunction backoff = backoff(settings);
		Map<CallPolicy, Retry> retries = new EnumMap<>(CallPolicy.class);
		for (CallPolicy policy : CallPolicy.values()) {
			RetryConfig retryConfig = RetryConfig.custom()
				.maxAttempts(settings.maxAttempts())
				// a block reported by upstream is waited out by the throttle before the
				// next attempt
				.intervalBiFunction((attempt, outcome) -> throttle.isBlocking() ? 0L : backoff.apply(attempt))
				.retryOnException(policy.retryOn())
				.failAfterMaxAttempts(false)
				.build();
			retries.put(policy, this.retries.retry(policy.retryName(businessId), retryConfig));
		}
		CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker("graph-api-" + businessId,
				this.circuitBreakers.getConfiguration(CONFIGURATION)
					.orElseGet(BusinessGuardRegistry::defaultCircuitBreaker));
		return new BusinessGuard(businessId, throttle, retries, circuitBreaker, this.pauses);
	}

	private static IntervalFunction backoff(GraphApiProperties.Retry settings) {
		long initial = Math.max(1, settings.initialBackoff().toMillis());
		long max = Math.max(initial, settings.maxBackoff().toMillis());
		IntervalFunction exponential = IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 0.5, max);
		return (attempt) -> Math.min(max, exponential.apply(attempt));
	}

	private static CircuitBreakerConfig defaultCircuitBreaker() {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(WINDOW)
			.minimumNumberOfCalls(MINIMUM_CALLS)
			.failureRateThreshold(50)
			.waitDurationInOpenState(OPEN_FOR)
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			// a call is slow when upstream throttles it or retries wait: that is upstream
			// pacing the business, not failing it
			.slowCallDurationThreshold(SLOW_CALL)
			.ignoreException(
					(ex) -> GraphApiErrorClassifier.isReduceData(ex) || GraphApiErrorClassifier.isThrottling(ex))
			.build();
	}

}
