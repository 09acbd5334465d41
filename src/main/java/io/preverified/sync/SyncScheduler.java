package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs every configured business on its interval: the next run of a business is due an
 * interval after its last run ended, whichever replica ran it. The scheduler thread only
 * hands runs to the sync pool; it never waits for one. Nothing ends a business's
 * schedule: when its lock is busy or the database does not answer, it asks again soon
 * (within {@link #RETRY}, or a lock lease when that is shorter), so a lock left by a dead
 * replica is taken once it lapses and runs resume once the database is back.
 */
@Component
class SyncScheduler {

	private static final Logger logger = LoggerFactory.getLogger(SyncScheduler.class);

	static final Duration RETRY = Duration.ofSeconds(30);

	private final SyncProperties properties;

	private final SyncLauncher launcher;

	private final SyncRunLifecycle runs;

	private final TaskScheduler taskScheduler;

	private final Clock clock;

	SyncScheduler(SyncProperties properties, SyncLauncher launcher, SyncRunLifecycle runs, TaskScheduler taskScheduler,
			Clock clock) {
		this.properties = properties;
		this.launcher = launcher;
		this.runs = runs;
		this.taskScheduler = taskScheduler;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleAll() {
		Instant first = this.clock.instant().plus(this.properties.sync().initialDelay());
		for (SyncProperties.Business business : this.properties.businesses()) {
			try {
				this.launcher.failAbandonedRuns(business);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not check business {} for abandoned runs; its first run does", business.id(), ex);
			}
			schedule(business, first);
		}
	}

	private void schedule(SyncProperties.Business business, Instant at) {
		try {
			this.taskScheduler.schedule(() -> runIfDue(business), at);
		}
		catch (RuntimeException ex) {
			// only a scheduler that shuts down refuses
			logger.info("Run of business {} not scheduled: {}", business.id(), ex.getMessage());
		}
	}

	private void runIfDue(SyncProperties.Business business) {
		if (this.launcher.isStopping()) {
			return;
		}
		try {
			SyncLauncher.Launch launch = this.launcher.startIfDue(business, interval());
			if (launch.started() != null) {
				launch.started().completion().whenComplete((result, failure) -> scheduleNext(business));
			}
			else if (launch.busy()) {
				schedule(business, soon());
			}
			else {
				// another replica or a manual run ran it lately: next is due an interval
				// after
				// that run
				scheduleNext(business);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not start the scheduled run of business {}; trying again at {}", business.id(), soon(),
					ex);
			schedule(business, soon());
		}
	}

	// an interval after the business's last run ended, or from now when it never ran
	private void scheduleNext(SyncProperties.Business business) {
		Instant now = this.clock.instant();
		Instant next;
		try {
			next = this.runs.lastFinishedAt(business.id())
				.map((finished) -> finished.plus(interval()))
				.filter(now::isBefore)
				.orElse(now.plus(interval()));
		}
		catch (RuntimeException ex) {
			next = soon();
			logger.warn("Could not read when business {} last ran; trying again at {}", business.id(), next, ex);
		}
		schedule(business, next);
	}

	// a busy lock is asked for again once a lease could have lapsed: a replica that died
	// holding it is replaced within two leases
	private Instant soon() {
		Duration wait = Stream.of(interval(), this.properties.sync().lockLease(), RETRY)
			.min(Comparator.naturalOrder())
			.orElseThrow();
		return this.clock.instant().plus(wait);
	}

	private Duration interval() {
		return this.properties.sync().interval();
	}

}
