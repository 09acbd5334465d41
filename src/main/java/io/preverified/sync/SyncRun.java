package io.preverified.sync;

import java.time.Instant;

import io.preverified.graphapi.GraphApiError;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.NumbersPage;
import io.preverified.numbers.PageWriteResult;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One run of one business: when, why, how far it got and how it ended.
 */
@Entity
@Table(name = "sync_runs")
class SyncRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String businessId;

	@Enumerated(EnumType.STRING)
	private Trigger trigger;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant startedAt;

	private Instant finishedAt;

	private int pages;

	private int fetched;

	private int inserted;

	private int updated;

	private int unchanged;

	private int removed;

	private int removalsHeld;

	private int skipped;

	private int malformed;

	private Integer pageSize;

	@Embedded
	private RunError error;

	private boolean abandoned;

	protected SyncRun() {
	}

	SyncRun(String businessId, Trigger trigger, Instant startedAt) {
		this.businessId = businessId;
		this.trigger = trigger;
		this.status = Status.RUNNING;
		this.startedAt = startedAt;
	}

	/**
	 * Marks the moment the run leaves the queue of the sync pool and begins.
	 * @param startedAt that moment
	 */
	void begin(Instant startedAt) {
		this.startedAt = startedAt;
	}

	void addPage(NumbersPage page, PageWriteResult written) {
		this.pages++;
		this.pageSize = page.pageSize();
		this.fetched += page.numbers().size() + page.skipped();
		this.skipped += page.skipped();
		this.malformed += page.malformed();
		this.inserted += written.inserted();
		this.updated += written.updated();
		this.unchanged += written.unchanged();
	}

	void succeed(int removed, int removalsHeld, Instant finishedAt) {
		this.removed = removed;
		this.removalsHeld = removalsHeld;
		this.status = Status.SUCCEEDED;
		this.finishedAt = finishedAt;
	}

	void fail(RunError error, Instant finishedAt) {
		this.error = error;
		this.status = Status.FAILED;
		this.finishedAt = finishedAt;
	}

	/**
	 * Ends a run whose replica died before it could: failed, and not a run that ended
	 * when it was marked, so the business's schedule does not count from it.
	 * @param error why it failed
	 * @param markedAt when it was found abandoned
	 */
	void abandon(RunError error, Instant markedAt) {
		fail(error, markedAt);
		this.abandoned = true;
	}

	boolean isRunning() {
		return this.status == Status.RUNNING;
	}

	Long getId() {
		return this.id;
	}

	String getBusinessId() {
		return this.businessId;
	}

	Trigger getTrigger() {
		return this.trigger;
	}

	Status getStatus() {
		return this.status;
	}

	Instant getStartedAt() {
		return this.startedAt;
	}

	Instant getFinishedAt() {
		return this.finishedAt;
	}

	int getPages() {
		return this.pages;
	}

	int getFetched() {
		return this.fetched;
	}

	int getInserted() {
		return this.inserted;
	}

	int getUpdated() {
		return this.updated;
	}

	int getUnchanged() {
		return this.unchanged;
	}

	int getRemoved() {
		return this.removed;
	}

	int getRemovalsHeld() {
		return this.removalsHeld;
	}

	int getSkipped() {
		return this.skipped;
	}

	int getMalformed() {
		return this.malformed;
	}

	Integer getPageSize() {
		return this.pageSize;
	}

	RunError getError() {
		return this.error;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SyncRun run && this.id != null && this.id.equals(run.id));
	}

	@Override
	public int hashCode() {
		return SyncRun.class.hashCode();
	}

	/**
	 * What started a run.
	 */
	enum Trigger {

		SCHEDULED, MANUAL

	}

	/**
	 * Where a run stands.
	 */
	enum Status {

		RUNNING, SUCCEEDED, FAILED

	}

	/**
	 * Why a run failed, in the Graph API's terms where upstream gave them.
	 *
	 * @param errorCode upstream error code
	 * @param errorSubcode upstream error subcode
	 * @param errorType upstream error type
	 * @param errorMessage what went wrong
	 * @param errorFbtraceId upstream trace id
	 * @param errorAttempts requests made for the failed call, retries included
	 * @param errorCircuitOpen whether the call was refused because the circuit was open
	 */
	@jakarta.persistence.Embeddable
	record RunError(Integer errorCode, Integer errorSubcode, String errorType, String errorMessage,
			String errorFbtraceId, Integer errorAttempts, Boolean errorCircuitOpen) {

		private static final int MAX_MESSAGE = 2000;

		static RunError of(GraphApiException ex) {
			GraphApiError error = ex.getError();
			return new RunError(error.code(), error.subcode(), error.type(), error.message(), error.fbtraceId(),
					ex.getAttempts(), ex.isCircuitOpen());
		}

		// a failure's description may quote what upstream sent: kept bounded like
		// upstream's own messages
		static RunError of(String message) {
			return new RunError(null, null, null,
					(message != null && message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) : message,
					null, null, null);
		}

	}

}
