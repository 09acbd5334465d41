package io.preverified.alerts;

import java.time.Duration;

/**
 * How close a number is to losing its verification, from the least to the most severe;
 * computed by {@code AlertEvaluator} from the thresholds of {@link AlertsProperties}.
 */
public enum Severity {

	/** Within the re-verification window: it can be renewed now. */
	REVERIFY_WINDOW,

	/** Within the warning threshold. */
	WARNING,

	/** Within the critical threshold. */
	CRITICAL,

	/** Expired, or upstream reports it as EXPIRED. */
	EXPIRED,

	/**
	 * NOT_VERIFIED for {@link #UNVERIFIED_DROP_AFTER} since it was first seen: upstream
	 * drops a number never verified 90 days after it was added.
	 */
	UNVERIFIED_DROP;

	/** How long a number may stay NOT_VERIFIED before its alert. */
	public static final Duration UNVERIFIED_DROP_AFTER = Duration.ofDays(75);

}
