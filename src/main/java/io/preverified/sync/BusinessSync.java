package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import io.preverified.graphapi.GraphApiClient;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.NumbersPage;
import io.preverified.numbers.NumberWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Performs one run of one business: every page from upstream into the database, then the
 * numbers no longer listed marked as removed. A run that fails removes nothing.
 */
@Component
class BusinessSync {

	private static final Logger logger = LoggerFactory.getLogger(BusinessSync.class);

	private final GraphApiClient graphApi;

	private final SyncRuns runs;

	private final NumberWriter numbers;

	private final SyncProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SyncMetrics metrics;

	private final SyncShutdown shutdown;

	BusinessSync(GraphApiClient graphApi, SyncRuns runs, NumberWriter numbers, SyncProperties properties, Clock clock,
			ApplicationEventPublisher events, SyncMetrics metrics, SyncShutdown shutdown) {
		this.events = events;
		this.shutdown = shutdown;
		this.metrics = metrics;
		this.graphApi = graphApi;
		this.runs = runs;
		this.numbers = numbers;
		this.properties = properties;
		this.clock = clock;
	}

	void run(long runId, SyncProperties.Business business) {
		this.shutdown.runStarted();
		try (MDC.MDCCloseable businessId = MDC.putCloseable("business_id", business.id());
				MDC.MDCCloseable run = MDC.putCloseable("run_id", Long.toString(runId))) {
			runWithContext(runId, business);
		}
		finally {
			this.shutdown.runEnded();
		}
	}

	private void runWithContext(long runId, SyncProperties.Business business) {
		logger.info("Run {} of business {} started", runId, business.id());
		boolean succeeded = false;
		int pages = 0;
		Instant started = this.clock.instant();
		try {
			this.runs.begin(runId);
			// one page is asked for at a time: the next request goes out once this one is
			// stored.
			// Signals keep their order, so an error never overtakes a page received
			// before it.
			for (Signal<NumbersPage> signal : untilShutdown(
					withDeadline(this.graphApi.fetchNumbers(business.id(), business.accessToken())))
				.materialize()
				.toIterable(1)) {
				if (signal.isOnError()) {
					throw Exceptions.propagate(signal.getThrowable());
				}
				if (this.shutdown.isStopping()) {
					throw new RunInterruptedException("Interrupted by shutdown before page " + (pages + 1));
				}
				if (signal.isOnNext()) {
					this.runs.recordPage(runId, business.id(), signal.get());
					pages++;
				}
			}
			this.runs.succeed(runId, business.id());
			succeeded = true;
			logger.info("Run {} of business {} succeeded", runId, business.id());
		}
		catch (GraphApiException ex) {
			logger.warn("Run {} of business {} failed: {}", runId, business.id(), ex.getMessage());
			this.runs.fail(runId, SyncRun.RunError.of(ex));
		}
		catch (RunTimeoutException | RunInterruptedException ex) {
			logger.warn("Run {} of business {} failed: {}", runId, business.id(), ex.getMessage());
			this.runs.fail(runId, SyncRun.RunError.of(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.warn("Run {} of business {} failed", runId, business.id(), ex);
			this.runs.fail(runId, SyncRun.RunError.of(describe(ex)));
		}
		finally {
			this.numbers.forgetListings(runId);
		}
		Instant ended = this.clock.instant();
		this.metrics.runEnded(business.id(), succeeded, Duration.between(started, ended), ended);
		this.events.publishEvent(new SyncRunEnded(business.id(), runId, succeeded));
	}

	// a shutdown ends the stream at once, as a failure: a run cut short must not remove
	// anything
	private Flux<NumbersPage> untilShutdown(Flux<NumbersPage> pages) {
		return pages.takeUntilOther(this.shutdown.stopped())
			.concatWith(Mono.defer(() -> this.shutdown.isStopping()
					? Mono.error(new RunInterruptedException("Interrupted by shutdown")) : Mono.empty()));
	}

	// the whole run, not each page, has to end within the timeout
	private Flux<NumbersPage> withDeadline(Flux<NumbersPage> pages) {
		Duration timeout = this.properties.sync().runTimeout();
		Instant deadline = this.clock.instant().plus(timeout);
		return pages.timeout(Mono.delay(timeout), (page) -> Mono.delay(remaining(deadline)))
			.onErrorMap(TimeoutException.class, (ex) -> new RunTimeoutException(
					"Run did not end within preverified.sync.run-timeout (" + timeout + ")"));
	}

	private Duration remaining(Instant deadline) {
		Duration remaining = Duration.between(this.clock.instant(), deadline);
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	/**
	 * A run stopped because the service stops.
	 */
	static class RunInterruptedException extends RuntimeException {

		RunInterruptedException(String message) {
			super(message);
		}

	}

	/**
	 * A run that did not end in time.
	 */
	static class RunTimeoutException extends RuntimeException {

		RunTimeoutException(String message) {
			super(message);
		}

	}

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (cause == ex) ? message : ex.getClass().getSimpleName() + ": " + message;
	}

}
