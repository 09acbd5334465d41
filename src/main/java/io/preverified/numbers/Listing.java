package io.preverified.numbers;

/**
 * A run as it lists the numbers of its business: what pages are written for, and, once it
 * listed every page, what unlisted numbers are removed by.
 *
 * @param businessId the business
 * @param runId the run
 * @param listed the ids it listed so far
 */
public record Listing(String businessId, long runId, ListedIds listed) {

	/**
	 * A listing that has listed nothing yet.
	 * @param businessId the business
	 * @param runId the run
	 */
	public Listing(String businessId, long runId) {
		this(businessId, runId, new ListedIds());
	}

}
