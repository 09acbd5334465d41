package io.preverified.sync;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs every configured business on its interval: the next run of a business is due an
 * interval after its last run ended, whichever replica ran it. The scheduler thread only
 * hands runs to the sync pool; it never waits for one.
 */
@Component
class SyncScheduler {

	private static final Logger logger = LoggerFactory.getLogger(SyncScheduler.class);

	private final SyncProperties properties;

	private final SyncLauncher launcher;

	private final SyncRuns runs;

	private final TaskScheduler taskScheduler;

	private final Clock clock;

	SyncScheduler(SyncProperties properties, SyncLauncher launcher, SyncRuns runs, TaskScheduler taskScheduler,
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
			this.launcher.failAbandonedRuns(business);
			schedule(business, first);
		}
	}

	private void schedule(SyncProperties.Business business, Instant at) {
		this.taskScheduler.schedule(() -> runIfDue(business), at);
	}

	private void runIfDue(SyncProperties.Business business) {
		if (this.launcher.isStopping()) {
			return;
		}
		try {
			// not due (another replica or a manual run ran it lately): next is due an
			// interval after that run
			this.launcher.startIfDue(business, this.properties.sync().interval())
				.ifPresentOrElse(
						(started) -> started.completion().whenComplete((result, failure) -> scheduleNext(business)),
						() -> scheduleNext(business));
		}
		catch (RuntimeException ex) {
			logger.error("Could not start the scheduled run of business {}", business.id(), ex);
			scheduleNext(business);
		}
	}

	// an interval after the business's last run ended, or from now when it never ran
	private void scheduleNext(SyncProperties.Business business) {
		Instant now = this.clock.instant();
		Instant next = this.runs.lastFinishedAt(business.id())
			.map((finished) -> finished.plus(this.properties.sync().interval()))
			.filter(now::isBefore)
			.orElse(now.plus(this.properties.sync().interval()));
		schedule(business, next);
	}

}
