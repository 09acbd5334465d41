package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.preverified.businesses.Business;
import io.preverified.web.ConflictException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts runs: takes the business's lock, ends the runs a dead replica left behind,
 * records the run and hands it to the pool of sync threads, which holds at most
 * {@code max-concurrent-businesses} runs at once. The run keeps the lock until it ends.
 */
@Component
class SyncLauncher {

	private final SyncLockRegistry locks;

	private final SyncRunLifecycle runs;

	private final BusinessSync businessSync;

	private final Executor executor;

	private final SyncShutdown shutdown;

	private final Clock clock;

	private final ObservationRegistry observations;

	SyncLauncher(SyncLockRegistry locks, SyncRunLifecycle runs, BusinessSync businessSync,
			@Qualifier("syncExecutor") Executor executor, SyncShutdown shutdown, Clock clock,
			ObservationRegistry observations) {
		this.shutdown = shutdown;
		this.clock = clock;
		this.observations = observations;
		this.locks = locks;
		this.runs = runs;
		this.businessSync = businessSync;
		this.executor = executor;
	}

	/**
	 * Starts a run of a business unless one is running, here or on another replica.
	 * @param business the business
	 * @param trigger what asks for the run
	 * @return the run started and its completion, or empty when one is running
	 */
	Optional<StartedRun> start(Business business, SyncRun.Trigger trigger) {
		return Optional.ofNullable(start(business, trigger, () -> true).started());
	}

	/**
	 * Starts a scheduled run of a business if it is due: checked once its lock is held,
	 * since another replica may have just run it.
	 * @param business the business
	 * @param interval time between the end of a run and the start of the next
	 * @return whether the run started, the lock was busy, or the business is not due
	 */
	Launch startIfDue(Business business, Duration interval) {
		return start(business, SyncRun.Trigger.SCHEDULED,
				() -> this.runs.lastFinishedAt(business.id())
					.map((finished) -> !finished.plus(interval).isAfter(this.clock.instant()))
					.orElse(true));
	}

	private Launch start(Business business, SyncRun.Trigger trigger, BooleanSupplier due) {
		if (this.shutdown.isStopping()) {
			throw new ServiceStoppingException();
		}
		Optional<RunLease> held = this.locks.tryLock(business.id());
		if (held.isEmpty()) {
			return Launch.BUSY;
		}
		RunLease lease = held.get();
		try {
			this.runs.failAbandoned(business.id());
			if (!due.getAsBoolean()) {
				lease.close();
				return Launch.NOT_DUE;
			}
			SyncRun run = this.runs.start(business.id(), trigger);
			// a run asked for through the API joins that request's trace, and takes
			// nothing else of this thread (a key's scope above all)
			Observation requester = this.observations.getCurrentObservation();
			CompletableFuture<Void> completion = CompletableFuture
				.runAsync(() -> this.businessSync.run(new ActiveRun(run.getId(), business, trigger, lease), requester),
						this.executor)
				.whenComplete((result, failure) -> lease.close());
			return new Launch(new StartedRun(run, completion));
		}
		catch (RuntimeException ex) {
			lease.close();
			throw ex;
		}
	}

	boolean isStopping() {
		return this.shutdown.isStopping();
	}

	/**
	 * Marks as failed the runs of a business that a stopped replica left running, unless
	 * a live replica holds its lock.
	 * @param business the business
	 */
	void failAbandonedRuns(Business business) {
		this.locks.tryLock(business.id()).ifPresent((lease) -> {
			try (lease) {
				this.runs.failAbandoned(business.id());
			}
		});
	}

	/**
	 * Thrown when a run is asked for while the service stops.
	 */
	static class ServiceStoppingException extends ConflictException {

		ServiceStoppingException() {
			super("The service is stopping; runs start again on the next instance");
		}

	}

	/**
	 * A run that was started.
	 *
	 * @param run the run as recorded at its start
	 * @param completion completes when the run has ended
	 */
	record StartedRun(SyncRun run, CompletableFuture<Void> completion) {

	}

	/**
	 * What came of asking for a scheduled run.
	 *
	 * @param started the run, when it started
	 * @param busy whether another run of the business holds its lock
	 */
	record Launch(StartedRun started, boolean busy) {

		static final Launch BUSY = new Launch(null, true);

		static final Launch NOT_DUE = new Launch(null, false);

		Launch(StartedRun started) {
			this(started, false);
		}

	}

}
