package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import io.preverified.web.ConflictException;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts runs: takes the business's lock, records the run and hands it to the pool of
 * sync threads, which holds at most {@code max-concurrent-businesses} runs at once.
 */
@Component
class SyncLauncher {

	private final SyncLocks locks;

	private final SyncRuns runs;

	private final BusinessSync businessSync;

	private final Executor executor;

	private final SyncShutdown shutdown;

	private final Clock clock;

	SyncLauncher(SyncLocks locks, SyncRuns runs, BusinessSync businessSync,
			@Qualifier("syncExecutor") Executor executor, SyncShutdown shutdown, Clock clock) {
		this.shutdown = shutdown;
		this.clock = clock;
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
	Optional<StartedRun> start(SyncProperties.Business business, SyncRun.Trigger trigger) {
		return start(business, trigger, () -> true);
	}

	/**
	 * Starts a scheduled run of a business if it is due: checked again once its lock is
	 * held, since another replica may have just run it.
	 * @param business the business
	 * @param interval time between the end of a run and the start of the next
	 * @return the run started and its completion, or empty when it is running or not due
	 */
	Optional<StartedRun> startIfDue(SyncProperties.Business business, Duration interval) {
		return start(business, SyncRun.Trigger.SCHEDULED,
				() -> this.runs.lastFinishedAt(business.id())
					.map((finished) -> !finished.plus(interval).isAfter(this.clock.instant()))
					.orElse(true));
	}

	private Optional<StartedRun> start(SyncProperties.Business business, SyncRun.Trigger trigger, BooleanSupplier due) {
		if (this.shutdown.isStopping()) {
			throw new ServiceStoppingException();
		}
		Optional<SimpleLock> lock = this.locks.tryLock(business.id());
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try {
			this.runs.failAbandoned(business.id());
			if (!due.getAsBoolean()) {
				lock.get().unlock();
				return Optional.empty();
			}
			SyncRun run = this.runs.start(business.id(), trigger);
			CompletableFuture<Void> completion = CompletableFuture
				.runAsync(() -> this.businessSync.run(run.getId(), business), this.executor)
				.whenComplete((result, failure) -> lock.get().unlock());
			return Optional.of(new StartedRun(run, completion));
		}
		catch (RuntimeException ex) {
			lock.get().unlock();
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
	void failAbandonedRuns(SyncProperties.Business business) {
		this.locks.tryLock(business.id()).ifPresent((lock) -> {
			try {
				this.runs.failAbandoned(business.id());
			}
			finally {
				lock.unlock();
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

}
