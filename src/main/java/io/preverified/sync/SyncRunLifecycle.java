package io.preverified.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.preverified.numbers.UnlistedNumberRemover;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of a run's record: start, end and abandonment, and the fence every write
 * of a run passes. A write goes through only while the run still holds its business's
 * lock and its record still says {@code RUNNING} (read under a row lock), so a run ended
 * by another replica, or one that lost its lock, never writes again and never turns from
 * {@code FAILED} to {@code SUCCEEDED}.
 */
@Service
class SyncRunLifecycle {

	private final SyncRunRepository runs;

	private final UnlistedNumberRemover unlisted;

	private final SyncProperties properties;

	private final Clock clock;

	SyncRunLifecycle(SyncRunRepository runs, UnlistedNumberRemover unlisted, SyncProperties properties, Clock clock) {
		this.runs = runs;
		this.unlisted = unlisted;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	SyncRun start(String businessId, SyncRun.Trigger trigger) {
		return this.runs.save(new SyncRun(businessId, trigger, this.clock.instant()));
	}

	/**
	 * Marks as failed the runs of a business left running by a replica that stopped, or
	 * lost the database, before it could end them. Called only while holding the
	 * business's lock, so none of them can still write.
	 * @param businessId the business
	 */
	@Transactional
	void failAbandoned(String businessId) {
		for (SyncRun run : this.runs.findByBusinessIdAndStatus(businessId, SyncRun.Status.RUNNING)) {
			run.abandon(
					SyncRun.RunError
						.of("Abandoned: the replica running it stopped or lost the database before the run ended"),
					this.clock.instant());
		}
	}

	@Transactional
	void begin(ActiveRun run) {
		fenced(run).begin(this.clock.instant());
	}

	/**
	 * Ends a run that listed every page: removes what it no longer lists, within the
	 * removal guard.
	 * @param run the run
	 * @return its record, now {@code SUCCEEDED}
	 */
	@Transactional
	SyncRun succeed(ActiveRun run) {
		SyncRun record = fenced(run);
		Instant now = this.clock.instant();
		UnlistedNumberRemover.Removal removal = this.unlisted.remove(run.listing(), record.getStartedAt(),
				this.properties.sync().removalGuard(), now);
		record.succeed(removal.removed(), removal.held(), now);
		return record;
	}

	/**
	 * Ends a run as failed, unless it already ended.
	 * @param runId the run
	 * @param error why it failed
	 */
	@Transactional
	void fail(long runId, SyncRun.RunError error) {
		this.runs.findForUpdate(runId)
			.filter(SyncRun::isRunning)
			.ifPresent((run) -> run.fail(error, this.clock.instant()));
	}

	/**
	 * Ends as failed a run its replica leaves because it stops: like one abandoned, it is
	 * not a run the business's schedule counts from, so the replica that takes the
	 * business over syncs it at once rather than an interval later.
	 * @param runId the run
	 * @param error why it stopped
	 */
	@Transactional
	void leave(long runId, SyncRun.RunError error) {
		this.runs.findForUpdate(runId)
			.filter(SyncRun::isRunning)
			.ifPresent((run) -> run.abandon(error, this.clock.instant()));
	}

	/**
	 * The record of a run that may still write, locked until the caller's transaction
	 * ends.
	 * @param run the run
	 * @return its record
	 * @throws RunFencedException when the run lost its lock or was ended
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	SyncRun fenced(ActiveRun run) {
		if (run.lease().isLost()) {
			throw new RunFencedException("Run " + run.id() + " lost the lock of business " + run.businessId()
					+ " and stopped before its next write");
		}
		SyncRun record = this.runs.findForUpdate(run.id())
			.orElseThrow(() -> new RunFencedException("Run " + run.id() + " no longer exists"));
		if (!record.isRunning()) {
			throw new RunFencedException(
					"Run " + run.id() + " was ended as " + record.getStatus() + " while it ran; it writes no more");
		}
		return record;
	}

	@Transactional(readOnly = true)
	Optional<Instant> lastSuccessAt(String businessId) {
		return this.runs.findFirstByBusinessIdAndStatusOrderByIdDesc(businessId, SyncRun.Status.SUCCEEDED)
			.map(SyncRun::getFinishedAt);
	}

	@Transactional(readOnly = true)
	Optional<Instant> lastFinishedAt(String businessId) {
		return this.runs.findLastFinishedAt(businessId);
	}

}
