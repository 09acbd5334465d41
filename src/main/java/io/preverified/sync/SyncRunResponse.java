package io.preverified.sync;

import java.time.Instant;

/**
 * A run as the API shows it.
 *
 * @param id run id
 * @param businessId the business synced
 * @param trigger what started it
 * @param status where it stands
 * @param startedAt when it started
 * @param finishedAt when it ended, or {@code null} while running
 * @param pages pages received
 * @param fetched records received
 * @param inserted numbers seen for the first time
 * @param updated numbers whose values changed
 * @param unchanged numbers that stayed as they were
 * @param removed numbers no longer listed
 * @param removalsHeld numbers no longer listed but held back by the removal guard until
 * the next complete run
 * @param skipped records left out, having no id
 * @param malformed records kept without a field that could not be read
 * @param pageSize the page size last asked for; smaller than configured when upstream
 * asked for less data
 * @param error why it failed, or {@code null}
 */
record SyncRunResponse(long id, String businessId, SyncRun.Trigger trigger, SyncRun.Status status, Instant startedAt,
		Instant finishedAt, int pages, int fetched, int inserted, int updated, int unchanged, int removed,
		int removalsHeld, int skipped, int malformed, Integer pageSize, Error error) {

	static SyncRunResponse of(SyncRun run) {
		SyncRun.RunError error = run.getError();
		return new SyncRunResponse(run.getId(), run.getBusinessId(), run.getTrigger(), run.getStatus(),
				run.getStartedAt(), run.getFinishedAt(), run.getPages(), run.getFetched(), run.getInserted(),
				run.getUpdated(), run.getUnchanged(), run.getRemoved(), run.getRemovalsHeld(), run.getSkipped(),
				run.getMalformed(), run.getPageSize(),
				(error != null && error.errorMessage() != null)
						? new Error(error.errorCode(), error.errorSubcode(), error.errorType(), error.errorMessage(),
								error.errorFbtraceId(), error.errorAttempts(), error.errorCircuitOpen())
						: null);
	}

	/**
	 * Why a run failed.
	 *
	 * @param code upstream error code
	 * @param subcode upstream error subcode
	 * @param type upstream error type
	 * @param message what went wrong
	 * @param fbtraceId upstream trace id
	 * @param attempts requests made for the failed call, retries included
	 * @param circuitOpen whether the call was refused because the circuit was open
	 */
	record Error(Integer code, Integer subcode, String type, String message, String fbtraceId, Integer attempts,
			Boolean circuitOpen) {

	}

}
