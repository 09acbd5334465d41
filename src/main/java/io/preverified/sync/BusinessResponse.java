package io.preverified.sync;

import java.time.Instant;
import java.util.Map;

import io.preverified.numbers.Pool;

/**
 * A business as the API shows it; never its token.
 *
 * @param id business id
 * @param name its label
 * @param source {@code CONFIG} or {@code API}
 * @param paused whether it is left alone (no run, no call upstream)
 * @param tokenStatus what upstream last said of its token: {@code VALID},
 * {@code REJECTED} or {@code UNKNOWN}
 * @param tokenCheckedAt when upstream last said it
 * @param tokenError upstream's message when it rejected the token
 * @param lastRun its latest run, or {@code null}
 * @param lastSuccessAt when its last successful run ended
 * @param numbers counts of its listed numbers
 * @param pool what it can still hand out, and how fast it goes
 */
record BusinessResponse(String id, String name, String source, boolean paused, String tokenStatus,
		Instant tokenCheckedAt, String tokenError, SyncRunResponse lastRun, Instant lastSuccessAt, Numbers numbers,
		Pool pool) {

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
