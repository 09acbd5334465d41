package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.preverified.graphapi.FetchedNumber;
import io.preverified.graphapi.GraphApiClient;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.NumbersPage;
import io.preverified.numbers.ListedNumber;
import io.preverified.numbers.NumberWriter;
import io.preverified.numbers.PageWriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Performs one run of one business: every page from upstream into the database, then the
 * numbers no longer listed marked as removed. A run that fails removes nothing. Each page
 * commits together with the counts it adds to the run's record, so a run that fails
 * half-way keeps what it fetched.
 */
@Component
class BusinessSync {

	private static final Logger logger = LoggerFactory.getLogger(BusinessSync.class);

	private final GraphApiClient graphApi;

	private final SyncRunLifecycle runs;

	private final NumberWriter numbers;

	private final TransactionTemplate transactions;

	private final SyncProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SyncMetrics metrics;

	private final SyncShutdown shutdown;

	private final SyncSlotPool slots;

	private final ObservationRegistry observations;

	BusinessSync(GraphApiClient graphApi, SyncRunLifecycle runs, NumberWriter numbers, TransactionTemplate transactions,
			SyncProperties properties, Clock clock, ApplicationEventPublisher events, SyncMetrics metrics,
			SyncShutdown shutdown, SyncSlotPool slots, ObservationRegistry observations) {
		this.graphApi = graphApi;
		this.runs = runs;
		this.numbers = numbers;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
		this.metrics = metrics;
		this.shutdown = shutdown;
		this.slots = slots;
		this.observations = observations;
	}

	/**
	 * Performs a run.
	 * @param run the run
	 * @param requester the observation of the request that asked for it, the parent of
	 * the run's span; {@code null} for a scheduled run, whose span starts a trace
	 */
	void run(ActiveRun run, Observation requester) {
		this.shutdown.runStarted();
		// the run's span is current while it runs: the calls upstream, the page writes
		// and what listens for the run's end are its children
		Observation observation = RunObservations.run(run, this.observations).parentObservation(requester).start();
		try (Observation.Scope scope = observation.openScope();
				MDC.MDCCloseable businessId = MDC.putCloseable("business_id", run.businessId());
				MDC.MDCCloseable runId = MDC.putCloseable("run_id", Long.toString(run.id()));
				SyncSlotPool.Slot slot = this.slots.take(observation)) {
			runWithContext(run, slot, observation);
		}
		finally {
			observation.stop();
			this.shutdown.runEnded();
		}
	}

	private void runWithContext(ActiveRun run, SyncSlotPool.Slot slot, Observation observation) {
		logger.info("Run {} of business {} started", run.id(), run.businessId());
		SyncRun succeeded = null;
		Instant started = this.clock.instant();
		try {
			this.runs.begin(run);
			int pages = 0;
			// one page is asked for at a time: the next request goes out once this one is
			// stored. Signals keep their order, so an error never overtakes a page
			// received before it. The slot is lent while the client pauses for this
			// business, and reclaimed before the next write. The run's span goes along
			// with the requests, across the client's threads.
			for (Signal<NumbersPage> signal : untilShutdown(withDeadline(
					this.graphApi.fetchNumbers(run.businessId(), run.business().accessToken(), (pause) -> slot.lend())))
				.materialize()
				.contextCapture()
				.toIterable(1)) {
				slot.reclaim();
				if (signal.isOnError()) {
					throw Exceptions.propagate(signal.getThrowable());
				}
				if (this.shutdown.isStopping()) {
					throw new RunInterruptedException("Interrupted by shutdown before page " + (pages + 1));
				}
				if (signal.isOnNext()) {
					pages++;
					store(run, signal.get(), pages);
				}
			}
			succeeded = RunObservations.removal(run, this.observations).observe(() -> this.runs.succeed(run));
			logger.info("Run {} of business {} succeeded", run.id(), run.businessId());
		}
		catch (GraphApiException ex) {
			logger.warn("Run {} of business {} failed: {}", run.id(), run.businessId(), ex.getMessage());
			fail(run, SyncRun.RunError.of(ex), false, observation);
		}
		catch (RunInterruptedException ex) {
			logger.warn("Run {} of business {} failed: {}", run.id(), run.businessId(), ex.getMessage());
			fail(run, SyncRun.RunError.of(ex.getMessage()), true, observation);
		}
		catch (RunTimeoutException | RunFencedException ex) {
			logger.warn("Run {} of business {} failed: {}", run.id(), run.businessId(), ex.getMessage());
			fail(run, SyncRun.RunError.of(ex.getMessage()), false, observation);
		}
		catch (RuntimeException ex) {
			logger.warn("Run {} of business {} failed", run.id(), run.businessId(), ex);
			fail(run, SyncRun.RunError.of(describe(ex)), false, observation);
		}
		finally {
			RunObservations.ended(observation, succeeded);
			afterEnd(run, succeeded, started);
		}
	}

	// the page and the counts it adds commit together, behind the run's fence
	private void store(ActiveRun run, NumbersPage page, int number) {
		Observation observation = RunObservations.page(run, number, page.numbers().size(), this.observations);
		observation.observe(() -> this.transactions.executeWithoutResult((status) -> {
			SyncRun record = this.runs.fenced(run);
			PageWriteResult written = this.numbers.write(run.listing(),
					page.numbers().stream().map(BusinessSync::listed).toList(), this.clock.instant());
			record.addPage(page, written);
			RunObservations.written(observation, written);
		}));
	}

	private static ListedNumber listed(FetchedNumber number) {
		return new ListedNumber(number.id(), number.phoneNumber(), number.codeVerificationStatus(),
				number.codeVerificationTime(), number.verificationExpiryTime(), number.ownerBusinessId(),
				number.ownerBusinessName());
	}

	// the database may be what failed the run: its record is then ended as abandoned by
	// the next replica (this one included) that takes the business's lock. A run left
	// because this replica stops is not one the schedule counts from
	private void fail(ActiveRun run, SyncRun.RunError error, boolean left, Observation observation) {
		RunObservations.failed(observation, error);
		try {
			if (left) {
				this.runs.leave(run.id(), error);
			}
			else {
				this.runs.fail(run.id(), error);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the end of run {} of business {}; it is marked failed once the business's "
					+ "lock is taken again", run.id(), run.businessId(), ex);
		}
	}

	// nothing after a run's end may throw: the caller's schedule goes on from here
	private void afterEnd(ActiveRun run, SyncRun succeeded, Instant started) {
		Instant ended = this.clock.instant();
		attempt("count the numbers after run " + run.id(),
				() -> this.metrics.runEnded(run.businessId(), succeeded, Duration.between(started, ended), ended));
		attempt("announce the end of run " + run.id(),
				() -> this.events.publishEvent(new SyncRunEnded(run.businessId(), run.id(), succeeded != null)));
	}

	private static void attempt(String what, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.error("Could not {}", what, ex);
		}
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

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (cause == ex) ? message : ex.getClass().getSimpleName() + ": " + message;
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

}
