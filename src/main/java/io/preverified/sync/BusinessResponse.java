package io.preverified.sync;

import java.time.Instant;
import java.util.Map;

/**
 * A configured business as the API shows it; never its token.
 *
 * @param id business id
 * @param name its label
 * @param lastRun its latest run, or {@code null}
 * @param lastSuccessAt when its last successful run ended
 * @param numbers counts of its listed numbers
 */
record BusinessResponse(String id, String name, SyncRunResponse lastRun, Instant lastSuccessAt, Numbers numbers) {

	/**
	 * Counts of listed numbers.
	 *
	 * @param total all of them
	 * @param byStatus by verification status
	 */
	record Numbers(long total, Map<String, Long> byStatus) {

		static Numbers of(Map<String, Long> byStatus) {
			return new Numbers(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus);
		}

	}

}
