package io.preverified.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.preverified.graphapi.NumbersPage;
import io.preverified.numbers.ListingTimes;
import io.preverified.numbers.NumberWriter;
import io.preverified.numbers.PageWriteResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every run, written as the run goes: each page commits together with the
 * counts it adds, so a run that fails half-way keeps what it fetched.
 */
@Service
class SyncRuns implements ListingTimes {

	private final SyncRunRepository runs;

	private final NumberWriter numbers;

	private final Clock clock;

	SyncRuns(SyncRunRepository runs, NumberWriter numbers, Clock clock) {
		this.runs = runs;
		this.numbers = numbers;
		this.clock = clock;
	}

	@Transactional
	SyncRun start(String businessId, SyncRun.Trigger trigger) {
		return this.runs.save(new SyncRun(businessId, trigger, this.clock.instant()));
	}

	/**
	 * Marks as failed the runs of a business left running by a replica that stopped
	 * without finishing them. Called only while holding the business's lock, so none of
	 * them can still be running.
	 */
	@Transactional
	void failAbandoned(String businessId) {
		for (SyncRun run : this.runs.findByBusinessIdAndStatus(businessId, SyncRun.Status.RUNNING)) {
			run.fail(SyncRun.RunError.of("Abandoned: the service stopped before the run ended"), this.clock.instant());
		}
	}

	@Transactional
	void begin(long runId) {
		this.runs.getReferenceById(runId).begin(this.clock.instant());
	}

	@Transactional
	void recordPage(long runId, String businessId, NumbersPage page) {
		PageWriteResult written = this.numbers.write(businessId, runId, page.numbers(), this.clock.instant());
		this.runs.getReferenceById(runId).addPage(page, written);
	}

	@Transactional
	void succeed(long runId, String businessId) {
		Instant now = this.clock.instant();
		Instant lastListed = lastCompleteListing(businessId).orElse(null);
		int removed = this.numbers.removeUnlisted(businessId, runId, lastListed, now);
		this.runs.getReferenceById(runId).succeed(removed, now);
	}

	@Transactional
	void fail(long runId, SyncRun.RunError error) {
		this.runs.getReferenceById(runId).fail(error, this.clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> lastCompleteListing(String businessId) {
		return this.runs.findFirstByBusinessIdAndStatusOrderByIdDesc(businessId, SyncRun.Status.SUCCEEDED)
			.map(SyncRun::getFinishedAt);
	}

	@Transactional(readOnly = true)
	Optional<Instant> lastFinishedAt(String businessId) {
		return this.runs.findLastFinishedAt(businessId);
	}

}
