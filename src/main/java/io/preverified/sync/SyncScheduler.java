package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.BusinessesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs every business on its interval: the next run of a business is due an interval
 * after its last run ended, whichever replica ran it. A business added at runtime runs at
 * once; a paused one is looked at again soon but not run; a removed one's schedule ends.
 * The scheduler thread only hands runs to the sync pool; it never waits for one. Nothing
 * else ends a business's schedule: when its lock is busy or the database does not answer,
 * it asks again soon (within {@link #RETRY}, or a lock lease when that is shorter), so a
 * lock left by a dead replica is taken once it lapses and runs resume once the database
 * is back.
 */
@Component
class SyncScheduler {

	private static final Logger logger = LoggerFactory.getLogger(SyncScheduler.class);

	static final Duration RETRY = Duration.ofSeconds(30);

	private final SyncProperties properties;

	private final BusinessDirectory businesses;

	private final SyncLauncher launcher;

	private final SyncRunLifecycle runs;

	private final TaskScheduler taskScheduler;

	private final Clock clock;

	// the businesses whose runs are scheduled here: each has one chain of scheduled runs
	private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

	SyncScheduler(SyncProperties properties, BusinessDirectory businesses, SyncLauncher launcher, SyncRunLifecycle runs,
			TaskScheduler taskScheduler, Clock clock) {
		this.properties = properties;
		this.businesses = businesses;
		this.launcher = launcher;
		this.runs = runs;
		this.taskScheduler = taskScheduler;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleAll() {
		Instant first = this.clock.instant().plus(this.properties.sync().initialDelay());
		for (Business business : this.businesses.all()) {
			try {
				this.launcher.failAbandonedRuns(business);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not check business {} for abandoned runs; its first run does", business.id(), ex);
			}
			start(business.id(), first);
		}
	}

	// a business added at runtime syncs at once
	@EventListener
	void businessesChanged(BusinessesChanged changed) {
		changed.added().forEach((businessId) -> start(businessId, this.clock.instant()));
	}

	private void start(String businessId, Instant at) {
		if (this.scheduled.add(businessId)) {
			schedule(businessId, at);
		}
	}

	private void schedule(String businessId, Instant at) {
		try {
			this.taskScheduler.schedule(() -> runIfDue(businessId), at);
		}
		catch (RuntimeException ex) {
			// only a scheduler that shuts down refuses
			logger.info("Run of business {} not scheduled: {}", businessId, ex.getMessage());
		}
	}

	private void runIfDue(String businessId) {
		if (this.launcher.isStopping()) {
			return;
		}
		Business business = this.businesses.find(businessId).orElse(null);
		if (business == null) {
			// removed: its chain ends here, and starts again should it come back
			this.scheduled.remove(businessId);
			if (this.businesses.find(businessId).isPresent()) {
				start(businessId, this.clock.instant());
			}
			return;
		}
		if (business.paused()) {
			schedule(businessId, soon());
			return;
		}
		try {
			SyncLauncher.Launch launch = this.launcher.startIfDue(business, interval());
			if (launch.started() != null) {
				launch.started().completion().whenComplete((result, failure) -> scheduleNext(businessId));
			}
			else if (launch.busy()) {
				schedule(businessId, soon());
			}
			else {
				// another replica or a manual run ran it lately: next is due an interval
				// after that run
				scheduleNext(businessId);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not start the scheduled run of business {}; trying again at {}", businessId, soon(),
					ex);
			schedule(businessId, soon());
		}
	}

	// an interval after the business's last run ended, or from now when it never ran
	private void scheduleNext(String businessId) {
		Instant now = this.clock.instant();
		Instant next;
		try {
			next = this.runs.lastFinishedAt(businessId)
				.map((finished) -> finished.plus(interval()))
				.filter(now::isBefore)
				.orElse(now.plus(interval()));
		}
		catch (RuntimeException ex) {
			next = soon();
			logger.warn("Could not read when business {} last ran; trying again at {}", businessId, next, ex);
		}
		schedule(businessId, next);
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
