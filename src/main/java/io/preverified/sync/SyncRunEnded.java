package io.preverified.sync;

/**
 * Published when a run of a business has ended, whatever its outcome.
 *
 * @param businessId the business
 * @param runId the run
 * @param succeeded whether it listed every page
 */
public record SyncRunEnded(String businessId, long runId, boolean succeeded) {

}
